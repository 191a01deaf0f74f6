package org.collapselab.core.data;

/**
 * Resizes an {@link RgbImage} to {@code size × size} (aspect ratio stretched, as PIL's
 * {@code Image.resize((s, s))} does) with a separable triangle filter whose support widens with
 * the reduction factor, i.e. PIL's antialiased bilinear: area-averaging when shrinking, bilinear
 * when enlarging. Like PIL it works in fixed point and rounds to 8 bits after each pass (vertical first here), and for one
 * channel it converts to luminance (ITU-R 601, PIL's fixed-point weights) first, as {@code convert("L").resize(...)} does,
 * which also makes the gray path a third of the work. Output is uint8 HWC. Filter weights are
 * cached per source size, so a folder of equal-sized images computes them once. One instance per thread.
 */
final class Resampler {
    /** Fixed-point precision of the filter weights; 255 × 2^14 × taps stays far inside an int. */
    private static final int PRECISION_BITS = 14;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private final int size;
    private final int channels;
    private Weights horizontal;
    private Weights vertical;
    private int[] source = new int[0];
    private int[] rows = new int[0];
    private int[] accumulator = new int[0];

    Resampler(int size, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        this.size = size;
        this.channels = channels;
    }

    void resize(RgbImage image, byte[] dst, int offset) {
        int w = image.width();
        int h = image.height();
        int[] src = unpack(image);
        if (w == size && h == size) {
            for (int i = 0, n = size * size * channels; i < n; i++) {
                dst[offset + i] = (byte) src[i];
            }
            return;
        }
        if (horizontal == null || horizontal.in != w) {
            horizontal = new Weights(w, size);
        }
        if (vertical == null || vertical.in != h) {
            vertical = new Weights(h, size);
        }
        int c = channels;
        int srcRowLength = w * c;
        if (rows.length < size * srcRowLength) {
            rows = new int[size * srcRowLength];
        }
        if (accumulator.length < srcRowLength) {
            accumulator = new int[srcRowLength];
        }
        // Vertical pass first: each output row is a weighted sum of whole source rows, a contiguous
        // inner loop the JIT vectorises, so the larger half of the work runs on SIMD lanes. The passes
        // are split into small methods: a cold JVM compiles them early and once, instead of
        // on-stack-replacing one big method loop by loop (half the CPU of a first load was the JIT).
        verticalPass(src, srcRowLength);
        horizontalPass(srcRowLength, dst, offset);
    }

    private void verticalPass(int[] src, int srcRowLength) {
        for (int y = 0; y < size; y++) {
            verticalRow(src, srcRowLength, y);
        }
    }

    private void horizontalPass(int srcRowLength, byte[] dst, int offset) {
        for (int y = 0; y < size; y++) {
            if (channels == 1) {
                horizontalGray(rows, y * srcRowLength, dst, offset + y * size);
            } else {
                horizontalRgb(rows, y * srcRowLength, dst, offset + y * size * 3);
            }
        }
    }

    private void verticalRow(int[] src, int rowLength, int y) {
        int[] acc = accumulator;
        java.util.Arrays.fill(acc, 0, rowLength, HALF);
        int k = y * vertical.stride;
        int first = vertical.start[y];
        for (int j = 0, count = vertical.count[y]; j < count; j++) {
            addScaled(acc, src, (first + j) * rowLength, vertical.weights[k + j], rowLength);
        }
        toEightBits(acc, rows, y * rowLength, rowLength);
    }

    private static void addScaled(int[] acc, int[] src, int from, int weight, int n) {
        for (int x = 0; x < n; x++) {
            acc[x] += weight * src[from + x];
        }
    }

    private static void toEightBits(int[] acc, int[] out, int at, int n) {
        for (int x = 0; x < n; x++) {
            out[at + x] = Math.min(255, Math.max(0, acc[x] >> PRECISION_BITS));
        }
    }

    private void horizontalGray(int[] row, int from, byte[] dst, int out) {
        int[] start = horizontal.start;
        int[] count = horizontal.count;
        int[] weights = horizontal.weights;
        int stride = horizontal.stride;
        for (int x = 0; x < size; x++) {
            int k = x * stride;
            int s = from + start[x];
            int sum = HALF;
            for (int j = 0, n = count[x]; j < n; j++) {
                sum += weights[k + j] * row[s + j];
            }
            dst[out + x] = (byte) clamp(sum);
        }
    }

    private void horizontalRgb(int[] row, int from, byte[] dst, int out) {
        int[] start = horizontal.start;
        int[] count = horizontal.count;
        int[] weights = horizontal.weights;
        int stride = horizontal.stride;
        for (int x = 0; x < size; x++) {
            int k = x * stride;
            int s = from + start[x] * 3;
            int r = HALF;
            int g = HALF;
            int b = HALF;
            for (int j = 0, n = count[x]; j < n; j++, s += 3) {
                int weight = weights[k + j];
                r += weight * row[s];
                g += weight * row[s + 1];
                b += weight * row[s + 2];
            }
            dst[out + x * 3] = (byte) clamp(r);
            dst[out + x * 3 + 1] = (byte) clamp(g);
            dst[out + x * 3 + 2] = (byte) clamp(b);
        }
    }

    /** The source as ints: interleaved RGB, or luminance for one channel. */
    private int[] unpack(RgbImage image) {
        int length = image.width() * image.height() * channels;
        if (source.length < length) {
            source = new int[length];
        }
        image.unpack(source, channels == 1);
        return source;
    }

    private static int clamp(int fixedPoint) {
        int v = fixedPoint >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** Normalised triangle-filter taps for each output index of one axis, in fixed point summing to 2^14. */
    private static final class Weights {
        final int in;
        final int[] start;
        final int[] count;
        final int[] weights;
        final int stride;

        Weights(int in, int out) {
            this.in = in;
            double scale = (double) in / out;
            double filterScale = Math.max(1.0, scale);
            double support = filterScale; // the triangle's radius is 1 source pixel, widened when shrinking
            stride = (int) Math.ceil(support) * 2 + 1;
            start = new int[out];
            count = new int[out];
            weights = new int[out * stride];
            double[] taps = new double[stride];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int min = Math.max(0, (int) (centre - support + 0.5));
                int max = Math.min(in, (int) (centre + support + 0.5));
                double total = 0;
                int n = Math.min(stride, max - min);
                for (int j = 0; j < n; j++) {
                    double t = Math.abs((min + j + 0.5 - centre) / filterScale);
                    taps[j] = t < 1 ? 1 - t : 0;
                    total += taps[j];
                }
                if (total <= 0) { // cannot happen for a sane size, but never divide by zero
                    taps[0] = 1;
                    n = Math.max(n, 1);
                    total = 1;
                }
                int sum = 0;
                int largest = 0;
                for (int j = 0; j < n; j++) {
                    int weight = (int) Math.round(taps[j] / total * (1 << PRECISION_BITS));
                    weights[i * stride + j] = weight;
                    sum += weight;
                    largest = weight > weights[i * stride + largest] ? j : largest;
                }
                // Rounding may leave the sum a unit off; a flat image must stay exactly flat.
                weights[i * stride + largest] += (1 << PRECISION_BITS) - sum;
                start[i] = min;
                count[i] = n;
            }
        }
    }
}
