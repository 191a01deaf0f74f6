package org.collapselab.core.data;

/**
 * Resizes an {@link RgbImage} to {@code size × size} (aspect ratio stretched, as PIL's
 * {@code Image.resize((s, s))} does) with a separable triangle filter whose support widens with
 * the reduction factor, i.e. PIL's antialiased bilinear: area-averaging when shrinking, bilinear
 * when enlarging. Then writes 1 (luminance, ITU-R 601) or 3 channels as uint8 HWC. Filter
 * weights are cached per source size, so a folder of equal-sized images computes them once.
 * One instance per thread.
 */
final class Resampler {
    private final int size;
    private final int channels;
    private Weights horizontal;
    private Weights vertical;
    private float[] rows = new float[0];

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
        byte[] rgb = image.rgb();
        if (w == size && h == size) {
            for (int p = 0, s = 0; p < size * size; p++, s += 3) {
                write(dst, offset + p * channels, rgb[s] & 0xFF, rgb[s + 1] & 0xFF, rgb[s + 2] & 0xFF);
            }
            return;
        }
        if (horizontal == null || horizontal.in != w) {
            horizontal = new Weights(w, size);
        }
        if (vertical == null || vertical.in != h) {
            vertical = new Weights(h, size);
        }
        int rowFloats = size * 3;
        if (rows.length < h * rowFloats) {
            rows = new float[h * rowFloats];
        }
        // Horizontal pass: every source row to `size` columns.
        for (int y = 0; y < h; y++) {
            int src = y * w * 3;
            int out = y * rowFloats;
            for (int x = 0; x < size; x++) {
                int start = horizontal.start[x];
                int count = horizontal.count[x];
                int k = x * horizontal.stride;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int j = 0; j < count; j++) {
                    float weight = horizontal.weights[k + j];
                    int s = src + (start + j) * 3;
                    r += weight * (rgb[s] & 0xFF);
                    g += weight * (rgb[s + 1] & 0xFF);
                    b += weight * (rgb[s + 2] & 0xFF);
                }
                rows[out + x * 3] = r;
                rows[out + x * 3 + 1] = g;
                rows[out + x * 3 + 2] = b;
            }
        }
        // Vertical pass: `size` output rows from the horizontally resized rows.
        for (int y = 0; y < size; y++) {
            int start = vertical.start[y];
            int count = vertical.count[y];
            int k = y * vertical.stride;
            for (int x = 0; x < size; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int j = 0; j < count; j++) {
                    float weight = vertical.weights[k + j];
                    int s = (start + j) * rowFloats + x * 3;
                    r += weight * rows[s];
                    g += weight * rows[s + 1];
                    b += weight * rows[s + 2];
                }
                write(dst, offset + (y * size + x) * channels, clamp(r), clamp(g), clamp(b));
            }
        }
    }

    private void write(byte[] dst, int at, int r, int g, int b) {
        if (channels == 1) {
            dst[at] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
        } else {
            dst[at] = (byte) r;
            dst[at + 1] = (byte) g;
            dst[at + 2] = (byte) b;
        }
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(255, i);
    }

    /** Normalised triangle-filter taps for each output index of one axis. */
    private static final class Weights {
        final int in;
        final int[] start;
        final int[] count;
        final float[] weights;
        final int stride;

        Weights(int in, int out) {
            this.in = in;
            double scale = (double) in / out;
            double filterScale = Math.max(1.0, scale);
            double support = filterScale; // the triangle's radius is 1 source pixel, widened when shrinking
            stride = (int) Math.ceil(support) * 2 + 1;
            start = new int[out];
            count = new int[out];
            weights = new float[out * stride];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int min = Math.max(0, (int) (centre - support + 0.5));
                int max = Math.min(in, (int) (centre + support + 0.5));
                double total = 0;
                int n = Math.min(stride, max - min);
                for (int j = 0; j < n; j++) {
                    double t = Math.abs((min + j + 0.5 - centre) / filterScale);
                    double weight = t < 1 ? 1 - t : 0;
                    weights[i * stride + j] = (float) weight;
                    total += weight;
                }
                if (total <= 0) { // cannot happen for a sane size, but never divide by zero
                    weights[i * stride] = 1;
                    n = Math.max(n, 1);
                    total = 1;
                }
                for (int j = 0; j < n; j++) {
                    weights[i * stride + j] /= (float) total;
                }
                start[i] = min;
                count[i] = n;
            }
        }
    }
}
