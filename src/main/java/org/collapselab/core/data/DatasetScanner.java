package org.collapselab.core.data;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Walks a class-per-folder dataset by streaming (no full listing in memory beyond the candidate
 * paths), following symbolic links but stopping at loops. Everything that cannot be an image is
 * listed with a reason. Blocking; call from a worker thread.
 */
final class DatasetScanner {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    private static final int MAX_DEPTH = 32;

    private DatasetScanner() {
    }

    /** @param onlyClasses when not null, only these folders are classes (in this order); others are skipped */
    static ScanResult scan(Path root, List<String> onlyClasses, ProgressObserver progress, CancellationToken cancel)
            throws DataException {
        if (root == null || !Files.exists(root)) {
            throw new DataException("the dataset folder does not exist: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new DataException("not a folder: " + root + " — choose the folder that holds one sub-folder per class");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    folders.add(child);
                } else {
                    skipped.add(new SkippedFile(child, "not inside a class folder (files must sit in one sub-folder per class)"));
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read the folder " + root + ": " + e.getMessage());
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
            walk(folder, classIndex, images, skipped, progress, cancel, seen);
            if (onlyClasses == null) {
                if (images.size() == before) {
                    skipped.add(new SkippedFile(folder, "class folder '" + className + "' has no image files"));
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
                             ProgressObserver progress, CancellationToken cancel, long[] seen) throws DataException {
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    cancel.throwIfCancelled();
                    return !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++seen[0] % 500 == 0) {
                        cancel.throwIfCancelled();
                        progress.progress(seen[0], -1, "Scanning");
                    }
                    String name = file.getFileName().toString();
                    if (name.startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) {
                        skipped.add(new SkippedFile(file, "not a regular file"));
                    } else if (!IMAGE_EXTENSIONS.contains(extension(name))) {
                        skipped.add(new SkippedFile(file, "not an image file (" + (extension(name).isEmpty()
                                ? "no extension" : "." + extension(name)) + "); readable formats: PNG, JPEG, BMP, GIF"));
                    } else if (attrs.size() == 0) {
                        skipped.add(new SkippedFile(file, "empty file (0 bytes)"));
                    } else {
                        images.add(new ImageRef(file, classIndex));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String reason = e instanceof FileSystemLoopException
                            ? "symbolic link loop (points back to a parent folder); not followed"
                            : "cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                    skipped.add(new SkippedFile(file, reason));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DataException("cannot scan " + folder + ": " + e.getMessage());
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
