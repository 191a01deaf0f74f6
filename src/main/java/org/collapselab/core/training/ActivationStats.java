package org.collapselab.core.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean and standard deviation of an activation array from two plain reductions (sum and L2
 * norm). ND4J's {@code stdNumber()} runs a variance op that took half of each layer sample at
 * 64×64×3 (a conv activation of 32 probe images holds 3.9 M values); the monitor needs a
 * diagnostic figure, not the last digit.
 */
public final class ActivationStats {
    private ActivationStats() {
    }

    /** {mean, sample standard deviation} of every value of {@code values}. */
    public static double[] meanAndStd(INDArray values) {
        long n = values.length();
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double mean = values.sumNumber().doubleValue() / n;
        double norm = values.norm2Number().doubleValue();
        double variance = Math.max(0, norm * norm / n - mean * mean);
        double sample = n > 1 ? variance * n / (n - 1) : 0;
        return new double[]{mean, Math.sqrt(sample)};
    }
}
