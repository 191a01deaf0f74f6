package org.collapselab.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import org.collapselab.core.data.samples.ShapesGenerator;

/** Writes tiny image folders, good and bad, for data-layer tests. */
public final class TestImages {
    private TestImages() {
    }

    /** A class folder per shape with {@code perClass} PNGs of {@code size} pixels. */
    public static Path shapes(Path dir, int classes, int perClass, int size, long seed) throws IOException {
        int[] counts = new int[classes];
        java.util.Arrays.fill(counts, perClass);
        ShapesGenerator.generate(dir, ShapesGenerator.Options.balanced(perClass, size, seed).withCounts(counts));
        return dir;
    }

    public static Path solid(Path file, int width, int height, Color color, int type) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        String format = file.toString().toLowerCase().endsWith(".jpg") ? "jpg"
                : file.toString().toLowerCase().endsWith(".bmp") ? "bmp"
                : file.toString().toLowerCase().endsWith(".gif") ? "gif" : "png";
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format + " and type " + type);
        }
        return file;
    }

    /** A 16-bit grayscale PNG of one level (0–65535). */
    public static Path gray16(Path file, int size, int level) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                raster.setSample(x, y, 0, level);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A CMYK JPEG (4-channel raster, as Adobe writes it: inverted), which ImageIO cannot read as an image. */
    public static Path cmykJpeg(Path file, int size, int c, int m, int y, int k) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, size, size, 4, null);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                raster.setPixel(px, py, new int[]{255 - c, 255 - m, 255 - y, 255 - k});
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        Files.createDirectories(file.getParent());
        try (var out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** The first half of a valid PNG: a truncated image. */
    public static Path truncated(Path source, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return file;
    }

    public static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
