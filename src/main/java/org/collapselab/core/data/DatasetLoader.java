package org.collapselab.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Scans a class-per-folder dataset and decodes every image once, in parallel and while the scan
 * goes on, straight to the target size. Unreadable files are skipped and listed, never fatal.
 * Blocking; call from a worker thread.
 */
public final class DatasetLoader {
    private final int threads;

    public DatasetLoader() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads how many threads decode at once: {@code threads - 1} workers (at least one) run from the
     *                start, and the calling thread joins them when the scan is done. On a cold JVM one core
     *                less during the scan leaves room for the JIT compiler: 0.27 → 0.25 s median first load
     *                of 3,000 PNGs on two cores.
     */
    public DatasetLoader(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Whether the file's name has an image extension the loader reads (png, jpg, jpeg, bmp, gif). */
    public static boolean hasImageExtension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && DatasetScanner.IMAGE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Finds classes and candidate files without decoding. @throws DataException when the folder is unusable. */
    public ScanResult scan(Path root, ProgressObserver progress, CancellationToken cancel) throws DataException {
        ScanResult scan = DatasetScanner.scan(root, null, progress, cancel);
        requireTwoClasses(scan.root(), scan.classes());
        return scan;
    }

    /**
     * Scans and decodes {@code root}; classes are its sub-folders in sorted order. Decoding starts
     * with the first image found, on every core, while the scan goes on.
     */
    public ImageDataset load(Path root, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        return scanAndDecode(root, null, imageSize, channels, true, progress, cancel);
    }

    /**
     * Loads a second folder (a separate validation set, or images to predict) with the class list of
     * training; folders that are not among {@code classes} are skipped with a reason.
     */
    public ImageDataset load(Path root, List<String> classes, int imageSize, int channels, ProgressObserver progress,
                             CancellationToken cancel) throws DataException {
        return scanAndDecode(root, classes, imageSize, channels, false, progress, cancel);
    }

    /**
     * Decodes the given files as unlabelled images (label 0 of {@code classes}; the labels mean nothing), e.g. images
     * dropped onto the app to classify. Files that are not readable images are skipped with a reason.
     *
     * @throws DataException when none of the files is a readable image
     */
    public ImageDataset loadFiles(List<Path> files, List<String> classes, int imageSize, int channels,
                                  ProgressObserver progress, CancellationToken cancel) throws DataException {
        if (files.isEmpty()) {
            throw new DataException("no image files given");
        }
        ParallelDecode decode = new ParallelDecode(imageSize, channels, Math.max(1, threads - 1), progress,
                cancel::isCancelled);
        List<ImageRef> refs = new ArrayList<>(files.size());
        try {
            for (Path file : files) {
                ImageRef ref = new ImageRef(file, 0);
                refs.add(ref);
                decode.add(ref);
            }
            decode.checkSize();
        } catch (DataException | RuntimeException e) {
            decode.abandon();
            throw e;
        } finally {
            decode.close();
        }
        ParallelDecode.Decoded decoded = decode.await();
        cancel.throwIfCancelled();
        Path root = files.get(0).toAbsolutePath().getParent();
        ImageDataset images = assemble(new ScanResult(root, classes, refs, List.of()), imageSize, channels,
                decoded.pixels(), decoded.infos(), decoded.failures(), false);
        if (images.count() == 0) {
            throw new DataException("none of the " + files.size() + " files is a readable image: "
                    + images.skipped().get(0).file().getFileName() + " — " + images.skipped().get(0).reason());
        }
        return images;
    }

    private ImageDataset scanAndDecode(Path root, List<String> onlyClasses, int imageSize, int channels,
                                       boolean training, ProgressObserver progress, CancellationToken cancel)
            throws DataException {
        if (imageSize < 1 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("image size must be positive and channels 1 or 3, was "
                    + imageSize + " and " + channels);
        }
        ParallelDecode decode = new ParallelDecode(imageSize, channels, Math.max(1, threads - 1), progress,
                cancel::isCancelled);
        ScanResult scan;
        try {
            scan = DatasetScanner.scan(root, onlyClasses, progress, cancel, decode::add);
            if (training) {
                requireTwoClasses(scan.root(), scan.classes());
            } else if (scan.images().isEmpty()) {
                throw new DataException("no images of the classes " + onlyClasses + " in " + root);
            }
            decode.checkSize();
        } catch (DataException | RuntimeException e) {
            decode.abandon();
            throw e;
        } finally {
            decode.close();
        }
        ParallelDecode.Decoded decoded = decode.await();
        cancel.throwIfCancelled();
        progress.progress(scan.images().size(), scan.images().size(), "Decoding images");
        return assemble(scan, imageSize, channels, decoded.pixels(), decoded.infos(), decoded.failures(), training);
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
}
