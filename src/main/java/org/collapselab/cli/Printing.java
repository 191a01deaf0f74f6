package org.collapselab.cli;

import java.io.PrintStream;
import java.util.List;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.experiment.RunOutcome;

/** Text output shared by the commands. */
final class Printing {
    private Printing() {
    }

    static void summary(PrintStream out, RunOutcome outcome) {
        var result = outcome.result();
        out.println();
        out.println("Status: " + result.status().json() + (result.message() == null ? "" : " — " + result.message()));
        EpochMetrics last = result.lastEpoch();
        if (last != null) {
            out.printf("Validation accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f, majority baseline %.3f%n",
                    last.validationAccuracy(), last.balancedAccuracy(), last.macroF1(), last.majorityBaseline());
            out.printf("Collapsed: %s%s%n", result.collapse().collapsed() ? "YES" : "no",
                    result.collapse().collapsed() ? " — onto '" + result.collapse().dominantClass() + "' since epoch "
                            + result.collapse().sinceEpoch() : "");
        }
        findings(out, outcome.findings());
        if (outcome.runFolder() != null) {
            out.println("Run folder: " + outcome.runFolder().toAbsolutePath());
        }
    }

    static void findings(PrintStream out, List<Finding> findings) {
        findings(out, "Findings", findings);
    }

    /** The findings under one heading, e.g. "Ranked causes (...)"; "none" on the heading's line when empty. */
    static void findings(PrintStream out, String heading, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println(heading + ": none");
            return;
        }
        out.println(heading + ":");
        for (Finding f : findings) {
            out.printf("  [%s] %s%s — %s%n", f.severity().json().toUpperCase(), f.rank() > 0 ? "#" + f.rank() + " " : "",
                    f.id(), f.title());
            if (f.evidence() != null) {
                out.printf("      measured %s, threshold %s (%s)%n", number(f.evidence().measured()),
                        number(f.evidence().threshold()), f.evidence().source());
            }
            if (f.fix() != null) {
                out.printf("      fix: %s %s%n", f.fix().description(), f.fix().set().isEmpty() ? ""
                        : "{" + f.fix().set().entrySet().stream()
                        .map(e -> org.collapselab.core.model.ConfigPaths.assignmentForUser(e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")) + "}");
                if (f.fix().trial() != null) {
                    out.printf("      trial: balanced accuracy %.3f → %.3f%n", f.fix().trial().balancedAccuracyBefore(),
                            f.fix().trial().balancedAccuracyAfter());
                }
            }
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String.format("%.4g", value) : String.format("%.3e", value);
    }
}
