package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the network sees: decoded values, resizing and colour conversion. */
class DecodedPixelsTest {

    @Test
    void solidRedPngBecomesRedAtTheTargetSizeAndItsLuminanceInOneChannel(@TempDir Path dir) throws Exception {
        ImageDecoder rgb = new ImageDecoder(8, 3);
        Path red = TestImages.solid(dir.resolve("red.png"), 50, 30, Color.RED, BufferedImage.TYPE_INT_RGB);
        byte[] out = new byte[8 * 8 * 3];
        rgb.decode(red, out, 0);
        for (int p = 0; p < 64; p++) {
            assertEquals(255, out[p * 3] & 0xFF);
            assertEquals(0, out[p * 3 + 1]);
            assertEquals(0, out[p * 3 + 2]);
        }
        assertEquals(50, rgb.sourceWidth);
        assertEquals(30, rgb.sourceHeight);
        byte[] gray = new byte[64];
        new ImageDecoder(8, 1).decode(red, gray, 0);
        assertEquals(76, gray[20] & 0xFF, "0.299 × 255");
    }

    @Test
    void grayLevelsAreKeptAsStoredIn8And16BitPngs(@TempDir Path dir) throws Exception {
        Path eight = TestImages.solid(dir.resolve("g8.png"), 12, 12, new Color(128, 128, 128), BufferedImage.TYPE_BYTE_GRAY);
        Path sixteen = TestImages.gray16(dir.resolve("g16.png"), 12, 40000);
        ImageDecoder decoder = new ImageDecoder(4, 3);
        byte[] out = new byte[4 * 4 * 3];
        decoder.decode(eight, out, 0);
        assertEquals(128, out[0] & 0xFF, "no linear-gray to sRGB brightening");
        assertEquals(1, decoder.sourceChannels);
        decoder.decode(sixteen, out, 0);
        assertEquals(Math.round(40000 / 257.0), out[5] & 0xFF);
    }

    @Test
    void fastPngPathMatchesImageIoForEveryColourTypeAndRowFilter(@TempDir Path dir) throws Exception {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY,
                BufferedImage.TYPE_3BYTE_BGR};
        Random random = new Random(5);
        for (int type : types) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) { // smooth areas and noise, so the writer picks different filters
                    int v = random.nextInt(4) == 0 ? random.nextInt() : (x * 7 + y * 3) * 0x010203;
                    image.setRGB(x, y, type == BufferedImage.TYPE_INT_ARGB ? v : v | 0xFF000000);
                }
            }
            Path file = TestImages.write(image, dir.resolve("t" + type + ".png"));
            byte[] bytes = Files.readAllBytes(file);
            RgbImage fast = new RgbImage();
            assertTrue(new PngDecoder().decode(bytes, bytes.length, fast), "fast path handles type " + type);
            BufferedImage reference = ImageIO.read(file.toFile());
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    int expected = reference.getRGB(x, y);
                    int a = expected >>> 24;
                    if (type == BufferedImage.TYPE_BYTE_GRAY) {
                        assertEquals(reference.getRaster().getSample(x, y, 0), fast.sample(x, y, 0));
                    } else {
                        assertEquals((((expected >> 16) & 0xFF) * a + 127) / 255, fast.sample(x, y, 0), "type " + type);
                        assertEquals(((expected & 0xFF) * a + 127) / 255, fast.sample(x, y, 2), "type " + type);
                    }
                }
            }
        }
    }

    @Test
    void shrinkingAveragesAreasInsteadOfPickingPixels() {
        RgbImage checkerboard = new RgbImage();
        checkerboard.reset(64, 64, 3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                byte v = (byte) ((x + y) % 2 == 0 ? 255 : 0);
                for (int c = 0; c < 3; c++) {
                    checkerboard.rgb()[(y * 64 + x) * 3 + c] = v;
                }
            }
        }
        byte[] out = new byte[8 * 8];
        new Resampler(8, 1).resize(checkerboard, out, 0);
        for (byte b : out) {
            assertTrue(Math.abs((b & 0xFF) - 128) <= 2, "an aliasing resize gives 0 or 255, got " + (b & 0xFF));
        }
    }

    @Test
    void stretchingKeepsLeftAndRightHalvesApart(@TempDir Path dir) throws Exception {
        Path file = TestImages.write(TestImages.halves(100, 40, Color.RED, Color.BLUE), dir.resolve("h.png"));
        byte[] out = new byte[10 * 10 * 3];
        new ImageDecoder(10, 3).decode(file, out, 0);
        assertEquals(255, out[(5 * 10 + 1) * 3] & 0xFF, "left is red");
        assertEquals(255, out[(5 * 10 + 8) * 3 + 2] & 0xFF, "right is blue");
        byte[] gray = new byte[7 * 7];
        new ImageDecoder(7, 1).decode(file, gray, 0); // the one-channel path has its own horizontal filter
        for (int y = 0; y < 7; y++) {
            assertEquals(76, gray[y * 7] & 0xFF, "left column is red's luminance, row " + y);
            assertEquals(29, gray[y * 7 + 6] & 0xFF, "right column is blue's luminance, row " + y);
        }
    }

    @Test
    void cmykJpegIsConvertedToItsRgbColour(@TempDir Path dir) throws Exception {
        Path file = TestImages.cmykJpeg(dir.resolve("cmyk.jpg"), 16, 0, 200, 200, 0);
        ImageDecoder decoder = new ImageDecoder(4, 3);
        byte[] out = new byte[4 * 4 * 3];
        decoder.decode(file, out, 0);
        assertEquals("jpeg", decoder.format);
        assertEquals(4, decoder.sourceChannels);
        assertTrue(Math.abs((out[0] & 0xFF) - 255) <= 8 && Math.abs((out[1] & 0xFF) - 55) <= 8
                && Math.abs((out[2] & 0xFF) - 55) <= 8, (out[0] & 0xFF) + "," + (out[1] & 0xFF) + "," + (out[2] & 0xFF));
    }

    @Test
    void imageInfoHoldsSourceFactsAndMeansOfTheResizedImage(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("a/rgba.png"), 20, 10, new Color(0, 0, 255, 128), BufferedImage.TYPE_INT_ARGB);
        TestImages.solid(dir.resolve("b/green.bmp"), 9, 9, new Color(0, 200, 0), BufferedImage.TYPE_INT_RGB);
        ImageDataset data = new DatasetLoader(1).load(dir, 8, 3, ProgressObserver.NONE, CancellationToken.none());
        ImageInfo rgba = data.info(0);
        assertEquals(4, rgba.sourceChannels());
        assertEquals("png", rgba.format());
        assertEquals(Files.size(dir.resolve("a/rgba.png")), rgba.fileBytes());
        assertEquals(128, rgba.channelMeans()[2], 1.0, "alpha composited on black");
        ImageInfo green = data.info(1);
        assertEquals("bmp", green.format());
        assertEquals(200, green.channelMeans()[1], 0.01);
        assertEquals(0.587 * 200, green.brightness(), 0.5);
    }
}
