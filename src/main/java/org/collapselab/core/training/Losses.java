package org.collapselab.core.training;

import org.collapselab.core.data.DataView;
import org.collapselab.core.model.LossFunction;

/** Evaluation losses computed from output probabilities, the same for every engine. Pure. */
public final class Losses {
    private Losses() {
    }

    /**
     * The data term of the training objective, computed from output probabilities so evaluation
     * needs one forward pass. Matches DL4J's losses (and the SameDiff engine's) (clipped at 1e-10), without the L2 term.
     */
    public static double meanLoss(LossFunction loss, float[][] probabilities, int[] labels, double[] weights, boolean single) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            int y = labels[i];
            double w = weights == null ? 1 : weights[y];
            total += switch (loss) {
                case MCXENT, NLL -> -w * Math.log(Math.max(1e-10, p[y]));
                case XENT -> {
                    if (single) {
                        double q = Math.min(1 - 1e-10, Math.max(1e-10, p[1]));
                        double wPos = weights == null ? 1 : weights[1] / weights[0];
                        yield y == 1 ? -wPos * Math.log(q) : -Math.log(1 - q);
                    }
                    double sum = 0;
                    for (int c = 0; c < p.length; c++) {
                        double q = Math.min(1 - 1e-10, Math.max(1e-10, p[c]));
                        double wc = weights == null ? 1 : weights[c];
                        sum += -wc * (c == y ? Math.log(q) : Math.log(1 - q));
                    }
                    yield sum;
                }
                case MSE -> {
                    if (single) {
                        double d = p[1] - y;
                        yield d * d;
                    }
                    double sum = 0;
                    for (int c = 0; c < p.length; c++) {
                        double d = p[c] - (c == y ? 1 : 0);
                        sum += (weights == null ? 1 : weights[c]) * d * d;
                    }
                    yield sum / p.length;
                }
            };
        }
        return labels.length == 0 ? Double.NaN : total / labels.length;
    }

    /**
     * Class probabilities from a network's output rows; a single sigmoid unit (two classes) becomes
     * [1 − p, p], so both classes have a column like every other model.
     */
    public static float[][] probabilities(float[][] raw, boolean single) {
        if (!single) {
            return raw;
        }
        float[][] two = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            two[i] = new float[]{1 - raw[i][0], raw[i][0]};
        }
        return two;
    }

    /** Mean loss of a model's predictions on a view, as its training objective measures it. */
    public static double meanLoss(TrainedModel model, DataView view, double[] weights, boolean single) {
        int[] labels = new int[view.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = view.label(i);
        }
        return meanLoss(model.config().model().loss(), model.predictProbabilities(view), labels, weights, single);
    }
}
