package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one step of a session produced: its state, findings, a short note (why skipped, what failed),
 * its time, the charts the check drew from its measurements (empty when none helps), and, for a step that
 * judges the training run, which run it examined, and what the step cost ({@link StepWork}, null when it did not run).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StepResult(CheckState state, List<Finding> findings, String note, double seconds, List<ChartData> charts,
                         String run, StepWork work) {
    public static final StepResult PENDING = new StepResult(CheckState.PENDING, List.of(), null, 0);

    @JsonCreator
    public StepResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    public StepResult(CheckState state, List<Finding> findings, String note, double seconds, List<ChartData> charts) {
        this(state, findings, note, seconds, charts, null, null);
    }

    public StepResult(CheckState state, List<Finding> findings, String note, double seconds, List<ChartData> charts,
                      String run) {
        this(state, findings, note, seconds, charts, run, null);
    }

    public StepResult(CheckState state, List<Finding> findings, String note, double seconds) {
        this(state, findings, note, seconds, List.of(), null, null);
    }

    /** The same result, naming the training run it examined. */
    public StepResult withRun(String value) {
        return new StepResult(state, findings, note, seconds, charts, value, work);
    }

    /** The same result with what it cost (wall and CPU seconds, trials, epochs, images). */
    public StepResult withWork(StepWork value) {
        return new StepResult(state, findings, note, seconds, charts, run, value);
    }

    /** The most severe finding's severity, or null when there is none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(null);
    }
}
