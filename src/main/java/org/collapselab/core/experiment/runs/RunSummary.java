package org.collapselab.core.experiment.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.MetricIntervals;

/**
 * One row of the runs table: what a run folder says about itself. Numbers are NaN and texts empty when the
 * folder does not say (a run killed before its first epoch, or a damaged file); {@code problem} then explains
 * what could not be read, and {@link #report()} is null when report.json is missing or unreadable.
 *
 * @param status     "completed", "stopped", "diverged", "failed", "running", "interrupted" (killed while
 *                   running), "incomplete" (config.json but no report.json) or "unreadable"
 * @param parameters the config as flat {@code dotted.path -> value} pairs; empty when config.json is unreadable
 * @param collapsedOnto the class the run predicts for everything, or empty when it did not collapse
 * @param judged     whether an epoch finished, so the run's collapse verdict means something
 * @param findingsText every finding's id and title, for the table's filter
 * @param source     the whole report.json, read when first asked for (the table needs only the fields above)
 * @param balancedAccuracyLow  the low end of balanced accuracy's 95% interval; NaN when the report has none
 * @param balancedAccuracyHigh its high end
 */
public record RunSummary(Path folder, String name, String status, Instant start, double durationSeconds,
                         String engine, Map<String, String> parameters, double validationAccuracy,
                         double balancedAccuracy, double macroF1, boolean collapsed, String collapsedOnto,
                         boolean judged, String topFinding, int findingCount, String findingsText, String note,
                         String problem, ReportSource source, double balancedAccuracyLow,
                         double balancedAccuracyHigh) {

    public RunSummary {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        engine = engine == null ? "" : engine;
        collapsedOnto = collapsedOnto == null ? "" : collapsedOnto;
        topFinding = topFinding == null ? "" : topFinding;
        findingsText = findingsText == null ? "" : findingsText;
        note = note == null ? "" : note;
    }

    /** The value of a config path in this run, or empty when the run does not set it. */
    public String parameter(String path) {
        return parameters.getOrDefault(path, "");
    }

    /** Whether report.json was readable when the folder was listed. */
    public boolean hasReport() {
        return source != null;
    }

    /**
     * The run's whole report, read from report.json on the first call and kept (a few KB of file I/O: fine on any
     * thread for one run, but not for the whole table). Null when the folder has no readable report.
     */
    public RunReport report() {
        return source == null ? null : source.get();
    }

    public RunSummary withNote(String newNote) {
        return new RunSummary(folder, name, status, start, durationSeconds, engine, parameters, validationAccuracy,
                balancedAccuracy, macroF1, collapsed, collapsedOnto, judged, topFinding, findingCount, findingsText,
                newNote, problem, source, balancedAccuracyLow, balancedAccuracyHigh);
    }

    /** Balanced accuracy's 95% interval, or null when the report has none (older reports, no epoch). */
    public MetricIntervals.Interval balancedAccuracyInterval() {
        return Double.isFinite(balancedAccuracyLow) && Double.isFinite(balancedAccuracyHigh)
                ? new MetricIntervals.Interval(balancedAccuracyLow, balancedAccuracyHigh) : null;
    }

    /** A run folder's report.json, read once on demand; thread-safe. */
    public static final class ReportSource {
        private final Path folder;
        private volatile RunReport report;

        ReportSource(Path folder) {
            this.folder = folder;
        }

        /** A source that already holds its report (tests, runs just written). */
        public static ReportSource of(Path folder, RunReport report) {
            ReportSource source = new ReportSource(folder);
            source.report = report;
            return source;
        }

        /** The report, or null when report.json has since become unreadable or gone. */
        public RunReport get() {
            RunReport read = report;
            if (read == null) {
                synchronized (this) {
                    read = report;
                    if (read == null) {
                        try {
                            read = RunReport.read(folder);
                        } catch (java.io.IOException | RuntimeException e) {
                            return null;
                        }
                        report = read;
                    }
                }
            }
            return read;
        }
    }
}
