package org.collapselab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.Optimizer;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.TrainingConfig;
import org.collapselab.core.model.WeightInit;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on tiny CSV files written here: a 1-D CNN, a tabular MLP and the binary single-sigmoid collapse. */
class TableExperimentTest {
    @TempDir
    Path dir;

    @Test
    void oneDimensionalCnnLearnsBurstsInSeries() throws Exception {
        // Class "burst" has a block of +3 somewhere in the series; "flat" is noise only. Separable by a conv + max.
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder();
        int length = 32;
        for (int t = 0; t < length; t++) {
            csv.append("t").append(t).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 80; i++) {
            boolean burst = i % 2 == 0;
            int at = random.nextInt(length - 6);
            for (int t = 0; t < length; t++) {
                double v = random.nextGaussian() * 0.3 + (burst && t >= at && t < at + 5 ? 3 : 0);
                csv.append(String.format(Locale.ROOT, "%.3f,", v));
            }
            csv.append(burst ? "burst" : "flat").append('\n');
        }
        Path file = Files.writeString(dir.resolve("series.csv"), csv);
        ExperimentConfig base = ConfigCodec.defaults(DataKind.SEQUENCE);
        ExperimentConfig config = new ExperimentConfig("seq", base.data(),
                new ModelConfig(List.of(LayerSpec.conv1d(8, 5, Activation.RELU), LayerSpec.pool1d(2),
                        LayerSpec.conv1d(8, 3, Activation.RELU), LayerSpec.globalPool(), LayerSpec.dense(8, Activation.RELU)),
                        OutputActivation.SOFTMAX, LossFunction.MCXENT, WeightInit.RELU),
                new TrainingConfig(Optimizer.ADAM, 0.01, 16, 15, 0, 0, base.training().device()));
        TableDataset data = TableExperiment.load(file, config);
        assertEquals(length, data.sequenceLength());
        Path folder = dir.resolve("run");
        RunOutcome outcome = TableExperiment.run(config, data, folder, TrainingObserver.NONE, new CancellationToken());
        TrainingResult result = outcome.result();
        assertEquals(RunStatus.COMPLETED, result.status(), result.message());
        EpochMetrics last = result.lastEpoch();
        assertTrue(last.balancedAccuracy() >= 0.9, "balanced accuracy " + last.balancedAccuracy());
        assertFalse(result.collapse().collapsed());
        assertTrue(Files.isRegularFile(folder.resolve(RunRecorder.CONFIG_FILE)));
        assertTrue(Files.isRegularFile(folder.resolve("report.json")));
        assertTrue(Files.readString(folder.resolve("report.json")).contains("series.csv"));
    }

    @Test
    void tabularMlpLearnsARuleOnStandardizedColumns() throws Exception {
        // The class is "x > y", with x and y on scales 1000 apart: learnable once standardized on the training rows.
        Path file = Files.writeString(dir.resolve("rows.csv"), tabular(300, 0.5, 2));
        ExperimentConfig config = small(ConfigCodec.defaults(DataKind.TABULAR), 0.01, 20);
        RunOutcome outcome = TableExperiment.run(config, TableExperiment.load(file, config), null, TrainingObserver.NONE,
                new CancellationToken());
        EpochMetrics last = outcome.result().lastEpoch();
        assertTrue(last.balancedAccuracy() >= 0.9, "balanced accuracy " + last.balancedAccuracy());
    }

    @Test
    void binarySigmoidWithATooHighLearningRateCollapsesOnA95To5Set() throws Exception {
        Path file = Files.writeString(dir.resolve("rare.csv"), tabular(800, 0.05, 3));
        ExperimentConfig sigmoid = withBinarySigmoid(small(ConfigCodec.defaults(DataKind.TABULAR), 5.0, 8));
        RunOutcome collapsed = TableExperiment.run(sigmoid, TableExperiment.load(file, sigmoid), null,
                TrainingObserver.NONE, new CancellationToken());
        assertTrue(collapsed.result().collapse().collapsed(), "epochs " + collapsed.result().epochs());
        // One sigmoid output unit still reports both classes (probabilities [1 - p, p]).
        assertEquals(2, collapsed.result().lastEpoch().confusion().size());

        ExperimentConfig healthy = withBinarySigmoid(small(ConfigCodec.defaults(DataKind.TABULAR), 0.01, 30));
        healthy = new ExperimentConfig(healthy.name(), healthy.data().withBalance(Balance.CLASS_WEIGHTS), healthy.model(),
                healthy.training());
        RunOutcome learned = TableExperiment.run(healthy, TableExperiment.load(file, healthy), null,
                TrainingObserver.NONE, new CancellationToken());
        assertFalse(learned.result().collapse().collapsed(), "epochs " + learned.result().epochs());
        assertTrue(learned.result().lastEpoch().balancedAccuracy() > 0.75,
                "balanced accuracy " + learned.result().lastEpoch().balancedAccuracy());
    }

    @Test
    void earlyStoppingEndsARunWhoseValidationLossStandsStill() throws Exception {
        // SGD at the smallest learning rate the schema allows, one step an epoch: the validation loss moves by about
        // 0.6e-6 an epoch, under the 1e-6 improvement bar (two steps an epoch moved it by 1.1e-6 on this file).
        Path file = Files.writeString(dir.resolve("still.csv"), tabular(60, 0.5, 4));
        ExperimentConfig base = ConfigCodec.defaults(DataKind.TABULAR);
        ExperimentConfig config = new ExperimentConfig("still", base.data(), base.model(),
                new TrainingConfig(Optimizer.SGD, 1e-7, 64, 10, 0, 1, base.training().device()));
        TrainingResult result = TableExperiment.run(config, TableExperiment.load(file, config), null,
                TrainingObserver.NONE, new CancellationToken()).result();
        assertEquals(2, result.epochs().size(), result.message());
        assertTrue(result.message().startsWith("early stopping"), result.message());
    }

    /** Rows of x (0..1), y (0..1000) and a noise column; class "yes" when x·1000 > y, about {@code share} of rows. */
    private static String tabular(int rows, double share, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y,noise,label\n");
        for (int i = 0; i < rows; i++) {
            boolean yes = random.nextDouble() < share;
            double x = random.nextDouble();
            // y below x·1000 for "yes", above for "no", with a margin so the rule is clean.
            double y = yes ? x * 1000 * (0.1 + 0.8 * random.nextDouble()) : x * 1000 + (1000 - x * 1000) * (0.1 + 0.9 * random.nextDouble()) + 5;
            csv.append(String.format(Locale.ROOT, "%.4f,%.2f,%.3f,%s%n", x, y, random.nextGaussian(), yes ? "yes" : "no"));
        }
        return csv.toString();
    }

    private static ExperimentConfig small(ExperimentConfig base, double learningRate, int epochs) {
        return new ExperimentConfig("rows", base.data(), base.model(),
                new TrainingConfig(Optimizer.ADAM, learningRate, 32, epochs, 0, 0, base.training().device()));
    }

    private static ExperimentConfig withBinarySigmoid(ExperimentConfig config) {
        ModelConfig model = config.model();
        return new ExperimentConfig(config.name(), config.data(),
                new ModelConfig(model.layers(), OutputActivation.SIGMOID, LossFunction.XENT, WeightInit.XAVIER),
                config.training());
    }
}
