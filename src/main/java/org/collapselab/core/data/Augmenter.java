package org.collapselab.core.data;

import java.util.Random;

/** Transforms one HWC uint8 image into another of the same size. Used for training batches only. */
public interface Augmenter {
    Augmenter NONE = null;

    /** Writes an augmented copy of {@code src[srcOffset…]} into {@code dst[dstOffset…]}; never modifies src. */
    void augment(byte[] src, int srcOffset, byte[] dst, int dstOffset, int size, int channels, Random random);
}
