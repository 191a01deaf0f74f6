package org.collapselab.core.data;

import java.util.Random;
import org.collapselab.core.model.AugmentationConfig;

/** Random horizontal flip, rotation, shift and zoom of a small HWC uint8 image (nearest or bilinear sampling). */
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
        throw new UnsupportedOperationException("TODO data helper");
    }
}
