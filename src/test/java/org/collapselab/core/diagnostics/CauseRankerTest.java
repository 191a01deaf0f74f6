package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking rule on hand-made findings and trials. */
class CauseRankerTest {
    private static Finding f(String id, Severity severity, Double before, Double after) {
        Fix fix = before == null ? null : new Fix("fix " + id, Map.of("k." + id, 1), new FixTrial(before, after));
        return new Finding(id, severity, 0, id, "because", new Evidence(1, 0, "test"), fix);
    }

    @Test
    void ranksConfirmedFixesByGainThenTheRestBySeverity() {
        List<Finding> ranked = CauseRanker.order(List.of(
                f("collapsed-predictions", Severity.CRITICAL, null, null),
                f("dead-relu", Severity.WARNING, 0.33, 0.50),
                f("class-imbalance", Severity.CRITICAL, 0.33, 0.90),
                f("tiny-class", Severity.WARNING, 0.33, 0.34),
                f("no-class-signal", Severity.CRITICAL, null, null)), Map.of());
        assertEquals(List.of("class-imbalance", "dead-relu", "no-class-signal", "collapsed-predictions", "tiny-class"),
                ranked.stream().map(Finding::id).toList());
    }

    @Test
    void onEqualGainsCausesBeatSymptomsAndMeasuredBeatsPredicted() {
        List<Finding> ranked = CauseRanker.order(List.of(
                f("nan-loss", Severity.CRITICAL, 0.33, 0.9),
                f("learning-rate-out-of-range", Severity.WARNING, 0.33, 0.9),
                f("learning-rate-too-high", Severity.WARNING, 0.33, 0.9)),
                Map.of("learning-rate-out-of-range", Phase.CONFIG, "learning-rate-too-high", Phase.TRAINING,
                        "nan-loss", Phase.TRAINING));
        assertEquals(List.of("learning-rate-too-high", "learning-rate-out-of-range", "nan-loss"),
                ranked.stream().map(Finding::id).toList());
    }

    @Test
    void mergesFindingsWithTheSameIdKeepingTheMostSevere() {
        List<Finding> merged = CauseRanker.mergeById(List.of(f("a", Severity.WARNING, null, null),
                f("a", Severity.CRITICAL, null, null), f("b", Severity.INFO, null, null)));
        assertEquals(2, merged.size());
        assertEquals(Severity.CRITICAL, merged.get(0).severity());
    }
}
