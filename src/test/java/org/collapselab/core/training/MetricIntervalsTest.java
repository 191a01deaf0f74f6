package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricIntervalsTest {

    /** Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no continuity correction). */
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
    void wilsonMatchesNewcombesWorkedExamples(int successes, int n, double low, double high) {
        MetricIntervals.Interval interval = MetricIntervals.wilson(successes, n);
        assertEquals(low, interval.low(), 5e-5);
        assertEquals(high, interval.high(), 5e-5);
    }

    @Test
    void accuracyUsesWilsonOnTheCorrectCount() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"), new int[][] {{40, 10}, {5, 45}});
        MetricIntervals intervals = MetricIntervals.of(m);
        MetricIntervals.Interval expected = MetricIntervals.wilson(85, 100);
        assertEquals(expected, intervals.accuracy());
        assertTrue(intervals.accuracy().low() < m.accuracy() && m.accuracy() < intervals.accuracy().high());
    }

    @Test
    void bootstrapIsReproducibleForASeedAndContainsThePointEstimate() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"),
                new int[][] {{20, 3, 2}, {4, 15, 6}, {1, 2, 22}});
        MetricIntervals first = MetricIntervals.of(m);
        MetricIntervals again = MetricIntervals.of(m);
        assertEquals(first, again);
        assertEquals(MetricIntervals.RESAMPLES, first.resamples());
        assertTrue(first.balancedAccuracy().low() < m.balancedAccuracy()
                && m.balancedAccuracy() < first.balancedAccuracy().high(), first.toString());
        assertTrue(first.macroF1().low() < m.macroF1() && m.macroF1() < first.macroF1().high(), first.toString());
        assertNotEquals(first.balancedAccuracy(), MetricIntervals.of(m, 1000, 7).balancedAccuracy());
    }

    @Test
    void fewerImagesGiveWiderIntervals() {
        ConfusionMatrix small = new ConfusionMatrix(List.of("a", "b"), new int[][] {{4, 1}, {1, 4}});
        ConfusionMatrix large = new ConfusionMatrix(List.of("a", "b"), new int[][] {{80, 20}, {20, 80}});
        double smallWidth = width(MetricIntervals.of(small).balancedAccuracy());
        double largeWidth = width(MetricIntervals.of(large).balancedAccuracy());
        assertTrue(smallWidth > 2.5 * largeWidth, smallWidth + " vs " + largeWidth);
    }

    @Test
    void aCollapsedModelHasNoSpreadInBalancedAccuracy() {
        // Every resample still predicts one class for everything: recall 1 for it, 0 for the rest.
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"), new int[][] {{0, 30, 0}, {0, 30, 0}, {0, 30, 0}});
        MetricIntervals.Interval balanced = MetricIntervals.of(m).balancedAccuracy();
        assertEquals(1.0 / 3, balanced.low(), 1e-12);
        assertEquals(1.0 / 3, balanced.high(), 1e-12);
    }

    @Test
    void anEmptyMatrixHasNoIntervals() {
        assertNull(MetricIntervals.of(new ConfusionMatrix(List.of("a", "b"), new int[2][2])));
    }

    @Test
    void spansOnlyWhenTheThresholdIsInside() {
        MetricIntervals.Interval i = new MetricIntervals.Interval(0.4, 0.7);
        assertTrue(i.spans(0.5));
        assertTrue(!i.spans(0.3) && !i.spans(0.8));
        assertEquals("40–70%", i.percent());
    }

    private static double width(MetricIntervals.Interval i) {
        return i.high() - i.low();
    }
}
