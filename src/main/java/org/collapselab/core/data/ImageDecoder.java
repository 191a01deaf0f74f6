package org.collapselab.core.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file straight to {@code size × size × channels} uint8 HWC. Large images are
 * subsampled while decoding (never held at full resolution), alpha is composited on black, 16-bit
 * and palette images are converted, and CMYK JPEGs (which ImageIO cannot colour-convert) are
 * converted by hand. One instance per thread.
 */
final class ImageDecoder {
    static {
        ImageIO.setUseCache(false); // no temp files per image: decoding stays in memory and fast
    }

    private final int size;
    private final int channels;
    private final BufferedImage canvas;
    private final Graphics2D graphics;

    /** Facts about the last decoded image. */
    int sourceWidth;
    int sourceHeight;
    int sourceChannels;
    String format;

    ImageDecoder(int size, int channels) {
        this.size = size;
        this.channels = channels;
        this.canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        this.graphics = canvas.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /**
     * Decodes {@code file} into {@code dst[offset…]}.
     *
     * @throws IOException with a user-facing reason when the file is not a readable image
     */
    void decode(Path file, byte[] dst, int offset) throws IOException {
        BufferedImage image = read(file);
        graphics.setColor(java.awt.Color.BLACK);
        graphics.fillRect(0, 0, size, size);
        graphics.drawImage(image, 0, 0, size, size, null);
        int[] rgb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < size * size; p++) {
            int v = rgb[p];
            int r = (v >> 16) & 0xFF;
            int g = (v >> 8) & 0xFF;
            int b = v & 0xFF;
            if (channels == 1) {
                dst[offset + p] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            } else {
                int o = offset + p * 3;
                dst[o] = (byte) r;
                dst[o + 1] = (byte) g;
                dst[o + 2] = (byte) b;
            }
        }
    }

    private BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
            if (in == null) {
                throw new IOException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a readable image (the content is not PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                sourceWidth = reader.getWidth(0);
                sourceHeight = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode at no more than about twice the target size: bounded memory for huge images.
                int sx = Math.max(1, sourceWidth / (2 * size));
                int sy = Math.max(1, sourceHeight / (2 * size));
                param.setSourceSubsampling(sx, sy, 0, 0);
                try {
                    BufferedImage image = reader.read(0, param);
                    sourceChannels = image.getColorModel().getNumComponents();
                    return image;
                } catch (IIOException e) {
                    if (format.startsWith("jp") && String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                        return fromCmyk(reader.readRaster(0, param));
                    }
                    throw e;
                }
            } finally {
                reader.dispose();
            }
        } catch (IIOException e) {
            throw new IOException("corrupt or truncated image: " + rootMessage(e));
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
                 | NegativeArraySizeException e) {
            throw new IOException("corrupt image: " + e.getClass().getSimpleName());
        } catch (OutOfMemoryError e) {
            throw new IOException("too large to decode in the available memory");
        }
    }

    /** CMYK (as stored by Adobe, inverted) to RGB. */
    private BufferedImage fromCmyk(Raster raster) throws IOException {
        if (raster.getNumBands() != 4) {
            throw new IOException("unsupported JPEG colour space (" + raster.getNumBands() + " channels)");
        }
        sourceChannels = 4;
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixel = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, pixel);
                int k = pixel[3];
                int r = pixel[0] * k / 255;
                int g = pixel[1] * k / 255;
                int b = pixel[2] * k / 255;
                rgb.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        format = "jpeg-cmyk";
        return rgb;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
