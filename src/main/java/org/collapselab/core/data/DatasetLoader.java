package org.collapselab.core.data;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Scans a class-per-folder dataset and decodes every image once, in parallel, straight to the
 * target size. Unreadable files are skipped and listed, never fatal. Blocking; call from a worker thread.
 */
public final class DatasetLoader {
    private final int threads;

    public DatasetLoader() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public DatasetLoader(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Finds classes and candidate files without decoding. @throws DataException when the folder is unusable. */
    public ScanResult scan(Path root, ProgressObserver progress, CancellationToken cancel) throws DataException {
        throw new UnsupportedOperationException("TODO data helper");
    }

    /** Scans and decodes {@code root}; classes are its sub-folders in sorted order. */
    public ImageDataset load(Path root, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        throw new UnsupportedOperationException("TODO data helper");
    }

    /**
     * Loads a second folder (a separate validation set, or images to predict) with the class list of
     * training; folders that are not among {@code classes} are skipped with a reason.
     */
    public ImageDataset load(Path root, List<String> classes, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        throw new UnsupportedOperationException("TODO data helper");
    }
}
