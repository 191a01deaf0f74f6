package org.collapselab.core.data;

import java.util.Arrays;

/**
 * Resizes an {@link RgbImage} to {@code size × size} (aspect ratio stretched, as PIL's
 * {@code Image.resize((s, s))} does) with a separable triangle filter whose support widens with
 * the reduction factor, i.e. PIL's antialiased bilinear ({@code Image.BILINEAR}, also torchvision's
 * {@code Resize} default): area-averaging when shrinking, bilinear when enlarging. Like PIL it works
 * in fixed point and rounds to 8 bits after each pass (vertical first here), and for one channel it
 * converts to luminance (ITU-R 601, PIL's fixed-point weights) first, as {@code convert("L").resize(...)}
 * does, which also makes the gray path a third of the work. Output is uint8 HWC; the channel sums of
 * the output are kept for the image statistics. Filter weights are cached per source size, so a folder
 * of equal-sized images computes them once. One instance per thread.
 *
 * <p>Shaped for a cold JVM, where a first load runs mostly before the optimising compiler is done:
 * each loop is a small method that runs a few dozen turns per call, so it is compiled once, early,
 * as a whole method (a long loop would be compiled twice, first on-stack), and there is one pass
 * over the output rows instead of one per stage.
 */
final class Resampler {
    /** Fixed-point precision of the filter weights; 255 × 2^14 × taps stays far inside an int. */
    private static final int PRECISION_BITS = 14;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private final int size;
    private final int channels;
    private final long[] channelSums = new long[3];
    private Weights horizontal;
    private Weights vertical;
    private int[] source = new int[0];
    private int[] row = new int[0];
    private int[] accumulator = new int[0];

    Resampler(int size, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        this.size = size;
        this.channels = channels;
    }

    /** Sum of channel {@code c} over the last output (c = 0 for one channel). */
    long channelSum(int c) {
        return channelSums[c];
    }

    void resize(RgbImage image, byte[] dst, int offset) {
        int w = image.width();
        int h = image.height();
        int[] src = unpack(image);
        Arrays.fill(channelSums, 0);
        if (w == size && h == size) {
            copy(src, dst, offset);
            return;
        }
        if (horizontal == null || horizontal.in != w) {
            horizontal = new Weights(w, size);
        }
        if (vertical == null || vertical.in != h) {
            vertical = new Weights(h, size);
        }
        int rowLength = w * channels;
        if (row.length < rowLength) {
            row = new int[rowLength];
        }
        if (accumulator.length < rowLength) {
            accumulator = new int[rowLength];
            Arrays.fill(accumulator, HALF); // toEightBits resets it after each row
        }
        // Vertical pass first: an output row is a weighted sum of whole source rows, a contiguous
        // inner loop the JIT vectorises, so the larger half of the work runs on SIMD lanes.
        for (int y = 0; y < size; y++) {
            verticalRow(src, rowLength, y);
            int out = offset + y * size * channels;
            if (channels == 1) {
                horizontalGray(dst, out);
            } else {
                horizontalRgb(dst, out);
            }
        }
    }

    /** Output row {@code y} of the vertical pass, rounded to 8 bits, into {@link #row}. */
    private void verticalRow(int[] src, int rowLength, int y) {
        int[] acc = accumulator;
        int k = y * vertical.stride;
        int first = vertical.start[y];
        for (int j = 0, count = vertical.count[y]; j < count; j++) {
            addScaled(acc, src, (first + j) * rowLength, vertical.weights[k + j], rowLength);
        }
        toEightBits(acc, row, rowLength);
    }

    // The two loops below are unrolled by hand: until the optimising compiler is done they run as
    // profiling code that counts every turn.

    private static void addScaled(int[] acc, int[] src, int from, int weight, int n) {
        int x = 0;
        for (; x + 3 < n; x += 4) {
            acc[x] += weight * src[from + x];
            acc[x + 1] += weight * src[from + x + 1];
            acc[x + 2] += weight * src[from + x + 2];
            acc[x + 3] += weight * src[from + x + 3];
        }
        for (; x < n; x++) {
            acc[x] += weight * src[from + x];
        }
    }

    /**
     * Rounds the accumulated row to 8 bits and resets the accumulator for the next row. The taps are
     * non-negative and sum to 2^14, so every value is within 0–255 and needs no clamping.
     */
    private static void toEightBits(int[] acc, int[] out, int n) {
        int x = 0;
        for (; x + 3 < n; x += 4) {
            out[x] = acc[x] >> PRECISION_BITS;
            out[x + 1] = acc[x + 1] >> PRECISION_BITS;
            out[x + 2] = acc[x + 2] >> PRECISION_BITS;
            out[x + 3] = acc[x + 3] >> PRECISION_BITS;
            acc[x] = HALF;
            acc[x + 1] = HALF;
            acc[x + 2] = HALF;
            acc[x + 3] = HALF;
        }
        for (; x < n; x++) {
            out[x] = acc[x] >> PRECISION_BITS;
            acc[x] = HALF;
        }
    }

    private void horizontalGray(byte[] dst, int out) {
        int sum = 0;
        for (int x = 0; x < size; x++) {
            int v = horizontal.apply(row, 0, 1, x);
            dst[out + x] = (byte) v;
            sum += v;
        }
        channelSums[0] += sum;
    }

    private void horizontalRgb(byte[] dst, int out) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int x = 0; x < size; x++, out += 3) {
            int red = horizontal.apply(row, 0, 3, x);
            int green = horizontal.apply(row, 1, 3, x);
            int blue = horizontal.apply(row, 2, 3, x);
            dst[out] = (byte) red;
            dst[out + 1] = (byte) green;
            dst[out + 2] = (byte) blue;
            r += red;
            g += green;
            b += blue;
        }
        channelSums[0] += r;
        channelSums[1] += g;
        channelSums[2] += b;
    }

    /** Same size: the unpacked values are the output. */
    private void copy(int[] src, byte[] dst, int offset) {
        int c = channels;
        for (int i = 0, n = size * size; i < n; i++) {
            for (int k = 0; k < c; k++) {
                int v = src[i * c + k];
                dst[offset + i * c + k] = (byte) v;
                channelSums[k] += v;
            }
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

        /**
         * Output {@code x} of this axis, rounded to 8 bits, from interleaved values: source index s
         * is at {@code values[channel + s × step]}. Within 0–255 for the reason given at toEightBits.
         */
        int apply(int[] values, int channel, int step, int x) {
            int k = x * stride;
            int s = channel + start[x] * step;
            int sum = HALF;
            for (int j = 0, n = count[x]; j < n; j++, s += step) {
                sum += weights[k + j] * values[s];
            }
            return sum >> PRECISION_BITS;
        }
    }
}
