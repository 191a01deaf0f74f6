package org.collapselab.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Every image of a dataset decoded once and resized to {@code size × size × channels}, kept in
 * memory as uint8 in HWC order (one contiguous array), with labels and per-image facts. Batches
 * are normalised on the fly from here, so PNGs are never decoded twice. Immutable after construction.
 */
public final class ImageDataset implements LabelledData {
    private final Path root;
    private final List<String> classes;
    private final int size;
    private final int channels;
    private final byte[] pixels;
    private final int[] labels;
    private final List<Path> paths;
    private final List<ImageInfo> infos;
    private final List<SkippedFile> skipped;

    public ImageDataset(Path root, List<String> classes, int size, int channels, byte[] pixels, int[] labels,
                        List<Path> paths, List<ImageInfo> infos, List<SkippedFile> skipped) {
        int n = labels.length;
        if (pixels.length != (long) n * size * size * channels) {
            throw new IllegalArgumentException("pixel buffer holds " + pixels.length + " bytes, expected "
                    + (long) n * size * size * channels);
        }
        if (paths.size() != n || infos.size() != n) {
            throw new IllegalArgumentException("paths, infos and labels differ in length");
        }
        this.root = root;
        this.classes = List.copyOf(classes);
        this.size = size;
        this.channels = channels;
        this.pixels = pixels;
        this.labels = labels.clone();
        this.paths = List.copyOf(paths);
        this.infos = List.copyOf(infos);
        this.skipped = List.copyOf(skipped);
    }

    public Path root() { return root; }
    public List<String> classes() { return classes; }
    public int classCount() { return classes.size(); }
    public int imageSize() { return size; }
    public int channels() { return channels; }
    public int count() { return labels.length; }
    public int label(int index) { return labels[index]; }
    public Path path(int index) { return paths.get(index); }
    public ImageInfo info(int index) { return infos.get(index); }
    public List<SkippedFile> skipped() { return skipped; }

    @Override
    public int skippedCount() { return skipped.size(); }

    /** Bytes per image: size × size × channels. */
    public int imageBytes() {
        return size * size * channels;
    }

    /** Copies image {@code index} (HWC uint8) into {@code dst} at {@code offset}. */
    public void copyPixels(int index, byte[] dst, int offset) {
        System.arraycopy(pixels, index * imageBytes(), dst, offset, imageBytes());
    }

    /** Unsigned pixel value at image {@code index}, row {@code y}, column {@code x}, channel {@code c}. */
    public int pixel(int index, int y, int x, int c) {
        return pixels[index * imageBytes() + (y * size + x) * channels + c] & 0xFF;
    }

    /** The shared backing array; read-only by convention, used by the batch code for speed. */
    byte[] rawPixels() {
        return pixels;
    }

    public int[] labels() {
        return labels.clone();
    }

    /** Number of images per class, indexed like {@link #classes()}. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** A dataset of the chosen images only (same classes), e.g. a learning-curve fraction. */
    public ImageDataset subset(int[] indices) {
        byte[] sub = new byte[indices.length * imageBytes()];
        int[] subLabels = new int[indices.length];
        Path[] subPaths = new Path[indices.length];
        ImageInfo[] subInfos = new ImageInfo[indices.length];
        for (int i = 0; i < indices.length; i++) {
            copyPixels(indices[i], sub, i * imageBytes());
            subLabels[i] = labels[indices[i]];
            subPaths[i] = paths.get(indices[i]);
            subInfos[i] = infos.get(indices[i]);
        }
        return new ImageDataset(root, classes, size, channels, sub, subLabels, Arrays.asList(subPaths),
                Arrays.asList(subInfos), skipped);
    }

    /** The same images with labels replaced (label-shuffle test). */
    @Override
    public ImageDataset withLabels(int[] newLabels) {
        return new ImageDataset(root, classes, size, channels, pixels, newLabels, paths, infos, skipped);
    }

    /** The same images with every pixel zero (the input-independent baseline). */
    @Override
    public ImageDataset zeroed() {
        return new ImageDataset(root, classes, size, channels, new byte[pixels.length], labels, paths, infos, skipped);
    }
}
