package org.collapselab.core.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Measures "Try the model" on the bundled sample with the default config (one training epoch is enough for timing):
 * classifying a folder of 1,002 generated shapes (decode included), and one occlusion map. Prints the figures.
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.collapselab.core.experiment.TryModelTiming}.
 * Not a test.
 */
public final class TryModelTiming {
    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "try-model-timing"));
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("training.epochs=1",
                "name=timing"));
        int size = config.data().imageSize();
        Path run = work.resolve("run");
        if (!Files.isRegularFile(run.resolve("model.zip"))) {
            ImageDataset sample = new DatasetLoader().load(Path.of("sample-data", "shapes"), size,
                    config.data().channels(), ProgressObserver.NONE, CancellationToken.none());
            Files.createDirectories(run);
            new ExperimentRunner(Engines.defaultEngine()).run(config, sample, null, run, TrainingObserver.NONE,
                    CancellationToken.none());
        }
        Path folder = work.resolve("thousand");
        if (!Files.isDirectory(folder)) {
            ShapesGenerator.generate(folder, ShapesGenerator.Options.balanced(334, 64, 99));
        }
        ModelTryout tryout = ModelTryout.open(run);
        System.out.printf(Locale.ROOT, "model: %d × %d × %d, %,d parameters, engine %s%n", size, size,
                config.data().channels(), tryout.model().parameterCount(), tryout.model().getClass().getSimpleName());
        TryResult result = null;
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            result = tryout.classify(List.of(folder), ProgressObserver.NONE, CancellationToken.none());
            System.out.printf(Locale.ROOT, "folder of %d images, round %d: %.2f s (decode and classify)%n",
                    result.count(), round, (System.nanoTime() - start) / 1e9);
        }
        double[] millis = new double[12];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            tryout.occlusion(result, i * 50);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "one occlusion map (7 × 7 patches of %d px, 50 images): first %.0f ms, median "
                + "of the next 11 %.0f ms%n", org.collapselab.core.explain.OcclusionSensitivity.patchSize(size),
                millis[0], median(Arrays.copyOfRange(millis, 1, millis.length)));
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
