package org.collapselab.core.data;

/** Per-image brightness and channel means (0–255) of a decoded, resized image. */
final class ImageStats {
    private ImageStats() {
    }

    /** From the channel sums the resampler kept while writing the image (no second pass over the pixels). */
    static ImageInfo info(ImageDecoder decoder, Resampler resampler, int size, int channels) {
        double[] means = new double[3];
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            means[c] = (double) resampler.channelSum(channels == 1 ? 0 : c) / plane;
        }
        double brightness = channels == 1 ? means[0] : 0.299 * means[0] + 0.587 * means[1] + 0.114 * means[2];
        return new ImageInfo(decoder.sourceWidth, decoder.sourceHeight, decoder.sourceChannels, decoder.format,
                decoder.fileBytes, brightness, means);
    }
}
