package org.collapselab.core.diagnostics;

/** State of one step of a {@link DiagnosticSession}. */
public enum CheckState {
    PENDING, RUNNING,
    /** Ran and found nothing. */
    PASSED,
    /** Ran and reported at least one finding. */
    FOUND,
    /** Not run: skipped by the user, out of budget, or stopped. */
    SKIPPED,
    /** Not run: it reads the training run and there is none yet (the note says which step makes one). */
    WAITING,
    /** Not run: it cannot judge these facts (the note says why, e.g. "needs at least 3 epochs"). */
    NOT_APPLICABLE,
    /** The check itself failed (an exception); its message is in the step result. */
    FAILED
}
