package org.collapselab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
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
        ScanResult scan = DatasetScanner.scan(root, null, progress, cancel);
        requireTwoClasses(scan.root(), scan.classes());
        return scan;
    }

    /** Scans and decodes {@code root}; classes are its sub-folders in sorted order. */
    public ImageDataset load(Path root, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        return decode(scan(root, progress, cancel), imageSize, channels, true, progress, cancel);
    }

    /**
     * Loads a second folder (a separate validation set, or images to predict) with the class list of
     * training; folders that are not among {@code classes} are skipped with a reason.
     */
    public ImageDataset load(Path root, List<String> classes, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        ScanResult scan = DatasetScanner.scan(root, classes, progress, cancel);
        if (scan.images().isEmpty()) {
            throw new DataException("no images of the classes " + classes + " in " + root);
        }
        return decode(scan, imageSize, channels, false, progress, cancel);
    }

    /** Decodes the scanned images; when {@code dropEmptyClasses}, classes left with no readable image are removed. */
    public ImageDataset decode(ScanResult scan, int imageSize, int channels, boolean dropEmptyClasses,
                               ProgressObserver progress, CancellationToken cancel) throws DataException {
        List<ImageRef> refs = scan.images();
        int n = refs.size();
        int bytes = imageSize * imageSize * channels;
        byte[] pixels = new byte[n * bytes];
        ImageInfo[] infos = new ImageInfo[n];
        String[] failures = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, n)), r -> {
            Thread t = new Thread(r, "image-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(threads, Math.max(1, n)); w++) {
                workers.add(pool.submit(() -> {
                    ImageDecoder decoder = new ImageDecoder(imageSize, channels);
                    for (int i = next.getAndIncrement(); i < n && !cancel.isCancelled(); i = next.getAndIncrement()) {
                        Path file = refs.get(i).path();
                        try {
                            decoder.decode(file, pixels, i * bytes);
                            infos[i] = ImageStats.info(decoder, pixels, i * bytes, imageSize, channels, sizeOf(file));
                        } catch (IOException | RuntimeException e) {
                            failures[i] = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        }
                        int d = done.incrementAndGet();
                        if (d % 64 == 0 || d == n) {
                            progress.progress(d, n, "Decoding images");
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("image decoding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        cancel.throwIfCancelled();
        return assemble(scan, imageSize, channels, pixels, infos, failures, dropEmptyClasses);
    }

    private static ImageDataset assemble(ScanResult scan, int size, int channels, byte[] pixels, ImageInfo[] infos,
                                         String[] failures, boolean dropEmptyClasses) throws DataException {
        List<SkippedFile> skipped = new ArrayList<>(scan.skipped());
        List<ImageRef> refs = scan.images();
        int[] perClass = new int[scan.classes().size()];
        for (int i = 0; i < refs.size(); i++) {
            if (failures[i] != null) {
                skipped.add(new SkippedFile(refs.get(i).path(), failures[i]));
            } else {
                perClass[refs.get(i).classIndex()]++;
            }
        }
        List<String> classes = new ArrayList<>();
        int[] remap = new int[perClass.length];
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0 && dropEmptyClasses) {
                remap[c] = -1;
                skipped.add(new SkippedFile(scan.root().resolve(scan.classes().get(c)),
                        "class folder '" + scan.classes().get(c) + "' has no readable images"));
            } else {
                remap[c] = classes.size();
                classes.add(scan.classes().get(c));
            }
        }
        if (dropEmptyClasses) {
            requireTwoClasses(scan.root(), classes);
        }
        int bytes = size * size * channels;
        int kept = 0;
        for (int i = 0; i < refs.size(); i++) {
            if (failures[i] == null && remap[refs.get(i).classIndex()] >= 0) {
                kept++;
            }
        }
        byte[] packed = kept == refs.size() ? pixels : new byte[kept * bytes];
        int[] labels = new int[kept];
        List<Path> paths = new ArrayList<>(kept);
        List<ImageInfo> keptInfos = new ArrayList<>(kept);
        int k = 0;
        for (int i = 0; i < refs.size(); i++) {
            if (failures[i] != null || remap[refs.get(i).classIndex()] < 0) {
                continue;
            }
            if (packed != pixels) {
                System.arraycopy(pixels, i * bytes, packed, k * bytes, bytes);
            }
            labels[k] = remap[refs.get(i).classIndex()];
            paths.add(refs.get(i).path());
            keptInfos.add(infos[i]);
            k++;
        }
        return new ImageDataset(scan.root(), classes, size, channels, packed, labels, paths, keptInfos, skipped);
    }

    private static void requireTwoClasses(Path root, List<String> classes) throws DataException {
        if (classes.size() < 2) {
            throw new DataException("found " + classes.size() + " class folder" + (classes.size() == 1 ? "" : "s")
                    + " with images in " + root + (classes.isEmpty() ? "" : " (" + classes.get(0) + ")")
                    + "; a classifier needs at least two sub-folders of images, one per class");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
