package org.collapselab.core.experiment.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.collapselab.core.report.RunReport;

/**
 * One row of the runs table: what a run folder says about itself. Numbers are NaN and texts empty when the
 * folder does not say (a run killed before its first epoch, or a damaged file); {@code problem} then explains
 * what could not be read, and {@code report} is null when report.json is missing or unreadable.
 *
 * @param status     "completed", "stopped", "diverged", "failed", "running", "interrupted" (killed while
 *                   running), "incomplete" (config.json but no report.json) or "unreadable"
 * @param parameters the config as flat {@code dotted.path -> value} pairs; empty when config.json is unreadable
 * @param collapsedOnto the class the run predicts for everything, or empty when it did not collapse
 */
public record RunSummary(Path folder, String name, String status, Instant start, double durationSeconds,
                         String engine, Map<String, String> parameters, double validationAccuracy,
                         double balancedAccuracy, double macroF1, boolean collapsed, String collapsedOnto,
                         String topFinding, int findingCount, String note, String problem, RunReport report) {

    public RunSummary {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        engine = engine == null ? "" : engine;
        collapsedOnto = collapsedOnto == null ? "" : collapsedOnto;
        topFinding = topFinding == null ? "" : topFinding;
        note = note == null ? "" : note;
    }

    /** The value of a config path in this run, or empty when the run does not set it. */
    public String parameter(String path) {
        return parameters.getOrDefault(path, "");
    }

    public RunSummary withNote(String newNote) {
        return new RunSummary(folder, name, status, start, durationSeconds, engine, parameters, validationAccuracy,
                balancedAccuracy, macroF1, collapsed, collapsedOnto, topFinding, findingCount, newNote, problem, report);
    }
}
