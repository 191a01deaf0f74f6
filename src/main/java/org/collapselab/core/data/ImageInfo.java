package org.collapselab.core.data;

/**
 * Facts about one source image before resizing, used by the data screen and the shortcut probe.
 * {@code brightness} and {@code channelMeans} are on 0–255 and measured on the resized image;
 * {@code channelMeans} always has three entries (R, G, B; equal for grayscale).
 */
public record ImageInfo(int width, int height, int sourceChannels, String format, long fileBytes,
                        double brightness, double[] channelMeans) {
}
