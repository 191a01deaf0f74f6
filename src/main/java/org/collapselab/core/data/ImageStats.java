package org.collapselab.core.data;

/** Per-image brightness and channel means (0–255) of a decoded, resized image. */
final class ImageStats {
    private ImageStats() {
    }

    static ImageInfo info(ImageDecoder decoder, byte[] pixels, int offset, int size, int channels) {
        double[] means = new double[3];
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            means[c] = (double) sum(pixels, offset + c, plane, channels) / plane;
        }
        if (channels == 1) {
            means[1] = means[0];
            means[2] = means[0];
        }
        double brightness = channels == 1 ? means[0] : 0.299 * means[0] + 0.587 * means[1] + 0.114 * means[2];
        return new ImageInfo(decoder.sourceWidth, decoder.sourceHeight, decoder.sourceChannels, decoder.format,
                decoder.fileBytes, brightness, means);
    }

    /** Sum of {@code count} unsigned bytes from {@code from}, {@code step} apart; one small loop the JIT compiles once. */
    private static long sum(byte[] pixels, int from, int count, int step) {
        long total = 0;
        for (int i = 0, at = from; i < count; i++, at += step) {
            total += pixels[at] & 0xFF;
        }
        return total;
    }
}
