package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.collapselab.core.model.AugmentationConfig;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {
    private static final int SIZE = 16;
    private static final int CHANNELS = 3;

    @Test
    void noAugmentationGivesNoAugmenter() {
        assertNull(ImageAugmenter.from(AugmentationConfig.NONE));
        assertNull(ImageAugmenter.from(null));
    }

    @Test
    void keepsTheSizeChangesTheImageAndNeverTouchesTheSource() {
        byte[] src = gradient();
        byte[] copy = src.clone();
        byte[] dst = new byte[src.length + 10];
        Augmenter augmenter = ImageAugmenter.from(new AugmentationConfig(true, 30, 0.2, 0.2));
        boolean changed = false;
        Random random = new Random(1);
        for (int i = 0; i < 5; i++) {
            Arrays.fill(dst, (byte) 7);
            augmenter.augment(src, 0, dst, 5, SIZE, CHANNELS, random);
            assertArrayEquals(copy, src);
            assertTrue(dst[0] == 7 && dst[4] == 7 && dst[dst.length - 5] == 7, "writes only its own image");
            changed |= !Arrays.equals(src, 0, src.length, dst, 5, 5 + src.length);
        }
        assertTrue(changed);
    }

    @Test
    void flipOnlyLeavesAMirrorSymmetricImageUnchanged() {
        byte[] src = new byte[SIZE * SIZE * CHANNELS];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int distance = Math.min(x, SIZE - 1 - x);
                for (int c = 0; c < CHANNELS; c++) {
                    src[(y * SIZE + x) * CHANNELS + c] = (byte) (distance * 20 + y * 3 + c);
                }
            }
        }
        byte[] dst = new byte[src.length];
        Augmenter flip = ImageAugmenter.from(new AugmentationConfig(true, 0, 0, 0));
        Random random = new Random(3);
        for (int i = 0; i < 6; i++) {
            flip.augment(src, 0, dst, 0, SIZE, CHANNELS, random);
            assertArrayEquals(src, dst);
        }
    }

    @Test
    void flipOnlyGivesEitherTheSourceOrItsExactMirrorAndBothOccur() {
        byte[] src = gradient();
        byte[] mirror = new byte[src.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                System.arraycopy(src, (y * SIZE + x) * CHANNELS, mirror, (y * SIZE + SIZE - 1 - x) * CHANNELS, CHANNELS);
            }
        }
        byte[] dst = new byte[src.length];
        Augmenter flip = ImageAugmenter.from(new AugmentationConfig(true, 0, 0, 0));
        Random random = new Random(11);
        int flipped = 0;
        for (int i = 0; i < 40; i++) {
            flip.augment(src, 0, dst, 0, SIZE, CHANNELS, random);
            boolean same = Arrays.equals(src, dst);
            boolean mirrored = Arrays.equals(mirror, dst);
            assertTrue(same || mirrored);
            flipped += mirrored ? 1 : 0;
        }
        assertTrue(flipped > 5 && flipped < 35, "p = 0.5, flipped " + flipped + " of 40");
    }

    @Test
    void sameSeedGivesTheSameAugmentation() {
        byte[] src = gradient();
        byte[] a = new byte[src.length];
        byte[] b = new byte[src.length];
        Augmenter augmenter = ImageAugmenter.from(new AugmentationConfig(true, 15, 0.1, 0.1));
        augmenter.augment(src, 0, a, 0, SIZE, CHANNELS, new Random(9));
        augmenter.augment(src, 0, b, 0, SIZE, CHANNELS, new Random(9));
        assertArrayEquals(a, b);
        augmenter.augment(src, 0, b, 0, SIZE, CHANNELS, new Random(10));
        assertFalse(Arrays.equals(a, b));
    }

    private static byte[] gradient() {
        byte[] image = new byte[SIZE * SIZE * CHANNELS];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image[(y * SIZE + x) * CHANNELS] = (byte) (x * 15);
                image[(y * SIZE + x) * CHANNELS + 1] = (byte) (y * 15);
                image[(y * SIZE + x) * CHANNELS + 2] = (byte) ((x * y) % 256);
            }
        }
        return image;
    }
}
