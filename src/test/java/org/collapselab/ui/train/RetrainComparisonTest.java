package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.junit.jupiter.api.Test;

class RetrainComparisonTest {
    private static EpochMetrics epoch(int[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(List.of("circles", "squares", "triangles"), counts);
        return new EpochMetrics(3, 0.5, 0.5, 0.5, m.accuracy(), m.balancedAccuracy(), m.macroF1(), m.predictionShare(),
                m.majorityBaseline(), 1, m);
    }

    @Test
    void collapsedBeforeExplainsTheAccuracyDropAndPointsToBalancedAccuracy() {
        EpochMetrics collapsed = epoch(new int[][]{{92, 0, 0}, {4, 0, 0}, {4, 0, 0}});
        EpochMetrics fixed = epoch(new int[][]{{50, 20, 22}, {1, 3, 0}, {1, 0, 3}});

        String text = RetrainComparison.describe("run-1", collapsed, new CollapseVerdict(true, 1, "circles"), fixed,
                CollapseVerdict.NONE);

        assertTrue(text.contains("balanced accuracy 0.33 → 0.68"), text);
        assertTrue(text.contains("collapsed yes → no"), text);
        assertTrue(text.contains("plain accuracy 92.0% → 56.0%"), text);
        assertTrue(text.contains("answered 'circles' for almost every image"), text);
        assertTrue(text.contains("92.0% of the validation images (the majority baseline)"), text);
        assertTrue(text.contains("the number to watch"), text);
    }

    @Test
    void noExplanationWhenPlainAccuracyDidNotFall() {
        EpochMetrics before = epoch(new int[][]{{80, 6, 6}, {2, 2, 0}, {2, 0, 2}});
        EpochMetrics after = epoch(new int[][]{{88, 2, 2}, {0, 4, 0}, {0, 0, 4}});

        String text = RetrainComparison.describe("run-1", before, CollapseVerdict.NONE, after, CollapseVerdict.NONE);

        assertFalse(text.contains("Why plain accuracy fell"), text);
    }
}
