package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one step of a session produced: its state, findings, a short note (why skipped, what failed),
 * its time, the charts the check drew from its measurements (empty when none helps), and, for a step that
 * judges the training run, which run it examined.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StepResult(CheckState state, List<Finding> findings, String note, double seconds, List<ChartData> charts,
                         String run) {
    public static final StepResult PENDING = new StepResult(CheckState.PENDING, List.of(), null, 0);

    @JsonCreator
    public StepResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    public StepResult(CheckState state, List<Finding> findings, String note, double seconds, List<ChartData> charts) {
        this(state, findings, note, seconds, charts, null);
    }

    public StepResult(CheckState state, List<Finding> findings, String note, double seconds) {
        this(state, findings, note, seconds, List.of(), null);
    }

    /** The same result, naming the training run it examined. */
    public StepResult withRun(String value) {
        return new StepResult(state, findings, note, seconds, charts, value);
    }

    /** The most severe finding's severity, or null when there is none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(null);
    }
}
