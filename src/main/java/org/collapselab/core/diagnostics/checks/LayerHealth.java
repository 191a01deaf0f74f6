package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.TrainingResult;

/** Reductions of a run's monitoring history used by the training checks. Pure. */
final class LayerHealth {
    /** How many of the last layer samples the "current state" checks average over. */
    static final int RECENT = 3;

    private LayerHealth() {
    }

    static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int mid = finite.length / 2;
        return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
    }

    /** Median of a layer quantity over all sampled iterations and all layers where it is finite. */
    static double medianOver(List<LayerStatistics> history, ToDoubleFunction<LayerSample> quantity) {
        List<Double> values = new ArrayList<>();
        for (LayerStatistics s : history) {
            for (LayerSample l : s.layers()) {
                double v = quantity.applyAsDouble(l);
                if (Double.isFinite(v)) {
                    values.add(v);
                }
            }
        }
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per layer index: mean of a quantity over the last {@link #RECENT} samples (NaN where never finite). */
    static double[] recentPerLayer(List<LayerStatistics> history, ToDoubleFunction<LayerSample> quantity) {
        if (history.isEmpty()) {
            return new double[0];
        }
        int layers = history.get(history.size() - 1).layers().size();
        double[] sum = new double[layers];
        int[] n = new int[layers];
        for (int k = Math.max(0, history.size() - RECENT); k < history.size(); k++) {
            List<LayerSample> samples = history.get(k).layers();
            for (int i = 0; i < Math.min(layers, samples.size()); i++) {
                double v = quantity.applyAsDouble(samples.get(i));
                if (Double.isFinite(v)) {
                    sum[i] += v;
                    n[i]++;
                }
            }
        }
        double[] out = new double[layers];
        for (int i = 0; i < layers; i++) {
            out[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
        }
        return out;
    }

    static String layerName(TrainingResult result, int layer) {
        List<LayerStatistics> h = result.layerHistory();
        return h.isEmpty() ? org.collapselab.core.model.ConfigPaths.layerName(layer) : h.get(h.size() - 1).layers().get(layer).name();
    }

    static double[] losses(TrainingResult result) {
        return result.iterations().stream().mapToDouble(IterationSample::loss).toArray();
    }

    /** The lowest finite validation loss of {@code epochs}, if any. */
    static OptionalDouble lowestValidationLoss(List<EpochMetrics> epochs) {
        return epochs.stream().mapToDouble(EpochMetrics::validationLoss).filter(Double::isFinite).min();
    }

    static double mean(double[] values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(values.length, to); i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean loss of the first few iterations (at least 3, 5% of the run). */
    static double earlyLoss(double[] losses) {
        return mean(losses, 0, Math.max(3, losses.length / 20));
    }

    /** Mean loss of the last 20% of iterations. */
    static double lateLoss(double[] losses) {
        return mean(losses, losses.length - Math.max(3, losses.length / 5), losses.length);
    }
}
