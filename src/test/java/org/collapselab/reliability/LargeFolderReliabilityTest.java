package org.collapselab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow data robustness checks (mvn verify -Preliability): 50,000 files and a 10000×10000 image. */
@Tag("reliability")
class LargeFolderReliabilityTest {

    @Test
    void fiftyThousandSmallFilesScanWithProgressCancelAndLoad(@TempDir Path dir) throws Exception {
        Path sample = TestImages.solid(dir.resolve("sample.png"), 4, 4, Color.RED, BufferedImage.TYPE_INT_RGB);
        byte[] png = Files.readAllBytes(sample);
        Files.delete(sample);
        for (int c = 0; c < 2; c++) {
            Path folder = Files.createDirectories(dir.resolve("class" + c));
            for (int i = 0; i < 25_000; i++) {
                Files.write(folder.resolve("img" + i + ".png"), png);
            }
        }
        DatasetLoader loader = new DatasetLoader();
        AtomicLong reports = new AtomicLong();
        CancellationToken cancel = new CancellationToken();
        long start = System.nanoTime();
        assertThrows(CancelledException.class, () -> loader.scan(dir, (done, total, message) -> {
            if (reports.incrementAndGet() == 20) {
                cancel.cancel();
            }
        }, cancel));
        double cancelSeconds = (System.nanoTime() - start) / 1e9;

        reports.set(0);
        start = System.nanoTime();
        ImageDataset data = loader.load(dir, 8, 3, (done, total, message) -> reports.incrementAndGet(),
                new CancellationToken());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf("50,000 files: cancelled scan after %.2f s; full scan+decode %.1f s (%.0f files/s), "
                        + "%d progress reports, heap after GC %d MB%n", cancelSeconds, loadSeconds, 50_000 / loadSeconds,
                reports.get(), heap >> 20);
        assertEquals(50_000, data.count());
        assertTrue(reports.get() > 10, "progress was reported");
        assertTrue(cancelSeconds < 30, "cancel took " + cancelSeconds + " s");
    }

    @Test
    void tenThousandSquarePixelImageLoadsWithinBoundedMemory(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("huge/huge.png"), 10_000, 10_000, Color.BLUE, BufferedImage.TYPE_BYTE_BINARY);
        TestImages.solid(dir.resolve("small/s.png"), 8, 8, Color.RED, BufferedImage.TYPE_INT_RGB);
        System.gc();
        long start = System.nanoTime();
        ImageDataset data = new DatasetLoader().load(dir, 32, 3, (d, t, m) -> { }, new CancellationToken());
        System.out.printf("10000×10000 PNG (%d KB) decoded in %.1f s%n",
                Files.size(dir.resolve("huge/huge.png")) >> 10, (System.nanoTime() - start) / 1e9);
        assertEquals(2, data.count());
        assertEquals(10_000, data.info(data.label(0) == 0 ? 0 : 1).width());
    }
}
