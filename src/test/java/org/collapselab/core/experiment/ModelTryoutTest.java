package org.collapselab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.explain.OcclusionMap;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on the brightness-shortcut scenario (each class has its own background brightness), tried on
 * dropped files, its own folder and its validation mistakes; its occlusion maps must sit on the background.
 */
@Tag("slow")
class ModelTryoutTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path run;

    @BeforeAll
    static void trainOnTheBrightnessShortcut() throws Exception {
        data = temp.resolve(Scenarios.BRIGHTNESS);
        ShapesGenerator.generate(data, Scenarios.options(Scenarios.BRIGHTNESS));
        ExperimentConfig config = Scenarios.config("spurious-brightness");
        ImageDataset images = new DatasetLoader().load(data, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        run = temp.resolve("run");
        Files.createDirectories(run);
        new ExperimentRunner(Engines.defaultEngine()).run(config, images, null, run, TrainingObserver.NONE,
                CancellationToken.none());
    }

    @Test
    void aDroppedImageGetsAProbabilityPerClass() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        Path image = firstImage("square");
        TryResult result = tryout.classify(List.of(image), ProgressObserver.NONE, CancellationToken.none());
        assertEquals(1, result.count());
        assertFalse(result.labelled());
        assertEquals(tryout.classes().size(), result.probabilities()[0].length);
        double sum = 0;
        for (float p : result.probabilities()[0]) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-3);
        assertEquals(tryout.classes().indexOf("square"), result.predicted()[0], "a training image of its class");
        assertFalse(result.unlikeTraining(), "shift " + result.shift());
    }

    @Test
    void aFolderWithClassSubFoldersGivesTheConfusionAndProgress() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        AtomicLong lastDone = new AtomicLong();
        List<String> messages = new ArrayList<>();
        TryResult result = tryout.classify(List.of(data), (done, total, message) -> {
            lastDone.set(done);
            messages.add(message);
        }, CancellationToken.none());
        assertTrue(result.labelled());
        assertEquals(360, result.count());
        assertEquals(360, result.confusionOrNull().total());
        assertTrue(result.confusionOrNull().accuracy() > 0.9, "accuracy " + result.confusionOrNull().accuracy());
        assertTrue(messages.contains("Classified 360 of 360 images"), messages.toString());
    }

    @Test
    void darkenedImagesRaiseTheFingerprintWarning() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        Path inverted = temp.resolve("darkened");
        Files.createDirectories(inverted);
        for (String cls : List.of("circle", "square", "triangle")) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(firstImage(cls).toFile());
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int v = img.getRGB(x, y); img.setRGB(x, y, ((v >> 16 & 0xFF) * 3 / 10) << 16 | ((v >> 8 & 0xFF) * 3 / 10) << 8 | (v & 0xFF) * 3 / 10);
                }
            }
            javax.imageio.ImageIO.write(img, "png", inverted.resolve(cls + ".png").toFile());
        }
        TryResult result = tryout.classify(List.of(inverted), ProgressObserver.NONE, CancellationToken.none());
        assertFalse(result.labelled(), "a flat folder has no labels");
        assertEquals(3, result.count());
        assertTrue(result.unlikeTraining(), "shift " + result.shift());
    }

    @Test
    void cancellingStopsBetweenBatches() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancelledException.class, () -> tryout.classify(List.of(data), (done, total, message) -> {
            if (message.startsWith("Classified")) {
                cancel.cancel();
            }
        }, cancel));
    }

    @Test
    void noImagesAmongTheDroppedFilesSaysSo() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        Path text = Files.writeString(temp.resolve("notes.txt"), "hello");
        DataException e = assertThrows(DataException.class,
                () -> tryout.classify(List.of(text), ProgressObserver.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
    }

    @Test
    void validationMistakesAreTheMisclassifiedImagesOfTheRunsSplit() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        TryResult mistakes = tryout.validationMistakes(ProgressObserver.NONE, CancellationToken.none());
        assertTrue(mistakes.labelled());
        int validation = mistakes.confusionOrNull().total();
        assertTrue(validation > 0 && validation < 360, "the validation split, not the whole folder: " + validation);
        int wrong = validation - (int) Math.round(mistakes.confusionOrNull().accuracy() * validation);
        assertEquals(wrong, mistakes.count());
        for (int i = 0; i < mistakes.count(); i++) {
            assertTrue(mistakes.predicted()[i] != mistakes.images().label(i));
        }
    }

    @Test
    void theModelLooksAtTheBackgroundNotTheShape() throws Exception {
        // The darkest class: its background (about 40) is far from the grey patch (the training mean, about 115), so
        // hiding background changes the brightness the shortcut reads. (The middle class's background is that grey:
        // occlusion cannot show a reliance on it, a limit of the method.)
        double[] looked = backgroundMassAndArea(run, data, "circle");
        System.out.printf(Locale.ROOT, "brightness model, class circle: mass on background %.2f, background area %.2f%n",
                looked[0], looked[1]);
        assertTrue(looked[0] > 0.7, "most of the map's mass lies on the background: " + looked[0]);
        assertTrue(looked[0] > looked[1] + 0.1, "denser on the background than on the shape: " + looked[0]
                + " of the mass on " + looked[1] + " of the area");
    }

    @Test
    void theShortcutProbeDrawsWhereTheModelLooksPerClass() throws Exception {
        ModelTryout tryout = ModelTryout.open(run);
        ExperimentConfig config = tryout.config();
        ImageDataset images = new DatasetLoader().load(data, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        org.collapselab.core.training.TrainingResult finished = new org.collapselab.core.training.TrainingResult(
                org.collapselab.core.training.RunStatus.COMPLETED, List.of(), null, tryout.model(), null, List.of(),
                List.of(), 0);
        org.collapselab.core.diagnostics.DiagnosticContext ctx = org.collapselab.core.diagnostics.DiagnosticContext
                .builder(config, images).trainingResult(finished).build();
        var check = new org.collapselab.core.diagnostics.checks.ShortcutProbeCheck();
        assertFalse(check.run(ctx, ProgressObserver.NONE, CancellationToken.none()).isEmpty(), "the shortcut is found");
        var charts = ctx.charts(check.id());
        var looks = charts.stream().filter(c -> c.id().equals("where-the-model-looks")).findFirst().orElseThrow();
        var means = charts.stream().filter(c -> c.id().equals("class-mean-images")).findFirst().orElseThrow();
        assertEquals(org.collapselab.core.diagnostics.ChartData.Kind.HEAT_GRID, looks.kind());
        assertEquals(List.of("circle", "square", "triangle"), looks.series().stream().map(s -> s.name()).toList());
        assertEquals(16 * 16, looks.series().get(0).points().size(), "24 px averaged down to 16 × 16 cells");
        assertEquals(3, means.series().size());
        assertTrue(looks.series().get(0).points().stream().anyMatch(p -> p.y() > 0.05), "the map is not flat");
    }

    /** The mean share of the occlusion maps' mass, and of the area, on the background of a class's images. */
    static double[] backgroundMassAndArea(Path runFolder, Path folder, String cls) throws Exception {
        ModelTryout tryout = ModelTryout.open(runFolder);
        TryResult result = tryout.classify(List.of(folder.resolve(cls)), ProgressObserver.NONE, CancellationToken.none());
        ImageDataset images = result.images();
        double mass = 0;
        double area = 0;
        int maps = 0;
        long start = System.nanoTime();
        for (int i = 0; i < images.count(); i += 3) {
            OcclusionMap map = tryout.occlusion(result, i);
            boolean[] background = backgroundMask(images, i);
            double share = map.massShare(background);
            if (Double.isFinite(share)) {
                mass += share;
                area += areaShare(background);
                maps++;
            }
        }
        System.out.printf(Locale.ROOT, "occlusion: %d maps of %d px, %.1f ms each%n", maps, images.imageSize(),
                (System.nanoTime() - start) / 1e6 / ((images.count() + 2) / 3));
        assertTrue(maps >= 20, "maps with a positive drop: " + maps);
        return new double[]{mass / maps, area / maps};
    }

    /** Pixels within 20 levels of the image's median: the generator's background (± 8 noise), not the shape (≥ 30 off). */
    static boolean[] backgroundMask(ImageDataset images, int index) {
        int size = images.imageSize();
        int[] values = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                values[y * size + x] = images.pixel(index, y, x, 0);
            }
        }
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int median = sorted[sorted.length / 2];
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = Math.abs(values[i] - median) <= 20;
        }
        return mask;
    }

    static double areaShare(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return (double) n / mask.length;
    }

    static Path firstImage(String cls) throws Exception {
        try (var files = Files.list(data.resolve(cls))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }
}
