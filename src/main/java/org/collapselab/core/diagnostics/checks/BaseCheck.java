package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;

/** Shared plumbing of the checks: identity fields and a terse finding builder. */
abstract class BaseCheck implements DiagnosticCheck {
    private final String id;
    private final List<String> findingIds;
    private final String title;
    private final String description;
    private final Phase phase;
    private final boolean active;

    BaseCheck(String id, List<String> findingIds, String title, String description, Phase phase, boolean active) {
        this.id = id;
        this.findingIds = List.copyOf(findingIds);
        this.title = title;
        this.description = description;
        this.phase = phase;
        this.active = active;
    }

    @Override public String id() { return id; }
    @Override public List<String> findingIds() { return findingIds; }
    @Override public String title() { return title; }
    @Override public String description() { return description; }
    @Override public Phase phase() { return phase; }
    @Override public boolean active() { return active; }

    static Finding finding(String id, Severity severity, String title, String explanation, double measured,
                           double threshold, String source, Fix fix) {
        return new Finding(id, severity, 0, title, explanation, new Evidence(measured, threshold, source), fix);
    }

    static Fix fix(String description, Map<String, Object> set) {
        return new Fix(description, set, null);
    }

    /** For active checks: why they cannot run without a trial runner. */
    static String needsTrials(DiagnosticContext ctx) {
        return ctx.trials() == null ? "experiments are not available here" : null;
    }

    /** For checks on the monitored run. */
    static String needsTraining(DiagnosticContext ctx) {
        return ctx.trainingResult() == null ? "no training run yet" : null;
    }

    /** Why a check of the last epoch's predictions cannot run, or null when a run finished an epoch. */
    static String needsAnEpoch(DiagnosticContext ctx) {
        String none = needsTraining(ctx);
        return none != null ? none : ctx.trainingResult().lastEpoch() == null ? "the run finished no epoch" : null;
    }
}
