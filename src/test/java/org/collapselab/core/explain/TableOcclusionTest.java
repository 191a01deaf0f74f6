package org.collapselab.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TableModel;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Averaging away the part of a CSV row the model decides by costs its prediction most. */
class TableOcclusionTest {
    @TempDir
    Path dir;

    /** A trained network on rows whose class is the sign of x, next to a column of noise. */
    @Test
    @Tag("slow")
    void theColumnThatDecidesTheClassCostsThePredictionMost() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("x,noise,label\n");
        for (int i = 0; i < 300; i++) {
            double x = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", x, random.nextGaussian(), x > 0 ? "up" : "down"));
        }
        TableDataset data = CsvLoader.load(Files.writeString(dir.resolve("rows.csv"), csv), CsvOptions.tabular());
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.TABULAR),
                List.of("training.epochs=8"));
        TableModel model = (TableModel) TableExperiment.run(config, data, null, TrainingObserver.NONE,
                CancellationToken.none()).result().model();
        int clear = 0;
        for (int row = 0; row < data.count() && clear < 10; row++) {
            if (Math.abs(data.value(row, 0)) < 1.2) {
                continue;
            }
            clear++;
            TableOcclusion occlusion = TableOcclusion.of(model, data, row);
            assertEquals(List.of("x", "noise"), occlusion.parts());
            assertEquals(0, occlusion.strongestPart(), "row " + row + ": drops " + java.util.Arrays.toString(
                    occlusion.drop()));
            assertTrue(occlusion.drop()[0] > occlusion.drop()[1] + 0.5, java.util.Arrays.toString(occlusion.drop()));
        }
        assertEquals(10, clear);
    }

    /** A series model that reads only time step 9 of 24: the segment holding it is the one that matters. */
    @Test
    void aSeriesIsCutIntoSegmentsAndTheOneTheModelReadsStandsOut() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < 24; t++) {
            csv.append("t").append(t).append(',');
        }
        csv.append("label\n");
        for (int r = 0; r < 4; r++) {
            for (int t = 0; t < 24; t++) {
                csv.append(t == 9 ? "3" : "1").append(',');
            }
            csv.append(r % 2).append('\n');
        }
        TableDataset series = CsvLoader.load(Files.writeString(dir.resolve("series.csv"), csv),
                CsvOptions.sequence());
        TableOcclusion occlusion = TableOcclusion.of(new StepReader(series, 9), series, 0);
        assertEquals(TableOcclusion.SEGMENTS, occlusion.parts().size());
        assertEquals("steps 9–10", occlusion.parts().get(4));
        assertEquals(4, occlusion.strongestPart());
        for (int s = 0; s < occlusion.parts().size(); s++) {
            if (s != 4) {
                assertEquals(0, occlusion.drop()[s], 1e-9, occlusion.parts().get(s));
            }
        }
        assertTrue(occlusion.drop()[4] > 1, "averaging step 9 (3 → 1) lowers the evidence: " + occlusion.drop()[4]);
    }

    /** Class 1's probability is a logistic of one time step's value; the training average of every step is 1. */
    private record StepReader(TableDataset shape, int step) implements TableModel {
        @Override
        public float[][] predictProbabilities(DataView view) {
            TableDataset rows = (TableDataset) view.data();
            float[][] p = new float[view.count()][];
            for (int i = 0; i < view.count(); i++) {
                double one = 1 / (1 + Math.exp(-3 * (rows.value(view.indices()[i], step) - 2)));
                p[i] = new float[]{(float) (1 - one), (float) one};
            }
            return p;
        }

        @Override
        public TableFingerprint tableFingerprint() {
            return new TableFingerprint(List.of("channel 0"), new double[]{1}, new double[]{0.5}, 4);
        }

        @Override
        public TableKind kind() {
            return TableKind.SEQUENCE;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public List<String> featureNames() {
            return shape.featureNames();
        }

        @Override
        public List<String> featureColumns() {
            return shape.featureColumns();
        }

        @Override
        public ExperimentConfig config() {
            return ConfigCodec.defaults(DataKind.SEQUENCE);
        }

        @Override
        public List<String> classes() {
            return new ArrayList<>(shape.classes());
        }

        @Override
        public Normalizer normalizer() {
            return null;
        }

        @Override
        public org.collapselab.core.data.InputFingerprint trainingFingerprint() {
            return null;
        }

        @Override
        public double loss(DataView view) {
            return 0;
        }

        @Override
        public long parameterCount() {
            return 1;
        }

        @Override
        public void save(Path zip) {
            throw new UnsupportedOperationException();
        }
    }
}
