package org.collapselab.ui.common;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.collapselab.core.data.ImageDataset;

/** Turns cached uint8 images and network input tensors into JavaFX images. FX thread or worker (images are not yet shown). */
public final class FxImages {
    private FxImages() {
    }

    public static WritableImage of(ImageDataset data, int index) {
        int size = data.imageSize();
        WritableImage image = new WritableImage(size, size);
        PixelWriter writer = image.getPixelWriter();
        boolean gray = data.channels() == 1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = data.pixel(index, y, x, 0);
                int g = gray ? r : data.pixel(index, y, x, 1);
                int b = gray ? r : data.pixel(index, y, x, 2);
                writer.setArgb(x, y, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /**
     * Shows a CHW float tensor (one image of a batch) as an image by inverting {@code normalizer}
     * (scale ×255, standardize ×std + mean), clipping to 0–255: augmentation stays visible, and a
     * wrong normalization shows up as a washed-out or black image.
     */
    public static WritableImage ofTensor(float[] chw, int offset, int size, int channels,
                                         org.collapselab.core.data.Normalizer normalizer) {
        WritableImage image = new WritableImage(size, size);
        PixelWriter writer = image.getPixelWriter();
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = y * size + x;
                int r = toByte(chw[offset + p], normalizer, 0);
                int g = channels == 1 ? r : toByte(chw[offset + plane + p], normalizer, 1);
                int b = channels == 1 ? r : toByte(chw[offset + 2 * plane + p], normalizer, 2);
                writer.setArgb(x, y, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The 0–255 value a normalised input came from. */
    static int toByte(float v, org.collapselab.core.data.Normalizer normalizer, int channel) {
        double value = switch (normalizer.mode()) {
            case NONE -> v;
            case SCALE -> v * 255.0;
            case STANDARDIZE -> (v * normalizer.std()[channel] + normalizer.mean()[channel]) * 255.0;
        };
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

}
