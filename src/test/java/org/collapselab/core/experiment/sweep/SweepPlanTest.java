package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private final ExperimentConfig base = ConfigCodec.defaults();

    @Test
    void gridIsTheCartesianProductFirstParameterSlowest() throws Exception {
        List<SweepParameter> params = SweepSpecParser.parse(base,
                List.of("training.learningRate=1e-3,1e-2,1e-1", "data.balance=none,class-weights"));
        List<Map<String, String>> grid = SweepPlan.grid(params);
        assertEquals(6, grid.size());
        assertEquals(Map.of("training.learningRate", "1e-3", "data.balance", "none"), grid.get(0));
        assertEquals(Map.of("training.learningRate", "1e-3", "data.balance", "class-weights"), grid.get(1));
        assertEquals(Map.of("training.learningRate", "1e-1", "data.balance", "class-weights"), grid.get(5));
        assertEquals(6, grid.stream().distinct().count());
    }

    @Test
    void randomDrawsAreSeededAndStayInsideTheRanges() throws Exception {
        List<SweepParameter> params = SweepSpecParser.parse(base,
                List.of("training.learningRate=log:1e-5..1e-1:5", "training.batchSize=lin:16..128:4", "data.balance=none,class-weights"));
        List<Map<String, String>> a = SweepPlan.random(params, 50, 7);
        assertEquals(a, SweepPlan.random(params, 50, 7), "same seed, same draws");
        assertNotEquals(a, SweepPlan.random(params, 50, 8));
        assertEquals(50, a.size());
        int belowMillis = 0;
        for (Map<String, String> draw : a) {
            double lr = Double.parseDouble(draw.get("training.learningRate"));
            assertTrue(lr >= 1e-5 && lr <= 1e-1, "lr " + lr);
            belowMillis += lr < 1e-3 ? 1 : 0;
            int batch = Integer.parseInt(draw.get("training.batchSize"));
            assertTrue(batch >= 16 && batch <= 128, "batch " + batch);
            assertTrue(List.of("none", "class-weights").contains(draw.get("data.balance")));
        }
        // Log-uniform: half the draws fall below the geometric middle 1e-3 (uniform would put 1 % there).
        assertTrue(belowMillis > 15 && belowMillis < 35, "draws below 1e-3: " + belowMillis);
    }

    @Test
    void halvingKeepsAThirdPerRungUpToTheFullEpochs() {
        List<SweepPlan.Rung> rungs = SweepPlan.halving(10, 9, 1, 3);
        assertEquals(List.of(new SweepPlan.Rung(10, 1), new SweepPlan.Rung(3, 3), new SweepPlan.Rung(1, 9)), rungs);
        assertEquals(10 + 9 + 9, SweepPlan.trialEpochs(rungs));
        assertEquals(14, SweepPlan.trialCount(rungs));

        List<SweepPlan.Rung> deep = SweepPlan.halving(27, 27, 1, 3);
        assertEquals(List.of(new SweepPlan.Rung(27, 1), new SweepPlan.Rung(9, 3), new SweepPlan.Rung(3, 9),
                new SweepPlan.Rung(1, 27)), deep);
        assertEquals(4 * 27, SweepPlan.trialEpochs(deep), "each rung costs the same: n/3^k configurations × 3^k epochs");

        // The last rung is capped at the full budget, and one survivor keeps training to it.
        assertEquals(List.of(new SweepPlan.Rung(4, 4), new SweepPlan.Rung(1, 10)), SweepPlan.halving(4, 10, 4, 3));
        assertEquals(List.of(new SweepPlan.Rung(5, 6)), SweepPlan.halving(5, 6, 6, 3), "r = full epochs: no halving");
        assertEquals(List.of(new SweepPlan.Rung(10, 1), new SweepPlan.Rung(3, 3), new SweepPlan.Rung(1, 10)),
                SweepPlan.halving(10, 10, 1, 3), "the last one left skips the 9-epoch rung and trains for 10");
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.halving(5, 6, 7, 3));
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.halving(5, 6, 1, 1));
    }

    @Test
    void defaultFirstRungIsTwoHalvingsBelowTheFullBudget() {
        assertEquals(1, SweepSpec.defaultMinEpochs(9, 3));
        assertEquals(3, SweepSpec.defaultMinEpochs(27, 3));
        assertEquals(1, SweepSpec.defaultMinEpochs(4, 3));
    }

    @Test
    void coresAreSharedBetweenParallelTrials() {
        assertEquals(2, LocalTrialExecutor.threadsPerTrial(2, 1));
        assertEquals(1, LocalTrialExecutor.threadsPerTrial(2, 2));
        assertEquals(1, LocalTrialExecutor.threadsPerTrial(2, 3), "never below one");
        assertEquals(4, LocalTrialExecutor.threadsPerTrial(16, 4));
    }
}
