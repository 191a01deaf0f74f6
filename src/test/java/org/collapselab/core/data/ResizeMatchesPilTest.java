package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoded, resized pixels against Pillow's {@code convert(mode).resize((s, s), Image.BILINEAR)}, which
 * is what torchvision's {@code Resize} does to PIL images: a model trained in such a script and served
 * here (or the reverse) sees the same inputs. Pillow resizes horizontally first with more fixed-point
 * bits, so a value may differ by one level, never more. The reference files come from
 * {@code pil/make_fixtures.py}.
 */
class ResizeMatchesPilTest {

    @ParameterizedTest(name = "{0} → {1} {2}×{2}")
    @CsvSource({
            "rgb64x64, L, 28", "rgb64x64, RGB, 28", "rgb64x64, RGB, 64",
            "rgb50x37, L, 28", "rgb50x37, RGB, 28", "rgb50x37, RGB, 64",
            "rgb20x13, L, 28", "rgb20x13, RGB, 28", "rgb20x13, RGB, 64",
            "gray45x60, L, 28", "gray45x60, RGB, 28", "gray45x60, RGB, 64"})
    void everyPixelIsWithinOneLevelOfPillow(String source, String mode, int size, @TempDir Path dir) throws Exception {
        int channels = mode.equals("L") ? 1 : 3;
        Path png = dir.resolve(source + ".png");
        try (InputStream in = resource(source + ".png")) {
            Files.copy(in, png);
        }
        byte[] expected;
        try (InputStream in = resource(source + "." + mode + size + ".bin")) {
            expected = in.readAllBytes();
        }
        byte[] actual = new byte[size * size * channels];
        try (ImageDecoder decoder = new ImageDecoder(size, channels)) {
            decoder.decode(png, actual, 0);
        }
        assertEquals(expected.length, actual.length);
        int worst = 0;
        long total = 0;
        for (int i = 0; i < actual.length; i++) {
            int difference = Math.abs((actual[i] & 0xFF) - (expected[i] & 0xFF));
            worst = Math.max(worst, difference);
            total += difference;
        }
        assertTrue(worst <= 1, "largest difference from Pillow: " + worst + " levels");
        // Rounding noise, not a bias: a filter off by a tap or a shifted grid moves most values.
        double mean = (double) total / actual.length;
        assertTrue(mean < 0.3, "mean difference from Pillow: " + mean + " levels");
    }

    private static InputStream resource(String name) {
        InputStream in = ResizeMatchesPilTest.class.getResourceAsStream("pil/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource pil/" + name);
        }
        return in;
    }
}
