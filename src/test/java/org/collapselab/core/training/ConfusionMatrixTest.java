package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void predictingOneClassForEverythingIsCollapsed() {
        // 90 a, 5 b, 5 c — all predicted a: 90% accuracy, but balanced accuracy at chance.
        int[][] counts = {{90, 0, 0}, {5, 0, 0}, {5, 0, 0}};
        ConfusionMatrix m = new ConfusionMatrix(ABC, counts);
        assertEquals(0.90, m.accuracy(), 1e-12);
        assertEquals(1.0 / 3, m.balancedAccuracy(), 1e-12);
        assertEquals(1.0, m.predictionShare(), 1e-12);
        assertEquals(0.90, m.majorityBaseline(), 1e-12);
        assertEquals(List.of("b", "c"), m.neverPredicted());
        assertTrue(m.isCollapsed());
        assertEquals(2 * 0.9 / 1.9 / 3, m.macroF1(), 1e-12);
    }

    @Test
    void aGoodClassifierIsNotCollapsed() {
        ConfusionMatrix m = new ConfusionMatrix(ABC, new int[][]{{9, 1, 0}, {0, 10, 0}, {1, 0, 9}});
        assertFalse(m.isCollapsed());
        assertEquals(28.0 / 30, m.accuracy(), 1e-12);
        assertTrue(m.neverPredicted().isEmpty());
    }

    @Test
    void collapseVerdictNamesTheClassAndTheFirstEpochOfTheFinalCollapse() {
        ConfusionMatrix healthy = new ConfusionMatrix(ABC, new int[][]{{5, 0, 0}, {0, 5, 0}, {0, 0, 5}});
        ConfusionMatrix collapsed = new ConfusionMatrix(ABC, new int[][]{{0, 5, 0}, {0, 5, 0}, {0, 5, 0}});
        List<EpochMetrics> epochs = List.of(epoch(1, collapsed), epoch(2, healthy), epoch(3, collapsed), epoch(4, collapsed));
        CollapseVerdict verdict = CollapseVerdict.of(epochs);
        assertTrue(verdict.collapsed());
        assertEquals(3, verdict.sinceEpoch());
        assertEquals("b", verdict.dominantClass());
        assertFalse(CollapseVerdict.of(List.of(epoch(1, collapsed), epoch(2, healthy))).collapsed());
    }

    private static EpochMetrics epoch(int n, ConfusionMatrix m) {
        return new EpochMetrics(n, 1, 1, 0, m.accuracy(), m.balancedAccuracy(), m.macroF1(), m.predictionShare(),
                m.majorityBaseline(), 1, m);
    }
}
