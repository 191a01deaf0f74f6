package org.collapselab.cli;

import java.nio.file.Path;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** Loads datasets for the commands, reporting progress on stderr and what was skipped. */
final class DataLoading {
    private DataLoading() {
    }

    static ImageDataset load(Path root, ExperimentConfig config, CancellationToken cancel) throws DataException {
        long start = System.nanoTime();
        ImageDataset data = new DatasetLoader().load(root, config.data().imageSize(), config.data().channels(),
                progress(), cancel);
        report(data, start);
        return data;
    }

    static ImageDataset loadValidation(ExperimentConfig config, ImageDataset train, CancellationToken cancel)
            throws DataException {
        String path = config.data().validationPath();
        if (path == null || path.isBlank()) {
            return null;
        }
        long start = System.nanoTime();
        ImageDataset data = new DatasetLoader().load(Path.of(path), train.classes(), config.data().imageSize(),
                config.data().channels(), progress(), cancel);
        report(data, start);
        return data;
    }

    private static void report(ImageDataset data, long start) {
        System.err.printf("Loaded %d images of %d classes from %s in %.1f s%s%n", data.count(), data.classCount(),
                data.root(), (System.nanoTime() - start) / 1e9,
                data.skipped().isEmpty() ? "" : "; skipped " + data.skipped().size() + " (see report.json)");
        data.skipped().stream().limit(10).forEach(s -> System.err.println("  skipped " + s.file() + ": " + s.reason()));
        if (data.skipped().size() > 10) {
            System.err.println("  … and " + (data.skipped().size() - 10) + " more");
        }
    }

    private static ProgressObserver progress() {
        long[] last = {0};
        return (done, total, message) -> {
            long now = System.nanoTime();
            if (now - last[0] > 2_000_000_000L) {
                last[0] = now;
                System.err.printf("  %s %d/%s%n", message, done, total < 0 ? "?" : String.valueOf(total));
            }
        };
    }
}
