package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    private final DatasetLoader loader = new DatasetLoader(2);

    @Test
    void decodesPixelsToTheTargetSizeAndChannels(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("red/a.png"), 50, 30, new Color(200, 10, 20), BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("blue/b.bmp"), 7, 9, new Color(0, 0, 255), BufferedImage.TYPE_INT_RGB);
        ImageDataset rgb = loader.load(dir, 8, 3, ProgressObserver.NONE, CancellationToken.none());
        assertEquals(List.of("blue", "red"), rgb.classes());
        int red = rgb.classes().indexOf("red");
        int index = rgb.label(0) == red ? 0 : 1;
        assertEquals(200, rgb.pixel(index, 4, 4, 0));
        assertEquals(10, rgb.pixel(index, 4, 4, 1));
        assertEquals(20, rgb.pixel(index, 7, 7, 2));
        assertEquals(50, rgb.info(index).width());
        assertEquals(30, rgb.info(index).height());
        assertEquals("png", rgb.info(index).format());

        ImageDataset gray = loader.load(dir, 8, 1, ProgressObserver.NONE, CancellationToken.none());
        int luminance = (int) Math.round(0.299 * 200 + 0.587 * 10 + 0.114 * 20);
        assertEquals(luminance, gray.pixel(index, 3, 3, 0));
    }

    @Test
    void messyFolderLoadsWhatItCanAndListsEverythingSkippedWithAReason(@TempDir Path dir) throws Exception {
        Path good = TestImages.solid(dir.resolve("cats/good.png"), 20, 20, Color.ORANGE, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("cats/nested/deeper/inner.png"), 20, 20, Color.ORANGE, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("cats/ünïcødé name 猫.png"), 20, 20, Color.ORANGE, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("dogs/rgba.png"), 20, 20, new Color(0, 0, 255, 128), BufferedImage.TYPE_INT_ARGB);
        TestImages.solid(dir.resolve("dogs/gray.png"), 20, 20, Color.GRAY, BufferedImage.TYPE_BYTE_GRAY);
        TestImages.gray16(dir.resolve("dogs/sixteen.png"), 20, 40000);
        TestImages.cmykJpeg(dir.resolve("dogs/cmyk.jpg"), 20, 0, 200, 200, 0);
        TestImages.solid(dir.resolve("dogs/photo.jpg"), 20, 20, Color.GREEN, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("dogs/anim.gif"), 20, 20, Color.GREEN, BufferedImage.TYPE_BYTE_INDEXED);
        TestImages.truncated(good, dir.resolve("cats/truncated.png"));
        Files.write(dir.resolve("cats/zero.png"), new byte[0]);
        TestImages.text(dir.resolve("cats/fake.jpg"), "this is not a jpeg");
        TestImages.text(dir.resolve("cats/notes.txt"), "hello");
        TestImages.text(dir.resolve("stray.png"), "at the root");
        Files.createDirectories(dir.resolve("empty-class"));
        Files.createSymbolicLink(dir.resolve("dogs/loop"), dir.resolve("dogs"));
        TestImages.text(dir.resolve("cats/.DS_Store"), "hidden");
        TestImages.solid(dir.resolve(".thumbnails/t.png"), 4, 4, Color.RED, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("dogs/album.png/inside.png"), 4, 4, Color.RED, BufferedImage.TYPE_INT_RGB);

        ImageDataset data = loader.load(dir, 8, 3, ProgressObserver.NONE, CancellationToken.none());

        assertEquals(List.of("cats", "dogs"), data.classes());
        assertEquals(3, data.classCounts()[0], "good, nested and unicode cats");
        assertEquals(6, data.classCounts()[1], "rgba, gray, 16-bit, cmyk, jpeg and gif dogs");
        Map<String, String> reasons = data.skipped().stream()
                .collect(Collectors.toMap(s -> s.file().getFileName().toString(), SkippedFile::reason, (a, b) -> a + "; " + b));
        assertTrue(reasons.get("truncated.png").contains("corrupt") || reasons.get("truncated.png").contains("truncated")
                || reasons.get("truncated.png").contains("EOF"), reasons.toString());
        assertEquals("empty file (0 bytes)", reasons.get("zero.png"));
        assertTrue(reasons.get("fake.jpg").contains("not a readable image"), reasons.get("fake.jpg"));
        assertTrue(reasons.get("notes.txt").contains("not an image file (.txt)"), reasons.get("notes.txt"));
        assertTrue(reasons.get("stray.png").contains("not inside a class folder"), reasons.get("stray.png"));
        assertTrue(reasons.get("empty-class").contains("has no readable images"), reasons.get("empty-class"));
        assertTrue(reasons.get("loop").contains("symbolic link loop"), reasons.toString());
        assertTrue(reasons.get(".DS_Store").startsWith("hidden"), reasons.toString());
        assertTrue(reasons.get(".thumbnails").startsWith("hidden"), reasons.toString());
        assertTrue(reasons.get("album.png").contains("a folder named like an image file"), reasons.toString());
        assertEquals(10, data.skipped().size(), reasons.toString());

        int cmyk = indexOf(data, "cmyk.jpg");
        assertTrue(data.info(cmyk).format().startsWith("jpeg"), data.info(cmyk).format());
        assertEquals(4, data.info(cmyk).sourceChannels(), "four-channel JPEG");
        assertEquals(4, data.info(indexOf(data, "rgba.png")).sourceChannels());
        int sixteen = indexOf(data, "sixteen.png");
        assertTrue(Math.abs(data.pixel(sixteen, 2, 2, 0) - 40000 / 257) <= 30, "16-bit level " + data.pixel(sixteen, 2, 2, 0));
    }

    @Test
    void imagesComeInNameOrderWithPixelsAndLabelsTogetherWhateverTheDecodingOrder(@TempDir Path dir) throws Exception {
        // Created out of order, more than one decoding chunk, and each image's gray level encodes its name,
        // so a pixel block landing at the wrong index would show.
        int perClass = 300;
        for (int i = perClass - 1; i >= 0; i--) {
            for (String c : List.of("b", "a")) {
                int level = (c.equals("a") ? 0 : 100) + i % 100;
                TestImages.solid(dir.resolve(c + "/" + String.format("%03d", i) + ".png"), 6, 6,
                        new Color(level, level, level), BufferedImage.TYPE_BYTE_GRAY);
            }
        }
        ImageDataset data = new DatasetLoader(3).load(dir, 4, 1, ProgressObserver.NONE, CancellationToken.none());
        assertEquals(List.of("a", "b"), data.classes());
        assertEquals(2 * perClass, data.count());
        for (int k = 0; k < data.count(); k++) {
            int label = k < perClass ? 0 : 1;
            int i = k % perClass;
            assertEquals(label, data.label(k));
            assertEquals(String.format("%03d", i) + ".png", data.path(k).getFileName().toString());
            assertEquals(label * 100 + i % 100, data.pixel(k, 1, 1, 0), "pixels of image " + k);
        }
    }

    @Test
    void fewerThanTwoClassesIsAClearError(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("only/a.png"), 8, 8, Color.RED, BufferedImage.TYPE_INT_RGB);
        DataException e = assertThrows(DataException.class,
                () -> loader.load(dir, 8, 3, ProgressObserver.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("found 1 class folder with images") && e.getMessage().contains("at least two"),
                e.getMessage());
        DataException missing = assertThrows(DataException.class,
                () -> loader.load(dir.resolve("nope"), 8, 3, ProgressObserver.NONE, CancellationToken.none()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void cancellationStopsTheScan(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 1200; i++) {
            TestImages.text(dir.resolve("a/f" + i + ".txt"), "x");
        }
        TestImages.text(dir.resolve("b/x.txt"), "x");
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancelledException.class, () -> loader.scan(dir, (done, total, message) -> cancel.cancel(), cancel));
    }

    @Test
    void cancelledLoadLeavesNoDecoderThreadsBehind(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 1200; i++) {
            TestImages.text(dir.resolve("a/f" + i + ".txt"), "x");
        }
        TestImages.text(dir.resolve("b/x.txt"), "x");
        long before = decoderThreads();
        for (int attempt = 0; attempt < 5; attempt++) { // decoding starts during the scan, so its workers exist
            CancellationToken cancel = new CancellationToken();
            assertThrows(CancelledException.class,
                    () -> loader.load(dir, 8, 1, (done, total, message) -> cancel.cancel(), cancel));
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (decoderThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(before, decoderThreads(), "worker threads of cancelled loads must end");
    }

    private static long decoderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("image-decoder") && t.isAlive()).count();
    }

    @Test
    void hugeImageIsSubsampledWhileDecoding(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("big/huge.png"), 6000, 6000, Color.BLUE, BufferedImage.TYPE_BYTE_INDEXED);
        TestImages.solid(dir.resolve("small/s.png"), 8, 8, Color.RED, BufferedImage.TYPE_INT_RGB);
        long before = usedMemory();
        ImageDataset data = loader.load(dir, 16, 3, ProgressObserver.NONE, CancellationToken.none());
        int huge = indexOf(data, "huge.png");
        assertEquals(6000, data.info(huge).width());
        assertEquals(255, data.pixel(huge, 8, 8, 2));
        System.out.printf("6000×6000 PNG decoded; heap grew by %.0f MB%n", (usedMemory() - before) / 1e6);
    }

    @Test
    void separateFolderUsesTheTrainingClassesAndSkipsOthers(@TempDir Path dir) throws Exception {
        TestImages.solid(dir.resolve("dogs/a.png"), 8, 8, Color.RED, BufferedImage.TYPE_INT_RGB);
        TestImages.solid(dir.resolve("birds/b.png"), 8, 8, Color.RED, BufferedImage.TYPE_INT_RGB);
        ImageDataset data = loader.load(dir, List.of("cats", "dogs"), 8, 3, ProgressObserver.NONE, CancellationToken.none());
        assertEquals(List.of("cats", "dogs"), data.classes());
        assertEquals(1, data.count());
        assertEquals(1, data.label(0));
        assertTrue(data.skipped().get(0).reason().contains("not one of the model's classes"));
    }

    private static int indexOf(ImageDataset data, String file) {
        for (int i = 0; i < data.count(); i++) {
            if (data.path(i).getFileName().toString().equals(file)) {
                return i;
            }
        }
        throw new AssertionError(file + " not loaded; skipped: " + data.skipped());
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
