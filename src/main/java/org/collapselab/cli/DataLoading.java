package org.collapselab.cli;

import java.nio.file.Path;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** Loads datasets for the commands through the experiment service, reporting progress and what was skipped on stderr. */
final class DataLoading {
    private DataLoading() {
    }

    /** The training folder and, when the config names one, the validation folder (kept by the service for the run). */
    static ImageDataset load(ExperimentService service, Path root, ExperimentConfig config, CancellationToken cancel)
            throws DataException {
        long start = System.nanoTime();
        ImageDataset data = service.loadData(root, config, progress(), cancel);
        report(data, start);
        long validationStart = System.nanoTime();
        ImageDataset validation = service.loadValidation(config, data, progress(), cancel);
        if (validation != null) {
            report(validation, validationStart);
        }
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
