package org.collapselab.core.diagnostics;

import java.util.List;

/** What one step of a session produced: its state, findings, a short note (why skipped, what failed) and its time. */
public record StepResult(CheckState state, List<Finding> findings, String note, double seconds) {
    public static final StepResult PENDING = new StepResult(CheckState.PENDING, List.of(), null, 0);

    public StepResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
