package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationStatsTest {

    @Test
    void matchesNd4jMeanAndSampleStandardDeviation() {
        Nd4j.getRandom().setSeed(3);
        INDArray values = Nd4j.randn(DataType.FLOAT, 64, 500).muli(2.5).addi(0.7);
        double[] stats = ActivationStats.meanAndStd(values);
        assertEquals(values.meanNumber().doubleValue(), stats[0], 1e-5);
        assertEquals(values.stdNumber().doubleValue(), stats[1], 1e-4 * stats[1]);
        assertEquals(2.5, stats[1], 0.05, "the spread that was put in");
    }

    @Test
    void constantAndReluLikeArraysGiveExactFigures() {
        double[] constant = ActivationStats.meanAndStd(Nd4j.valueArrayOf(new long[]{10, 10}, 3f));
        assertEquals(3.0, constant[0], 1e-6);
        assertEquals(0.0, constant[1], 1e-3);
        double[] half = ActivationStats.meanAndStd(Nd4j.createFromArray(0f, 0f, 2f, 2f));
        assertEquals(1.0, half[0], 1e-9);
        assertEquals(Math.sqrt(4.0 / 3.0), half[1], 1e-6, "sample standard deviation, as stdNumber()");
    }
}
