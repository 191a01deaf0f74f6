package org.collapselab.core.data;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;

/**
 * Two fingerprints of one decoded image, taken while it is decoded so the duplicate check never reads a file again.
 * {@code content} is a 64-bit hash of the decoded pixels at the file's own resolution (with its width and height): two
 * files with the same pixels match even when their bytes differ (re-saved, other compression, other metadata).
 * {@code perceptual} is a 64-bit DCT hash (pHash, Zauner 2010, "Implementation and benchmarking of perceptual
 * image hash functions"): the image as a 32×32 grey thumbnail (area means), its 8×8 lowest DCT frequencies, one bit
 * per frequency above their median (bit 0, the constant term, is always clear). A resized or re-encoded copy keeps
 * almost every bit; {@link Long#bitCount} of the XOR is the Hamming distance. Immutable.
 */
public record ImageHash(long content, long perceptual) {
    private static final int SIDE = 32;
    private static final int FREQUENCIES = 8;
    private static final double[] COSINES = cosines();
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Hamming distance between the perceptual hashes (0–64). */
    public int distance(ImageHash other) {
        return Long.bitCount(perceptual ^ other.perceptual);
    }

    /** Fingerprints of a decoder's image, at its source resolution. */
    static ImageHash of(RgbImage image) {
        return of(image.width(), image.height(), (x, y) -> image.sample(x, y, 0) << 16 | image.sample(x, y, 1) << 8
                | image.sample(x, y, 2));
    }

    /**
     * Fingerprints of image {@code index} as the dataset holds it (resized): for datasets built without a decoder
     * (in memory, sent to a cluster), whose {@link ImageInfo} carries no hash.
     */
    public static ImageHash of(ImageDataset data, int index) {
        int size = data.imageSize();
        int channels = data.channels();
        return of(size, size, (x, y) -> channels == 1 ? data.pixel(index, y, x, 0) * 0x010101
                : data.pixel(index, y, x, 0) << 16 | data.pixel(index, y, x, 1) << 8 | data.pixel(index, y, x, 2));
    }

    /** The hash the decoder took, or one taken from the dataset's pixels when it has none. */
    public static ImageHash orCompute(ImageDataset data, int index) {
        ImageHash hash = data.info(index).hash();
        return hash != null ? hash : of(data, index);
    }

    /** @param rgb packed 0xRRGGBB of pixel (x, y) */
    static ImageHash of(int width, int height, IntBinaryOperator rgb) {
        long content = FNV_OFFSET;
        double[] sums = new double[SIDE * SIDE];
        int[] counts = new int[SIDE * SIDE];
        int[] firstColumn = new int[width];
        int[] lastColumn = new int[width];
        for (int x = 0; x < width; x++) {
            // A source pixel feeds every thumbnail cell it overlaps: an image smaller than the thumbnail fills it too.
            firstColumn[x] = x * SIDE / width;
            lastColumn[x] = ((x + 1) * SIDE - 1) / width;
        }
        for (int y = 0; y < height; y++) {
            int firstRow = y * SIDE / height;
            int lastRow = ((y + 1) * SIDE - 1) / height;
            for (int x = 0; x < width; x++) {
                int pixel = rgb.applyAsInt(x, y);
                content = (content ^ pixel) * FNV_PRIME;
                double grey = 0.299 * (pixel >>> 16 & 0xFF) + 0.587 * (pixel >>> 8 & 0xFF) + 0.114 * (pixel & 0xFF);
                for (int row = firstRow; row <= lastRow; row++) {
                    for (int column = firstColumn[x]; column <= lastColumn[x]; column++) {
                        sums[row * SIDE + column] += grey;
                        counts[row * SIDE + column]++;
                    }
                }
            }
        }
        content = ((content ^ width) * FNV_PRIME ^ height) * FNV_PRIME;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= Math.max(1, counts[i]);
        }
        return new ImageHash(content, perceptual(sums));
    }

    /**
     * pHash: the 8×8 lowest frequencies of the thumbnail's 2-D DCT-II, without the constant term; a bit is set when
     * its coefficient exceeds their median. Low frequencies carry the layout and barely move under resizing,
     * compression or pixel noise.
     */
    private static long perceptual(double[] thumbnail) {
        double[] rows = new double[SIDE * FREQUENCIES];
        for (int y = 0; y < SIDE; y++) {
            for (int u = 0; u < FREQUENCIES; u++) {
                double sum = 0;
                for (int x = 0; x < SIDE; x++) {
                    sum += thumbnail[y * SIDE + x] * COSINES[u * SIDE + x];
                }
                rows[y * FREQUENCIES + u] = sum;
            }
        }
        double[] coefficients = new double[FREQUENCIES * FREQUENCIES];
        for (int v = 0; v < FREQUENCIES; v++) {
            for (int u = 0; u < FREQUENCIES; u++) {
                double sum = 0;
                for (int y = 0; y < SIDE; y++) {
                    sum += rows[y * FREQUENCIES + u] * COSINES[v * SIDE + y];
                }
                coefficients[v * FREQUENCIES + u] = sum;
            }
        }
        double[] sorted = Arrays.copyOfRange(coefficients, 1, coefficients.length);
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long bits = 0;
        for (int i = 1; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    private static double[] cosines() {
        double[] table = new double[FREQUENCIES * SIDE];
        for (int u = 0; u < FREQUENCIES; u++) {
            for (int x = 0; x < SIDE; x++) {
                table[u * SIDE + x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIDE));
            }
        }
        return table;
    }
}
