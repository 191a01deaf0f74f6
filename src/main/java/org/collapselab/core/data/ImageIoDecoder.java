package org.collapselab.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Decodes everything {@link PngDecoder} declines (JPEG, BMP, GIF, palette/16-bit/interlaced PNG,
 * huge images) with ImageIO into an {@link RgbImage}. Huge images are subsampled while decoding to
 * about twice the target size, so they are never held at full resolution. CMYK and YCCK JPEGs,
 * which ImageIO cannot colour-convert, are converted by hand from the raw raster. Readers are kept
 * per format and reused. Loaded lazily so that folders of plain PNGs never pay for ImageIO's
 * plugin scan. One instance per thread; {@link #close()} when done.
 */
final class ImageIoDecoder implements AutoCloseable {
    static {
        ImageIO.setUseCache(false); // no temp files per image: decoding stays in memory
    }

    private final int targetSize;
    private final Map<String, ImageReader> readers = new HashMap<>();
    private int[] row = new int[0];

    /** The format of the last decoded image, lowercase ("jpeg", "png", "bmp", "gif"). */
    String format;

    ImageIoDecoder(int targetSize) {
        this.targetSize = targetSize;
    }

    /** Decodes {@code bytes[0..length)}, or the file itself when {@code bytes} is null (very large files). */
    void decode(Path file, byte[] bytes, int length, RgbImage out) throws IOException {
        try (ImageInputStream in = bytes != null
                ? new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes, 0, length))
                : new FileImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in, bytes, length);
            try {
                reader.setInput(in, true, true);
                format = normalise(reader.getFormatName());
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode at no more than about twice the target size: bounded memory for huge images.
                int sx = Math.max(1, width / (2 * targetSize));
                int sy = Math.max(1, height / (2 * targetSize));
                param.setSourceSubsampling(sx, sy, 0, 0);
                if ("jpeg".equals(format) && hasFourChannels(reader)) {
                    // ImageIO "succeeds" on some of these with wrong colours, so never let it convert them.
                    fromCmyk(reader.readRaster(0, param), isYcck(reader), out);
                    out.setSource(width, height);
                    return;
                }
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (IIOException e) {
                    if ("jpeg".equals(format) && String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                        fromCmyk(reader.readRaster(0, param), isYcck(reader), out);
                        out.setSource(width, height);
                        return;
                    }
                    throw e;
                }
                fromImage(image, out);
                out.setSource(width, height);
            } finally {
                reader.reset();
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

    private ImageReader readerFor(ImageInputStream in, byte[] bytes, int length) throws IOException {
        String sniffed = bytes == null ? null : sniff(bytes, length);
        if (sniffed != null && readers.containsKey(sniffed)) {
            return readers.get(sniffed);
        }
        Iterator<ImageReader> found = ImageIO.getImageReaders(in);
        if (!found.hasNext()) {
            throw new IOException("not a readable image (the content is not PNG, JPEG, BMP or GIF)");
        }
        ImageReader reader = found.next();
        if (sniffed != null) {
            readers.put(sniffed, reader);
        }
        return reader;
    }

    /** Names the format from the magic bytes, so a reader found once can be reused without a registry search. */
    private static String sniff(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (length >= 8 && PngDecoder.isPng(b, length)) {
            return "png";
        }
        if (length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "gif";
        }
        if (length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return "bmp";
        }
        return null;
    }

    private void fromImage(BufferedImage image, RgbImage out) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel model = image.getColorModel();
        out.reset(w, h, model.getNumComponents());
        byte[] rgb = out.rgb();
        Raster raster = image.getRaster();
        if (!(model instanceof IndexColorModel) && model.getNumColorComponents() == 1) {
            grayFromRaster(raster, model, rgb);
            return;
        }
        if (row.length < w) {
            row = new int[w];
        }
        for (int y = 0, o = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w); // any colour model to non-premultiplied sRGB ARGB
            for (int x = 0; x < w; x++, o += 3) {
                int v = row[x];
                int a = v >>> 24;
                rgb[o] = (byte) over((v >> 16) & 0xFF, a);
                rgb[o + 1] = (byte) over((v >> 8) & 0xFF, a);
                rgb[o + 2] = (byte) over(v & 0xFF, a);
            }
        }
    }

    /**
     * Gray levels straight from the raster: Java2D's gray colour space is linear, and converting it
     * to sRGB would brighten every gray PNG; file values are what the user (and PIL) sees.
     */
    private static void grayFromRaster(Raster raster, ColorModel model, byte[] rgb) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        double grayMax = (1 << model.getComponentSize(0)) - 1;
        double alphaMax = bands > 1 ? (1 << model.getComponentSize(1)) - 1 : 1;
        int[] gray = new int[w];
        int[] alpha = new int[w];
        for (int y = 0, o = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, gray);
            if (bands > 1) {
                raster.getSamples(0, y, w, 1, 1, alpha);
            }
            for (int x = 0; x < w; x++, o += 3) {
                double level = gray[x] / grayMax * (bands > 1 ? alpha[x] / alphaMax : 1);
                byte v = (byte) Math.round(level * 255);
                rgb[o] = v;
                rgb[o + 1] = v;
                rgb[o + 2] = v;
            }
        }
    }

    /** Adobe CMYK is stored inverted (255 = no ink); YCCK first needs its YCC part turned back into inverted CMY. */
    private static void fromCmyk(Raster raster, boolean ycck, RgbImage out) throws IOException {
        if (raster.getNumBands() != 4) {
            throw new IOException("unsupported JPEG colour space (" + raster.getNumBands() + " channels)");
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        out.reset(w, h, 4);
        byte[] rgb = out.rgb();
        int[] px = new int[4];
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0; x < w; x++, o += 3) {
                raster.getPixel(x, y, px);
                int c = px[0];
                int m = px[1];
                int ye = px[2];
                if (ycck) { // as libjpeg's ycck_cmyk_convert: inverted CMY = 255 − RGB(YCC)
                    double yy = px[0];
                    double cb = px[1] - 128.0;
                    double cr = px[2] - 128.0;
                    c = 255 - clamp(yy + 1.402 * cr);
                    m = 255 - clamp(yy - 0.344136 * cb - 0.714136 * cr);
                    ye = 255 - clamp(yy + 1.772 * cb);
                }
                int k = px[3];
                rgb[o] = (byte) ((c * k + 127) / 255);
                rgb[o + 1] = (byte) ((m * k + 127) / 255);
                rgb[o + 2] = (byte) ((ye * k + 127) / 255);
            }
        }
    }

    private static boolean hasFourChannels(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw == null || raw.getNumBands() == 4;
    }

    /** True when the JPEG's Adobe APP14 marker says its four channels are YCCK rather than CMYK. */
    private static boolean isYcck(ImageReader reader) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node node = metadata == null ? null : metadata.getAsTree("javax_imageio_jpeg_image_1.0");
            Node adobe = find(node, "app14Adobe");
            if (adobe == null) {
                return false;
            }
            NamedNodeMap attributes = adobe.getAttributes();
            Node transform = attributes == null ? null : attributes.getNamedItem("transform");
            return transform != null && "2".equals(transform.getNodeValue());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Node find(Node node, String name) {
        if (node == null) {
            return null;
        }
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int over(int value, int alpha) {
        return (value * alpha + 127) / 255;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static String normalise(String formatName) {
        String name = formatName.toLowerCase(Locale.ROOT);
        return name.equals("jpg") ? "jpeg" : name;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        readers.values().forEach(ImageReader::dispose);
        readers.clear();
    }
}
