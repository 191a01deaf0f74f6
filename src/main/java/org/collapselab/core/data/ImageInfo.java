package org.collapselab.core.data;

/**
 * Facts about one source image before resizing, used by the data screen and the shortcut probe.
 * {@code brightness} and {@code channelMeans} are on 0–255 and measured on the resized image;
 * {@code channelMeans} always has three entries (R, G, B; equal for grayscale). {@code hash} holds the duplicate
 * fingerprints taken while decoding, or null.
 */
public record ImageInfo(int width, int height, int sourceChannels, String format, long fileBytes,
                        double brightness, double[] channelMeans, ImageHash hash) {

    /** Facts without fingerprints (images not decoded from a file here); {@link ImageHash#orCompute} fills in. */
    public ImageInfo(int width, int height, int sourceChannels, String format, long fileBytes, double brightness,
                     double[] channelMeans) {
        this(width, height, sourceChannels, format, fileBytes, brightness, channelMeans, null);
    }
}
