package org.collapselab.core.data;

/**
 * A decoded 8-bit image, either in its own interleaved RGB buffer (ImageIO's path) or as a view of
 * a decoder's buffer in the file's own layout (gray, gray+alpha, RGB or RGBA rows with a stride,
 * the fast PNG path), so the pixels are converted once, straight into what the resampler needs,
 * instead of being copied to RGB first. Alpha is composited on black. Reused; not thread-safe.
 */
final class RgbImage {
    private int width;
    private int height;
    private int sourceChannels;
    private int sourceWidth;
    private int sourceHeight;
    private byte[] rgb = new byte[0];
    private byte[] data = rgb;
    private int offset;
    private int rowStride;
    private int bytesPerPixel = 3;

    /** Prepares the owned RGB buffer for a {@code newWidth × newHeight} image; fill it through {@link #rgb()}. */
    void reset(int newWidth, int newHeight, int newSourceChannels) {
        setSize(newWidth, newHeight, newSourceChannels);
        int needed = newWidth * newHeight * 3;
        if (rgb.length < needed) {
            rgb = new byte[needed];
        }
        data = rgb;
        offset = 0;
        rowStride = newWidth * 3;
        bytesPerPixel = 3;
    }

    /**
     * Points at rows held elsewhere: row y starts at {@code offset + y × rowStride} and has
     * {@code bytesPerPixel} bytes per pixel (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA).
     */
    void view(byte[] pixels, int firstRow, int stride, int newWidth, int newHeight, int newBytesPerPixel) {
        setSize(newWidth, newHeight, newBytesPerPixel);
        data = pixels;
        offset = firstRow;
        rowStride = stride;
        bytesPerPixel = newBytesPerPixel;
    }

    private void setSize(int newWidth, int newHeight, int newSourceChannels) {
        width = newWidth;
        height = newHeight;
        sourceChannels = newSourceChannels;
        sourceWidth = newWidth;
        sourceHeight = newHeight;
    }

    /** The size of the file's image when the pixels held here were subsampled while decoding. */
    void setSource(int fullWidth, int fullHeight) {
        sourceWidth = fullWidth;
        sourceHeight = fullHeight;
    }

    int width() { return width; }
    int sourceWidth() { return sourceWidth; }
    int sourceHeight() { return sourceHeight; }
    int height() { return height; }
    int sourceChannels() { return sourceChannels; }

    /** The owned RGB buffer, valid after {@link #reset}. */
    byte[] rgb() { return rgb; }

    /** One composited RGB sample (channel 0, 1 or 2) of pixel (x, y). */
    int sample(int x, int y, int channel) {
        int at = offset + y * rowStride + x * bytesPerPixel;
        return switch (bytesPerPixel) {
            case 1 -> data[at] & 0xFF;
            case 2 -> over(data[at], data[at + 1]);
            case 3 -> data[at + channel] & 0xFF;
            default -> over(data[at + channel], data[at + 3]);
        };
    }

    /**
     * Writes every pixel as ints 0–255 into {@code dst}: interleaved RGB, or when {@code luminance}
     * one ITU-R 601 luma value per pixel with PIL's fixed-point weights ({@code convert("L")}).
     * The layout is switched on once per row, not per pixel.
     */
    void unpack(int[] dst, boolean luminance) {
        int perPixel = luminance ? 1 : 3;
        for (int y = 0; y < height; y++) {
            int s = offset + y * rowStride;
            int o = y * width * perPixel;
            switch (bytesPerPixel) {
                case 1 -> {
                    if (luminance) {
                        copyRow(data, s, dst, o, width);
                    } else {
                        grayToRgbRow(data, s, 1, dst, o, width);
                    }
                }
                case 2 -> {
                    if (luminance) {
                        grayAlphaRow(data, s, dst, o, width);
                    } else {
                        grayAlphaRow(data, s, dst, o, width);
                        spreadGrayRow(dst, o, width);
                    }
                }
                case 3 -> {
                    if (luminance) {
                        lumaRow(data, s, dst, o, width);
                    } else {
                        copyRow(data, s, dst, o, width * 3);
                    }
                }
                default -> rgbaRow(data, s, dst, o, width, luminance);
            }
        }
    }

    // One small method per row kind: a cold JVM compiles each after a few images instead of the whole loop nest.

    private static void copyRow(byte[] b, int s, int[] dst, int o, int n) {
        for (int i = 0; i < n; i++) {
            dst[o + i] = b[s + i] & 0xFF;
        }
    }

    private static void lumaRow(byte[] b, int s, int[] dst, int o, int width) {
        int x = 0;
        for (; x + 1 < width; x += 2, s += 6) { // two pixels a turn: half the loop counting while still profiled
            dst[o + x] = luma(b[s] & 0xFF, b[s + 1] & 0xFF, b[s + 2] & 0xFF);
            dst[o + x + 1] = luma(b[s + 3] & 0xFF, b[s + 4] & 0xFF, b[s + 5] & 0xFF);
        }
        if (x < width) {
            dst[o + x] = luma(b[s] & 0xFF, b[s + 1] & 0xFF, b[s + 2] & 0xFF);
        }
    }

    private static void grayToRgbRow(byte[] b, int s, int step, int[] dst, int o, int width) {
        for (int x = 0; x < width; x++, s += step, o += 3) {
            int v = b[s] & 0xFF;
            dst[o] = v;
            dst[o + 1] = v;
            dst[o + 2] = v;
        }
    }

    private static void grayAlphaRow(byte[] b, int s, int[] dst, int o, int width) {
        for (int x = 0; x < width; x++, s += 2) {
            dst[o + x] = over(b[s], b[s + 1]);
        }
    }

    /** Spreads {@code width} gray values at {@code dst[o…]} to RGB triples in place, from the end backwards. */
    private static void spreadGrayRow(int[] dst, int o, int width) {
        for (int x = width - 1; x >= 0; x--) {
            int v = dst[o + x];
            dst[o + 3 * x] = v;
            dst[o + 3 * x + 1] = v;
            dst[o + 3 * x + 2] = v;
        }
    }

    private static void rgbaRow(byte[] b, int s, int[] dst, int o, int width, boolean luminance) {
        for (int x = 0; x < width; x++, s += 4) {
            int r = over(b[s], b[s + 3]);
            int g = over(b[s + 1], b[s + 3]);
            int bl = over(b[s + 2], b[s + 3]);
            if (luminance) {
                dst[o++] = luma(r, g, bl);
            } else {
                dst[o] = r;
                dst[o + 1] = g;
                dst[o + 2] = bl;
                o += 3;
            }
        }
    }

    private static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    private static int over(byte value, byte alpha) {
        return ((value & 0xFF) * (alpha & 0xFF) + 127) / 255;
    }
}
