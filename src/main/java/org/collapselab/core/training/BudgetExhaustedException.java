package org.collapselab.core.training;

/** Thrown by {@link TrialRunner} when the diagnostic time budget is spent; the session skips the step. */
public final class BudgetExhaustedException extends RuntimeException {
    public BudgetExhaustedException(String message) {
        super(message, null, false, false);
    }
}
