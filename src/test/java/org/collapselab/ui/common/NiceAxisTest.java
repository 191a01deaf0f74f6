package org.collapselab.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NiceAxisTest {

    @Test
    void iterationAxisGetsAFewRoundTicks() {
        // 0–132 iterations: ticks every 50, not every 10 ("100110120130" when they run together).
        assertArrayEquals(new double[]{0, 150, 50}, NiceAxis.range(0, 132, 5, true), 1e-9);
    }

    @Test
    void onePointSpansAWholeUnitNotASliver() {
        double[] range = NiceAxis.range(1, 1, 5, true);
        assertArrayEquals(new double[]{0, 2, 1}, range, 1e-9);
        double[] values = NiceAxis.range(0.5, 0.5, 5, false);
        assertTrue(values[1] - values[0] >= 0.5, "not 0.49–0.51");
    }

    @Test
    void tickCountStaysWithinTheLimit() {
        for (double max : new double[]{3, 17, 99, 1234, 98765}) {
            double[] r = NiceAxis.range(0, max, 5, true);
            double ticks = (r[1] - r[0]) / r[2];
            assertTrue(ticks <= 5 && r[1] >= max && r[0] <= 0, max + ": " + java.util.Arrays.toString(r));
        }
    }
}
