package org.collapselab.core.data;

/** A reusable interleaved 8-bit RGB pixel buffer (alpha already composited), grown as needed. Not thread-safe. */
final class RgbImage {
    private int width;
    private int height;
    private int sourceChannels;
    private int sourceWidth;
    private int sourceHeight;
    private byte[] rgb = new byte[0];

    void reset(int newWidth, int newHeight, int newSourceChannels) {
        width = newWidth;
        height = newHeight;
        sourceChannels = newSourceChannels;
        sourceWidth = newWidth;
        sourceHeight = newHeight;
        int needed = newWidth * newHeight * 3;
        if (rgb.length < needed) {
            rgb = new byte[needed];
        }
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
    byte[] rgb() { return rgb; }
}
