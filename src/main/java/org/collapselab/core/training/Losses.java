package org.collapselab.core.training;

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
}
