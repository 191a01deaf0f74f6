package org.collapselab.core.diagnostics;

import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.training.BudgetExhaustedException;
import org.collapselab.core.training.BudgetExhaustedException;
import org.collapselab.core.training.TrialBudget;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrialBudgetTest {
    @Test
    void aSpentBudgetRefusesWorkUntilItsClockIsRestarted() throws Exception {
        TrialBudget budget = TrialBudget.of(0.05, 2, 100);
        Thread.sleep(80);
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> budget.require("a trial"));
        assertTrue(e.getMessage().contains("before a trial"), e.getMessage());
        budget.restartClock();
        assertDoesNotThrow(() -> budget.require("the next action"));
    }

    @Test
    void unlimitedNeverRunsOut() {
        assertTrue(Double.isInfinite(TrialBudget.unlimited().secondsLeft()));
    }
}
