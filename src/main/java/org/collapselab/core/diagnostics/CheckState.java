package org.collapselab.core.diagnostics;

/** State of one step of a {@link DiagnosticSession}. */
public enum CheckState {
    PENDING, RUNNING,
    /** Ran and found nothing. */
    PASSED,
    /** Ran and reported at least one finding. */
    FOUND,
    /** Not run: skipped by the user, not applicable, out of budget, or cancelled. */
    SKIPPED,
    /** The check itself failed (an exception); its message is in the step result. */
    FAILED
}
