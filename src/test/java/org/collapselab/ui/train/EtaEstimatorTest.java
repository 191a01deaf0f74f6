package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EtaEstimatorTest {

    @Test
    void noEstimateUntilEnoughSteadyTrainingThenTheTrueTimeLeft() {
        // 200 iterations at 0.1 s each after a first minibatch that took 6 s of set-up.
        EtaEstimator eta = new EtaEstimator(200);
        assertTrue(Double.isNaN(eta.update(1, 6.0)), "no estimate from the set-up minibatch");
        assertTrue(Double.isNaN(eta.update(5, 6.4)), "too few iterations and seconds yet");
        double left = Double.NaN;
        for (int done = 6; done <= 100; done++) {
            left = eta.update(done, 6.0 + 0.1 * (done - 1));
        }
        // The naive elapsed × (1 − done) / done would say 15.9 s here; the truth is 100 × 0.1 s = 10 s.
        assertEquals(10.0, left, 0.05);
    }

    @Test
    void oneSlowMeasurementMovesTheEstimateOnlyPartway() {
        EtaEstimator eta = new EtaEstimator(1000);
        eta.update(1, 0);
        double steady = Double.NaN;
        for (int done = 2; done <= 400; done++) {
            steady = eta.update(done, 0.1 * (done - 1));
        }
        // A garbage-collection pause: 10 iterations in 5 s instead of 1 s.
        double after = eta.update(410, 0.1 * 399 + 5);
        double unsmoothed = 590 / (10 / 5.0);
        assertTrue(after > steady && after < unsmoothed / 2, "smoothed: " + steady + " → " + after);
    }
}
