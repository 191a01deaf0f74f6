package org.collapselab.core.data;

import java.util.Random;
import org.collapselab.core.model.AugmentationConfig;

/**
 * Random horizontal flip, rotation, shift and zoom of a small HWC uint8 image as one inverse-mapped
 * affine transform with bilinear sampling; pixels from outside the image repeat the edge. Stateless
 * apart from the random source the caller passes.
 */
public final class ImageAugmenter implements Augmenter {
    private final AugmentationConfig config;

    private ImageAugmenter(AugmentationConfig config) {
        this.config = config;
    }

    /** @return null when the config asks for no augmentation. */
    public static Augmenter from(AugmentationConfig config) {
        return config == null || !config.isActive() ? null : new ImageAugmenter(config);
    }

    @Override
    public void augment(byte[] src, int srcOffset, byte[] dst, int dstOffset, int size, int channels, Random random) {
        boolean flip = config.flip() && random.nextBoolean();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * config.rotationDegrees());
        double scale = 1 + (random.nextDouble() * 2 - 1) * config.zoom();
        double dx = (random.nextDouble() * 2 - 1) * config.shift() * size;
        double dy = (random.nextDouble() * 2 - 1) * config.shift() * size;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double centre = (size - 1) / 2.0;
        int last = size - 1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Output pixel → source coordinates (inverse of shift ∘ rotate-zoom ∘ flip about the centre).
                double ox = x - centre - dx;
                double oy = y - centre - dy;
                double sx = cos * ox + sin * oy;
                double sy = -sin * ox + cos * oy;
                if (flip) {
                    sx = -sx;
                }
                sx = Math.max(0, Math.min(last, sx + centre));
                sy = Math.max(0, Math.min(last, sy + centre));
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(last, x0 + 1);
                int y1 = Math.min(last, y0 + 1);
                double fx = sx - x0;
                double fy = sy - y0;
                int out = dstOffset + (y * size + x) * channels;
                for (int c = 0; c < channels; c++) {
                    double top = (1 - fx) * (src[srcOffset + (y0 * size + x0) * channels + c] & 0xFF)
                            + fx * (src[srcOffset + (y0 * size + x1) * channels + c] & 0xFF);
                    double bottom = (1 - fx) * (src[srcOffset + (y1 * size + x0) * channels + c] & 0xFF)
                            + fx * (src[srcOffset + (y1 * size + x1) * channels + c] & 0xFF);
                    dst[out + c] = (byte) Math.round((1 - fy) * top + fy * bottom);
                }
            }
        }
    }
}
