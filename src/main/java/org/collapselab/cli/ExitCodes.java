package org.collapselab.cli;

/** Exit codes of design §5. */
public final class ExitCodes {
    /** Done, and no critical finding. */
    public static final int OK = 0;
    /** Done, with a critical finding (e.g. the model collapsed). */
    public static final int CRITICAL_FINDING = 1;
    /** Invalid input: usage, config or data. */
    public static final int INVALID_INPUT = 2;
    /** Failure while running. */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
