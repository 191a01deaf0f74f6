package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStatisticsTest {

    @Test
    void figuresOfAKnownTinyFolder(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) {
            TestImages.solid(dir.resolve("a/" + i + ".png"), 10, 10, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        }
        TestImages.solid(dir.resolve("b/0.png"), 20, 10, Color.BLACK, BufferedImage.TYPE_BYTE_GRAY);
        TestImages.solid(dir.resolve("b/1.jpg"), 10, 10, new Color(100, 100, 100), BufferedImage.TYPE_INT_RGB);
        TestImages.text(dir.resolve("b/readme.txt"), "not an image");
        ImageDataset data = new DatasetLoader(2).load(dir, 4, 3, ProgressObserver.NONE, CancellationToken.none());

        DatasetStatistics stats = DatasetStatistics.of(data);

        assertEquals(List.of("a", "b"), stats.classes());
        assertEquals(6, stats.total());
        assertEquals(2.0, stats.imbalanceRatio(), 1e-9);
        double p = 4 / 6.0;
        double q = 2 / 6.0;
        assertEquals(-(p * Math.log(p) + q * Math.log(q)) / Math.log(2), stats.labelEntropy(), 1e-9);
        assertEquals(List.of("10×10", "20×10"), List.copyOf(stats.sizes().keySet()), "most frequent first");
        assertEquals(5, stats.sizes().get("10×10"));
        assertEquals(Map.of(1, 1, 3, 5), stats.sourceChannels());
        assertEquals(Map.of("png", 5, "jpeg", 1), stats.formats());
        assertEquals(255, stats.meanBrightness()[0], 0.01);
        assertEquals(50, stats.meanBrightness()[1], 2.0, "(0 + 100) / 2");
        assertEquals(1, stats.skipped().size());
        assertEquals("6 images in 2 classes: 10×10 pixels (5 images), 20×10 (1), 5 colour (RGB), 1 grey, 5 PNG, 1 JPEG files",
                stats.describeSources());
    }

    @Test
    void uniformSourcesReadAsOneSentenceWithoutMapBraces() {
        DatasetStatistics stats = DatasetStatistics.of(tiny(new int[]{0, 1, 2, 0, 1, 2}, 3));
        assertEquals("6 images in 3 classes: all 2×2 pixels, all colour (RGB), all PNG files", stats.describeSources());
    }

    @Test
    void theBalanceReadsAsASentenceWithItsVerdictFirst() {
        List<String> classes = List.of("cat", "dog");
        assertEquals("Balanced: the largest class has 1.0 times as many images as the smallest (label entropy 1.00, "
                + "where 1 is an even spread).", ClassBalance.of(new int[]{50, 50}).describe(classes));
        String strong = ClassBalance.of(new int[]{190, 10}).describe(classes, "row");
        assertTrue(strong.startsWith("Strongly imbalanced: the largest class has 19.0 times as many rows as the smallest"), strong);
        assertTrue(strong.contains("Predicting 'cat' for every row already scores 95%"), strong);
        assertTrue(ClassBalance.of(new int[]{5, 0}).describe(classes).contains("a class has no images"));
    }

    @Test
    void balancedClassesHaveEntropyOneAndRatioOne() {
        DatasetStatistics stats = DatasetStatistics.of(tiny(new int[]{0, 1, 2, 0, 1, 2}, 3));
        assertEquals(1.0, stats.labelEntropy(), 1e-9);
        assertEquals(1.0, stats.imbalanceRatio(), 1e-9);
    }

    @Test
    void anEmptyClassMakesTheRatioInfinite() {
        DatasetStatistics stats = DatasetStatistics.of(tiny(new int[]{0, 0, 1}, 3));
        assertEquals(Double.POSITIVE_INFINITY, stats.imbalanceRatio());
    }

    private static ImageDataset tiny(int[] labels, int classes) {
        int n = labels.length;
        List<String> names = List.of("x", "y", "z").subList(0, classes);
        ImageInfo info = new ImageInfo(2, 2, 3, "png", 10, 0, new double[3]);
        return new ImageDataset(Path.of("."), names, 1, 1, new byte[n], labels,
                java.util.Collections.nCopies(n, Path.of("f.png")), java.util.Collections.nCopies(n, info), List.of());
    }
}
