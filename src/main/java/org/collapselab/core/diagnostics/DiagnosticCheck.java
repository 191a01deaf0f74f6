package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * One diagnostic step, a plug-in of the walkthrough: reads the facts in a {@link DiagnosticContext} and returns
 * findings with evidence. Passive checks only look at facts and run in milliseconds; active checks
 * run experiments through {@link DiagnosticContext#trials()} and must honour the cancellation token
 * and the budget. Blocking; call from a worker thread. Implementations are stateless.
 */
public interface DiagnosticCheck {
    /** Stable id of the step, e.g. "class-imbalance". */
    String id();

    /** The finding ids this check can report; by default just {@link #id()}. Checked against what it emits in tests. */
    default List<String> findingIds() {
        return List.of(id());
    }

    /**
     * Whether this check's findings describe the failure itself (a collapse, a loss that cannot fall, an input
     * the network ignores) rather than a cause; the cause ranking puts symptoms after causes.
     */
    default boolean reportsSymptoms() {
        return false;
    }

    String title();

    /** One sentence for the stepper: what the check does and why. */
    String description();

    Phase phase();

    /** Whether the check runs training experiments (and so costs time and budget). */
    boolean active();

    /**
     * Whether the check judges the monitored training run ({@link DiagnosticContext#trainingResult()}): without one it
     * waits, and its result names the run it examined.
     */
    default boolean readsTrainingRun() {
        return false;
    }

    /**
     * Whether the check judges the training run when there is one but also runs without it, as a screen that says it
     * waits ({@link DiagnosticContext#waitForTrainingRun}): the session names the run it examined, runs it again once
     * a step has made the run, and resets it when another run is adopted. A data-phase check that needs the model.
     */
    default boolean readsTrainingRunWhenPresent() {
        return false;
    }

    /** Whether the check makes (or adopts) the training run that the {@link #readsTrainingRun()} checks judge. */
    default boolean producesTrainingRun() {
        return false;
    }

    /** Whether running it now trains nothing (the quick checks run these); by default the passive checks. */
    default boolean quick(DiagnosticContext ctx) {
        return !active();
    }

    /** Null when the check can run on these facts, otherwise why not (e.g. "no training run yet"). */
    default String notApplicable(DiagnosticContext ctx) {
        return null;
    }

    List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel);
}
