package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.collapselab.core.experiment.runs.ComparisonCsvWriter;
import org.collapselab.core.experiment.runs.ComparisonHtmlWriter;
import org.collapselab.core.experiment.runs.RunComparison;
import org.collapselab.core.experiment.runs.RunIndex;
import org.collapselab.core.experiment.runs.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: 2 to 8 run folders side by side, printed, and optionally exported as HTML and CSV. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare 2 to 8 run folders: the settings that differ, final metrics with the difference to "
                + "the first run, and the findings that appeared or disappeared. Optionally export HTML and CSV.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders written by train, diagnose or the app.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Write the comparison as a self-contained HTML page.")
    Path html;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the comparison as a CSV table (one value per row).")
    Path csv;

    @Override
    public Integer call() throws IOException {
        if (runs.size() < RunComparison.MIN_RUNS || runs.size() > RunComparison.MAX_RUNS) {
            throw new InvalidInputException("compare takes " + RunComparison.MIN_RUNS + " to " + RunComparison.MAX_RUNS
                    + " run folders, got " + runs.size());
        }
        List<RunSummary> summaries = new ArrayList<>();
        for (Path run : runs) {
            if (!Files.isDirectory(run)) {
                throw new InvalidInputException("no such run folder: " + run);
            }
            if (!RunIndex.isRunFolder(run)) {
                throw new InvalidInputException(run + " is not a run folder (it has neither config.json nor report.json)");
            }
            RunSummary summary = RunIndex.read(run);
            if (summary.problem() != null) {
                System.err.println("warning: " + run + ": " + summary.problem());
            }
            summaries.add(summary);
        }
        RunComparison comparison = RunComparison.of(summaries);
        print(comparison);
        List<Path> folders = summaries.stream().map(RunSummary::folder).toList();
        if (html != null) {
            ComparisonHtmlWriter.write(comparison, html);
            System.out.println("Wrote " + html.toAbsolutePath());
        }
        if (csv != null) {
            ComparisonCsvWriter.write(comparison, folders, csv);
            System.out.println("Wrote " + csv.toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    private static void print(RunComparison c) {
        for (int i = 0; i < c.runNames().size(); i++) {
            System.out.printf("run %d: %s%n", i + 1, c.runNames().get(i));
        }
        System.out.println(c.configDiff().isEmpty() ? "Config: the same in every run" : "Config diff:");
        for (RunComparison.ConfigDiffRow row : c.configDiff()) {
            System.out.printf("  %-32s %s%n", row.path(), String.join(" | ", row.values().stream()
                    .map(v -> v.isEmpty() ? "–" : v).toList()));
        }
        System.out.println("Final metrics (difference to run 1):");
        for (RunComparison.MetricRow row : c.metrics()) {
            StringBuilder line = new StringBuilder(String.format("  %-22s", row.metric()));
            for (int i = 0; i < row.values().length; i++) {
                line.append(' ').append(Printing.number(row.values()[i]));
                if (i > 0 && Double.isFinite(row.deltas()[i])) {
                    line.append(row.deltas()[i] == 0 ? " (same)" : String.format(Locale.ROOT, " (%+.3g)", row.deltas()[i]));
                }
                line.append(i < row.values().length - 1 ? " |" : "");
            }
            System.out.println(line);
        }
        System.out.println(c.findingChanges().isEmpty() ? "Findings: the same in every run"
                : "Findings that appeared or disappeared (against run 1):");
        for (RunComparison.FindingChange f : c.findingChanges()) {
            System.out.printf("  %s: %s %s — %s%n", f.run(), f.change().label(), f.findingId(), f.title());
        }
    }
}
