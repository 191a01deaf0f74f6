package org.collapselab.core.training.dl4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.Split;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class weights with one sigmoid output and binary cross-entropy: DL4J's per-column loss weight scales every row of
 * the one column alike (a no-op under Adam), so the weights must reach the rows; the rare class then gets a higher
 * predicted probability than without them.
 */
@Tag("slow")
class SingleSigmoidClassWeightsTest {
    @TempDir
    Path dir;

    @Test
    void classWeightsRaiseTheRareClassProbabilityOfASingleSigmoid() throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 300; i++) {
            boolean rare = i % 10 == 0;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d%n", random.nextGaussian() + (rare ? 0.5 : 0),
                    random.nextGaussian(), rare ? 1 : 0));
        }
        TableDataset data = CsvLoader.load(Files.writeString(dir.resolve("rows.csv"), csv), CsvOptions.tabular());
        List<String> binary = List.of("model.outputActivation=sigmoid", "model.loss=xent", "training.epochs=3");
        ExperimentConfig plain = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.TABULAR), binary);
        ExperimentConfig weighted = ConfigCodec.withOverrides(plain, List.of("data.balance=class-weights"));
        double plainShare = meanRareProbability(plain, data);
        double weightedShare = meanRareProbability(weighted, data);
        // Unweighted, the sigmoid settles near the 10% base rate; weighted 9:1 it moves toward an even split.
        assertTrue(plainShare < 0.25, "unweighted mean p(rare) " + plainShare);
        assertTrue(weightedShare > plainShare + 0.15, "weighted " + weightedShare + " vs unweighted " + plainShare);
    }

    private static double meanRareProbability(ExperimentConfig config, TableDataset data) throws Exception {
        TrainingResult result = TableExperiment.run(config, data, null, TrainingObserver.NONE, CancellationToken.none())
                .result();
        float[][] p = result.model().predictProbabilities(new DataView(data, Split.all(data.count()).train()));
        double sum = 0;
        for (float[] row : p) {
            sum += row[1];
        }
        return sum / p.length;
    }
}
