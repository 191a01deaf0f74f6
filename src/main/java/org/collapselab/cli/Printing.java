package org.collapselab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.FindingLink;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.experiment.RunOutcome;

/** Text output shared by the commands. */
final class Printing {
    private Printing() {
    }

    static void summary(PrintStream out, RunOutcome outcome) {
        summary(out, outcome, "images");
    }

    /** As above; {@code examples} names what a validation split holds ("images", or "rows" of a CSV file). */
    static void summary(PrintStream out, RunOutcome outcome, String examples) {
        var result = outcome.result();
        out.println();
        out.println("Status: " + result.status().json() + (result.message() == null ? "" : " — " + result.message()));
        EpochMetrics last = result.lastEpoch();
        if (last != null) {
            MetricIntervals ci = MetricIntervals.of(last.confusion());
            if (ci == null) {
                out.printf("Validation accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f, majority baseline %.3f%n",
                        last.validationAccuracy(), last.balancedAccuracy(), last.macroF1(), last.majorityBaseline());
            } else {
                out.printf("Validation accuracy %.3f (95%% interval %s), balanced accuracy %.3f (%s), macro-F1 %.3f (%s), "
                                + "majority baseline %.3f%n", last.validationAccuracy(), ci.accuracy().decimals(),
                        last.balancedAccuracy(), ci.balancedAccuracy().decimals(), last.macroF1(),
                        ci.macroF1().decimals(), last.majorityBaseline());
                out.printf("  (Wilson interval for accuracy; bootstrap of %d resamples of the %d validation %s for the "
                        + "others)%n", ci.resamples(), last.confusion().total(), examples);
            }
            out.printf("Collapsed: %s%s%n", result.collapse().collapsed() ? "YES" : "no",
                    result.collapse().collapsed() ? " — onto '" + result.collapse().dominantClass() + "' since epoch "
                            + result.collapse().sinceEpoch() : "");
        }
        if (outcome.crossValidation() != null) {
            CrossValidation cv = outcome.crossValidation();
            out.println(cv.summary());
            for (CrossValidation.Fold f : cv.results()) {
                out.printf(java.util.Locale.ROOT, "  fold %d: %d training, %d validation %s, %d epochs, %s — "
                                + "accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f%n", f.fold(), f.train(),
                        f.validation(), examples, f.epochs(), f.status(), f.validationAccuracy(), f.balancedAccuracy(), f.macroF1());
            }
        }
        findings(out, outcome.findings());
        if (outcome.runFolder() != null) {
            out.println("Run folder: " + outcome.runFolder().toAbsolutePath());
        }
    }

    static void findings(PrintStream out, List<Finding> findings) {
        findings(out, "Findings", findings);
    }

    /**
     * The findings under one heading, e.g. "Ranked causes"; "none" on the heading's line when empty. A ranked list
     * prints one entry per rank, with the reason for its place, and the findings listed under it (its symptoms, the
     * next links of its cause chain, and findings with the same fix) indented beneath it.
     */
    static void findings(PrintStream out, String heading, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println(heading + ": none");
            return;
        }
        out.println(heading + ":");
        Map<String, Integer> depth = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.under() != null) {
                int d = depth.getOrDefault(f.under().id(), 0) + 1;
                depth.put(f.id(), d);
                String indent = "      " + "  ".repeat(d - 1);
                out.printf("%s%s %s [%s] — %s (%s)%n", indent, f.under().relation() == FindingLink.Relation.SAME_FIX
                        ? "=" : "→", f.id(), f.severity().json().toUpperCase(), f.title(), f.under().because());
                continue;
            }
            depth.put(f.id(), 0);
            out.printf("  %s%s [%s%s] — %s%n", f.rank() > 0 ? "#" + f.rank() + " " : "", f.id(),
                    f.severity().json().toUpperCase(), f.inconclusive() ? ", INCONCLUSIVE" : "", f.title());
            if (f.inconclusive()) {
                out.printf("      inconclusive: %s%n", f.inconclusiveReason());
            }
            if (f.rankReason() != null) {
                out.printf("      why #%d: %s%n", f.rank(), f.rankReason());
            }
            if (f.evidence() != null) {
                out.printf("      measured %s, threshold %s (%s)%n", number(f.evidence().measured()),
                        number(f.evidence().threshold()), f.evidence().source());
            }
            if (f.fix() != null) {
                out.printf("      fix: %s%s%n", f.fix().description(), f.fix().set().isEmpty() ? ""
                        : " (" + CauseRanker.describe(f.fix().set()) + ")");
                if (f.fix().trial() != null) {
                    out.printf("      trial: balanced accuracy %s%n", CauseRanker.describe(f.fix().trial()));
                }
            }
            String below = countBelow(findings, i);
            if (!below.isEmpty()) {
                out.printf("      %s:%n", below);
            }
        }
    }

    /** "+3 symptoms, 1 with the same fix" for the findings listed under entry {@code at}, or "" when none. */
    private static String countBelow(List<Finding> findings, int at) {
        int symptoms = 0;
        int sameFix = 0;
        for (int i = at + 1; i < findings.size() && findings.get(i).under() != null; i++) {
            if (findings.get(i).under().relation() == FindingLink.Relation.SAME_FIX) {
                sameFix++;
            } else {
                symptoms++;
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        if (symptoms > 0) {
            parts.add(symptoms + (symptoms == 1 ? " symptom" : " symptoms"));
        }
        if (sameFix > 0) {
            parts.add(sameFix + " with the same fix");
        }
        return parts.isEmpty() ? "" : "+" + String.join(", ", parts);
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
