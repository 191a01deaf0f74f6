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
     * Shows a CHW float tensor (one image of a batch) as an image, stretching [min, max] to 0–255,
     * so standardized inputs are visible as the network receives them.
     */
    public static WritableImage ofTensor(float[] chw, int offset, int size, int channels, float min, float max) {
        WritableImage image = new WritableImage(size, size);
        PixelWriter writer = image.getPixelWriter();
        int plane = size * size;
        float range = Math.max(1e-6f, max - min);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = y * size + x;
                int r = scale(chw[offset + p], min, range);
                int g = channels == 1 ? r : scale(chw[offset + plane + p], min, range);
                int b = channels == 1 ? r : scale(chw[offset + 2 * plane + p], min, range);
                writer.setArgb(x, y, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int scale(float v, float min, float range) {
        return Math.max(0, Math.min(255, Math.round((v - min) / range * 255)));
    }
}
