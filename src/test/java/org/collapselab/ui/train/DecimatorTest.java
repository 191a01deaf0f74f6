package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void longSeriesAreCappedButKeepTheirSpikes() {
        int n = 50_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = 1.0 / (1 + i * 1e-3);
        }
        ys[31_337] = 99; // a loss spike must survive decimation
        ys[40_000] = Double.NaN; // a NaN is skipped, not drawn
        List<double[]> points = Decimator.minMax(xs, ys, n, 500);
        assertTrue(points.size() <= 1000, "plotted points " + points.size());
        assertTrue(points.stream().anyMatch(p -> p[1] == 99), "spike kept");
        assertTrue(points.stream().allMatch(p -> Double.isFinite(p[1])));
        assertEquals(0, points.get(0)[0]);
    }

    @Test
    void shortSeriesAreDrawnAsTheyAre() {
        double[] xs = {1, 2, 3};
        double[] ys = {3, 2, 1};
        assertEquals(3, Decimator.minMax(xs, ys, 3, 500).size());
    }
}
