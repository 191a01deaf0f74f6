package org.collapselab.testsupport;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainedModel;

/**
 * Two hand-built image classifiers whose shortcut reliance is known by construction, for the spurious-feature
 * counterfactual test: one reads only the image brightness, the other only the per-image standardized pixels (so it
 * is blind to brightness and contrast).
 */
public final class ShortcutModels {
    private ShortcutModels() {
    }

    /** Classifies by the class whose mean image brightness on the training split is nearest. */
    public static final class BrightnessModel extends FakeModel {
        private final double[] classMean;

        public BrightnessModel(DataView train) {
            forClasses(train.dataset().classes());
            int classes = train.dataset().classCount();
            classMean = new double[classes];
            int[] n = new int[classes];
            for (int i = 0; i < train.count(); i++) {
                classMean[train.label(i)] += mean(train.dataset(), train.indices()[i]);
                n[train.label(i)]++;
            }
            for (int c = 0; c < classes; c++) {
                classMean[c] /= Math.max(1, n[c]);
            }
        }

        @Override
        int classify(ImageDataset data, int index) {
            double m = mean(data, index);
            int best = 0;
            for (int c = 1; c < classMean.length; c++) {
                best = Math.abs(m - classMean[c]) < Math.abs(m - classMean[best]) ? c : best;
            }
            return best;
        }
    }

    /** Answers the first class for source files at least {@code width} pixels wide, else the second: reads the size. */
    public static final class SizeModel extends FakeModel {
        private final int width;

        public SizeModel(List<String> classes, int width) {
            forClasses(classes);
            this.width = width;
        }

        @Override
        int classify(ImageDataset data, int index) {
            return data.info(index).width() >= width ? 0 : 1;
        }
    }

    /** Nearest class template of per-image standardized pixels: the same answer at any brightness and contrast. */
    public static final class ContentModel extends FakeModel {
        private final double[][] template;

        public ContentModel(DataView train) {
            forClasses(train.dataset().classes());
            ImageDataset data = train.dataset();
            template = new double[data.classCount()][data.imageBytes()];
            for (int i = 0; i < train.count(); i++) {
                double[] z = standardized(data, train.indices()[i]);
                for (int k = 0; k < z.length; k++) {
                    template[train.label(i)][k] += z[k];
                }
            }
        }

        @Override
        int classify(ImageDataset data, int index) {
            double[] z = standardized(data, index);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < template.length; c++) {
                double score = 0;
                for (int k = 0; k < z.length; k++) {
                    score += z[k] * template[c][k];
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }
    }

    abstract static class FakeModel implements TrainedModel {
        private List<String> classes;

        abstract int classify(ImageDataset data, int index);

        FakeModel forClasses(List<String> names) {
            classes = names;
            return this;
        }

        static double mean(ImageDataset data, int index) {
            byte[] pixels = new byte[data.imageBytes()];
            data.copyPixels(index, pixels, 0);
            double sum = 0;
            for (byte b : pixels) {
                sum += b & 0xFF;
            }
            return sum / pixels.length;
        }

        static double[] standardized(ImageDataset data, int index) {
            byte[] pixels = new byte[data.imageBytes()];
            data.copyPixels(index, pixels, 0);
            double mean = mean(data, index);
            double sq = 0;
            for (byte b : pixels) {
                sq += ((b & 0xFF) - mean) * ((b & 0xFF) - mean);
            }
            double sd = Math.max(1e-9, Math.sqrt(sq / pixels.length));
            double[] z = new double[pixels.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = ((pixels[k] & 0xFF) - mean) / sd;
            }
            return z;
        }

        @Override
        public float[][] predictProbabilities(DataView view) {
            float[][] p = new float[view.count()][view.dataset().classCount()];
            for (int i = 0; i < view.count(); i++) {
                p[i][classify(view.dataset(), view.indices()[i])] = 1;
            }
            return p;
        }

        @Override public ExperimentConfig config() { return null; }
        @Override public List<String> classes() { return classes; }
        @Override public Normalizer normalizer() { return null; }
        @Override public InputFingerprint trainingFingerprint() { return null; }
        @Override public double loss(DataView view) { return 0; }
        @Override public long parameterCount() { return 0; }
        @Override public void save(Path zip) { throw new UnsupportedOperationException(); }
    }
}
