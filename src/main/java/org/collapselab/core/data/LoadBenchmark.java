package org.collapselab.core.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Times scanning plus decoding of one folder, the {@code load_s} figure that
 * {@code ../shared/perf/torch_ref.py} prints for PyTorch/PIL (issue 5). The first load of a JVM is
 * reported separately from the warm repeats, because the Python side has no JIT warm-up to pay.
 * Blocking; call from a worker thread.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    /** Loads {@code root} {@code 1 + warmRepeats} times and returns the figures as an ordered JSON-ready map. */
    public static Map<String, Object> run(Path root, int size, int channels, int threads, int warmRepeats)
            throws DataException {
        DatasetLoader loader = new DatasetLoader(threads);
        long start = System.nanoTime();
        ImageDataset data = loader.load(root, size, channels, ProgressObserver.NONE, CancellationToken.none());
        double first = seconds(start);
        double best = first;
        for (int i = 0; i < warmRepeats; i++) {
            start = System.nanoTime();
            loader.load(root, size, channels, ProgressObserver.NONE, CancellationToken.none());
            best = Math.min(best, seconds(start));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", "collapse-lab");
        out.put("images", data.count());
        out.put("classes", data.classCount());
        out.put("skipped", data.skipped().size());
        out.put("size", size);
        out.put("channels", channels);
        out.put("threads", threads);
        out.put("load_s", round(first));
        out.put("warm_load_s", warmRepeats > 0 ? round(best) : null);
        out.put("images_per_s", Math.round(data.count() / first));
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
