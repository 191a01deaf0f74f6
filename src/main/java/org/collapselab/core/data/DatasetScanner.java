package org.collapselab.core.data;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Walks a class-per-folder dataset in name order, following symbolic links but stopping at loops.
 * Everything that cannot be an image is listed with a reason. Blocking; call from a worker thread.
 */
final class DatasetScanner {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    private static final int MAX_DEPTH = 32;
    private static final String HIDDEN = "hidden (the name starts with '.')";

    private DatasetScanner() {
    }

    /** @param onlyClasses when not null, only these folders are classes (in this order); others are skipped */
    static ScanResult scan(Path root, List<String> onlyClasses, ProgressObserver progress, CancellationToken cancel)
            throws DataException {
        return scan(root, onlyClasses, progress, cancel, image -> { });
    }

    /**
     * @param found told of each image as soon as it is found (its index is its position in
     *              {@link ScanResult#images()}), so decoding can start before the scan ends
     */
    static ScanResult scan(Path root, List<String> onlyClasses, ProgressObserver progress, CancellationToken cancel,
                           Consumer<ImageRef> found) throws DataException {
        if (root == null || !Files.exists(root)) {
            throw new DataException("the dataset folder does not exist: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new DataException("not a folder: " + root + " — choose the folder that holds one sub-folder per class");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        String[] children = root.toFile().list();
        if (children == null) {
            throw new DataException("cannot read the folder " + root + " (no permission, or not a folder)");
        }
        Arrays.sort(children);
        for (String name : children) {
            Path child = root.resolve(name);
            if (name.startsWith(".")) {
                skipped.add(new SkippedFile(child, HIDDEN));
                continue;
            }
            if (child.toFile().isDirectory()) {
                folders.add(child);
            } else {
                skipped.add(new SkippedFile(child, "not inside a class folder (files must sit in one sub-folder per class)"));
            }
        }
        List<String> classes = new ArrayList<>();
        List<ImageRef> images = new ArrayList<>();
        List<String> names = folders.stream().map(f -> f.getFileName().toString()).toList();
        List<String> order = onlyClasses != null ? onlyClasses : names;
        long[] seen = {0};
        for (String className : order) {
            int index = names.indexOf(className);
            if (index < 0) {
                continue; // a training class absent from this folder is fine
            }
            Path folder = folders.get(index);
            int classIndex = onlyClasses != null ? onlyClasses.indexOf(className) : classes.size();
            int before = images.size();
            walk(folder, classIndex, images, skipped, progress, cancel, seen, found);
            if (onlyClasses == null) {
                if (images.size() == before) {
                    skipped.add(new SkippedFile(folder, "class folder '" + className + "' has no readable images"));
                    continue;
                }
                classes.add(className);
            }
        }
        if (onlyClasses != null) {
            for (int i = 0; i < folders.size(); i++) {
                if (!onlyClasses.contains(names.get(i))) {
                    skipped.add(new SkippedFile(folders.get(i), "folder '" + names.get(i)
                            + "' is not one of the model's classes " + onlyClasses));
                }
            }
            return new ScanResult(root, onlyClasses, images, skipped);
        }
        return new ScanResult(root, classes, images, skipped);
    }

    private static void walk(Path folder, int classIndex, List<ImageRef> images, List<SkippedFile> skipped,
                             ProgressObserver progress, CancellationToken cancel, long[] seen,
                             Consumer<ImageRef> found) throws DataException {
        File dir = folder.toFile();
        String[] names = dir.list();
        if (names == null) {
            throw new DataException("cannot scan " + folder + " (no permission, or not a folder)");
        }
        Set<String> ancestors = new HashSet<>();
        ancestors.add(canonical(dir));
        walk(dir, names, 1, ancestors, classIndex, images, skipped, progress, cancel, seen, found);
    }

    /**
     * Depth-first in name order, so the image order (and with it every seeded split) is the same on
     * every machine. java.io.File rather than Files.walkFileTree: a few native calls per file instead
     * of a deep NIO call chain, which halves a cold JVM's first scan. Symbolic links are followed;
     * one that leads back to an ancestor folder is reported instead of walked.
     */
    private static void walk(File dir, String[] names, int depth, Set<String> ancestors, int classIndex,
                             List<ImageRef> images, List<SkippedFile> skipped, ProgressObserver progress,
                             CancellationToken cancel, long[] seen, Consumer<ImageRef> found) {
        cancel.throwIfCancelled();
        Arrays.sort(names);
        for (String name : names) {
            if (++seen[0] % 500 == 0) {
                cancel.throwIfCancelled();
                progress.progress(seen[0], -1, "Scanning");
            }
            File file = new File(dir, name);
            if (name.startsWith(".")) {
                skipped.add(new SkippedFile(file.toPath(), HIDDEN));
                continue;
            }
            String extension = extension(name);
            if (IMAGE_EXTENSIONS.contains(extension)) {
                // No file-system call here: the decoder finds out (in parallel) whether it is a readable file.
                ImageRef image = new ImageRef(file.toPath(), classIndex);
                images.add(image);
                found.accept(image);
            } else if (file.isDirectory()) {
                String[] children = depth < MAX_DEPTH ? file.list() : null;
                String key = canonical(file);
                if (ancestors.contains(key)) {
                    skipped.add(new SkippedFile(file.toPath(),
                            "symbolic link loop (points back to a parent folder); not followed"));
                } else if (depth >= MAX_DEPTH) {
                    skipped.add(new SkippedFile(file.toPath(),
                            "nested more than " + MAX_DEPTH + " folders deep; not scanned"));
                } else if (children == null) {
                    skipped.add(new SkippedFile(file.toPath(), "cannot be read (no permission)"));
                } else {
                    ancestors.add(key);
                    walk(file, children, depth + 1, ancestors, classIndex, images, skipped, progress, cancel, seen,
                            found);
                    ancestors.remove(key);
                }
            } else if (!file.exists()) {
                skipped.add(new SkippedFile(file.toPath(),
                        "cannot be read (a broken symbolic link, or removed while scanning)"));
            } else if (!file.isFile()) {
                skipped.add(new SkippedFile(file.toPath(), "not a regular file"));
            } else {
                skipped.add(new SkippedFile(file.toPath(), "not an image file (" + (extension.isEmpty()
                        ? "no extension" : "." + extension) + "); readable formats: PNG, JPEG, BMP, GIF"));
            }
        }
    }

    private static String canonical(File dir) {
        try {
            return dir.getCanonicalPath();
        } catch (IOException e) {
            return dir.getAbsolutePath();
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
