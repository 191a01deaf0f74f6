package org.collapselab.core.experiment.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.MetricIntervals;

/**
 * What the Compare view and its exports show for 2 to 8 runs: the curves to overlay, the config diff, the
 * row-normalised confusion matrices, the final metrics with their difference to the first run, and the findings
 * each run has that the first has not (appeared) or lacks that the first has (disappeared). Immutable.
 */
public record RunComparison(List<String> runNames, List<Curves> curves, List<ConfigDiffRow> configDiff,
                            List<NormalisedConfusion> confusions, List<MetricRow> metrics,
                            List<FindingChange> findingChanges) {
    public static final int MIN_RUNS = 2;
    public static final int MAX_RUNS = 8;

    public RunComparison {
        runNames = List.copyOf(runNames);
        curves = List.copyOf(curves);
        configDiff = List.copyOf(configDiff);
        confusions = java.util.Collections.unmodifiableList(new ArrayList<>(confusions)); // may hold nulls
        metrics = List.copyOf(metrics);
        findingChanges = List.copyOf(findingChanges);
    }

    /** @throws IllegalArgumentException for fewer than 2 or more than 8 runs */
    public static RunComparison of(List<RunSummary> runs) {
        if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("compare takes " + MIN_RUNS + " to " + MAX_RUNS + " runs, not " + runs.size());
        }
        List<String> names = uniqueNames(runs);
        List<Curves> curves = new ArrayList<>();
        List<NormalisedConfusion> confusions = new ArrayList<>();
        for (RunSummary run : runs) {
            List<RunReport.EpochReport> epochs = run.report() == null ? List.of() : run.report().epochs();
            curves.add(new Curves(
                    epochs.stream().mapToInt(RunReport.EpochReport::epoch).toArray(),
                    column(epochs, RunReport.EpochReport::trainLoss),
                    column(epochs, RunReport.EpochReport::validationLoss),
                    column(epochs, RunReport.EpochReport::balancedAccuracy), run.balancedAccuracyInterval()));
            RunReport.FinalSection last = run.report() == null ? null : run.report().finalResult();
            confusions.add(last == null || last.confusion() == null ? null : NormalisedConfusion.of(last.confusion()));
        }
        List<ConfigDiffRow> diff = new ArrayList<>();
        for (String path : ConfigParameters.differing(runs.stream().map(RunSummary::parameters).toList())) {
            diff.add(new ConfigDiffRow(path, runs.stream().map(r -> r.parameter(path)).toList()));
        }
        List<MetricRow> metrics = List.of(
                MetricRow.of("validation accuracy", runs, RunSummary::validationAccuracy),
                MetricRow.of("balanced accuracy", runs, RunSummary::balancedAccuracy),
                MetricRow.of("macro-F1", runs, RunSummary::macroF1),
                MetricRow.of("final validation loss", runs, r -> lastOf(r, RunReport.EpochReport::validationLoss)),
                MetricRow.of("prediction share", runs, r -> r.report() == null || r.report().finalResult() == null
                        ? Double.NaN : r.report().finalResult().predictionShare()),
                MetricRow.of("epochs", runs, r -> r.report() == null ? Double.NaN : r.report().epochs().size()),
                MetricRow.of("duration (s)", runs, RunSummary::durationSeconds));
        return new RunComparison(names, curves, diff, confusions, metrics, findingChanges(runs, names));
    }

    /** Folder names, with a parent folder prefixed where two runs share a name (trial-001 of two sweeps). */
    private static List<String> uniqueNames(List<RunSummary> runs) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RunSummary run : runs) {
            String name = run.name();
            if (!seen.add(name) && run.folder().getParent() != null && run.folder().getParent().getFileName() != null) {
                name = run.folder().getParent().getFileName() + "/" + name;
            }
            String unique = name;
            for (int i = 2; names.contains(unique); i++) {
                unique = name + " (" + i + ")";
            }
            names.add(unique);
        }
        return names;
    }

    private static List<FindingChange> findingChanges(List<RunSummary> runs, List<String> names) {
        Map<String, String> firstFindings = findingTitles(runs.get(0));
        List<FindingChange> changes = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            Map<String, String> these = findingTitles(runs.get(i));
            for (Map.Entry<String, String> f : these.entrySet()) {
                if (!firstFindings.containsKey(f.getKey())) {
                    changes.add(new FindingChange(names.get(i), Change.APPEARED, f.getKey(), f.getValue()));
                }
            }
            for (Map.Entry<String, String> f : firstFindings.entrySet()) {
                if (!these.containsKey(f.getKey())) {
                    changes.add(new FindingChange(names.get(i), Change.DISAPPEARED, f.getKey(), f.getValue()));
                }
            }
        }
        return changes;
    }

    /** Finding id to title; the id is stable across runs, the title may carry run-specific numbers. */
    private static Map<String, String> findingTitles(RunSummary run) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (run.report() != null) {
            for (Finding f : run.report().findings()) {
                titles.putIfAbsent(f.id(), f.title());
            }
        }
        return titles;
    }

    private static double[] column(List<RunReport.EpochReport> epochs, ToDoubleFunction<RunReport.EpochReport> metric) {
        return epochs.stream().mapToDouble(metric).toArray();
    }

    private static double lastOf(RunSummary run, ToDoubleFunction<RunReport.EpochReport> metric) {
        if (run.report() == null || run.report().epochs().isEmpty()) {
            return Double.NaN;
        }
        return metric.applyAsDouble(run.report().epochs().get(run.report().epochs().size() - 1));
    }

    /**
     * One run's per-epoch curves; all arrays have one entry per epoch. {@code finalBalancedInterval} is the 95%
     * interval of the last epoch's balanced accuracy (drawn as an error bar), or null when the report has none.
     */
    public record Curves(int[] epochs, double[] trainLoss, double[] validationLoss, double[] balancedAccuracy,
                         MetricIntervals.Interval finalBalancedInterval) {
    }

    /** A config path and its value in each run (empty where a run does not set it). */
    public record ConfigDiffRow(String path, List<String> values) {
    }

    /** A final metric in each run and its difference to the first run (NaN where either is unknown). */
    public record MetricRow(String metric, double[] values, double[] deltas) {
        static MetricRow of(String metric, List<RunSummary> runs, ToDoubleFunction<RunSummary> value) {
            double[] values = runs.stream().mapToDouble(value).toArray();
            double[] deltas = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                deltas[i] = values[i] - values[0];
            }
            return new MetricRow(metric, values, deltas);
        }
    }

    public enum Change {
        APPEARED, DISAPPEARED;

        public String label() {
            return name().toLowerCase();
        }
    }

    /** A finding that run {@code run} has and the first run has not (appeared), or the reverse (disappeared). */
    public record FindingChange(String run, Change change, String findingId, String title) {
    }

    /** A confusion matrix with each row divided by its class's count: the share of that class predicted as each class. */
    public record NormalisedConfusion(List<String> labels, double[][] shares, int[] rowCounts) {
        static NormalisedConfusion of(RunReport.ConfusionSection confusion) {
            int n = confusion.counts().length;
            double[][] shares = new double[n][];
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                int[] row = confusion.counts()[i];
                int total = 0;
                for (int v : row) {
                    total += v;
                }
                rows[i] = total;
                shares[i] = new double[row.length];
                for (int j = 0; j < row.length; j++) {
                    shares[i][j] = total == 0 ? Double.NaN : (double) row[j] / total;
                }
            }
            return new NormalisedConfusion(confusion.labels(), shares, rows);
        }
    }
}
