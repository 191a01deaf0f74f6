package org.collapselab.core.data;

/** Per-image brightness and channel means (0–255) of a decoded, resized image. */
final class ImageStats {
    private ImageStats() {
    }

    static ImageInfo info(ImageDecoder decoder, byte[] pixels, int offset, int size, int channels, long fileBytes) {
        double[] means = new double[3];
        int plane = size * size;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                means[c] += pixels[offset + p * channels + c] & 0xFF;
            }
        }
        for (int c = 0; c < channels; c++) {
            means[c] /= plane;
        }
        if (channels == 1) {
            means[1] = means[0];
            means[2] = means[0];
        }
        double brightness = 0.299 * means[0] + 0.587 * means[1] + 0.114 * means[2];
        return new ImageInfo(decoder.sourceWidth, decoder.sourceHeight, decoder.sourceChannels, decoder.format, fileBytes,
                brightness, means);
    }
}
