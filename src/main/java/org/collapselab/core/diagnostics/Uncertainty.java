package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.MetricIntervals;

/**
 * When a finding's evidence is too uncertain to decide: its validation metric's 95% interval ({@link MetricIntervals})
 * spans the threshold the check compared it with, or the validation split holds too few images per class to measure
 * anything ({@code validation-too-small}). Such a finding is kept, downgraded to info and marked inconclusive with
 * the reason, so nobody acts on a coin toss. Pure; any thread.
 */
public final class Uncertainty {
    /** The finding that says the validation split is too small to measure. */
    public static final String VALIDATION_TOO_SMALL = "validation-too-small";
    /**
     * Findings about training dynamics and after-training experiments, judged on validation metrics: with a
     * validation split too small to measure, they cannot be trusted.
     */
    public static final Set<String> DYNAMICS = Set.of("still-improving", "overfitting", "needs-more-data",
            "underfitting", "too-shallow", "too-deep", "no-class-signal", "learning-rate-too-low");
    /**
     * Verdicts read off the last epoch's validation predictions. Their own intervals cannot help on such a split: a
     * bootstrap within classes of one image each never moves, so one answer per class would stay a "certain" collapse.
     */
    public static final Set<String> VALIDATION_VERDICTS = Set.of("collapsed-predictions", "never-predicted-classes");

    private Uncertainty() {
    }

    /**
     * {@code finding} marked inconclusive when the 95% interval of {@code metric} (measured on {@code confusion})
     * spans {@code threshold}, else unchanged.
     *
     * @param metric "balanced accuracy" or "accuracy": which interval to use
     */
    public static Finding judge(Finding finding, String metric, ConfusionMatrix confusion, double threshold) {
        MetricIntervals intervals = MetricIntervals.of(confusion);
        if (finding == null || intervals == null) {
            return finding;
        }
        boolean balanced = metric.startsWith("balanced");
        MetricIntervals.Interval interval = balanced ? intervals.balancedAccuracy() : intervals.accuracy();
        double value = balanced ? confusion.balancedAccuracy() : confusion.accuracy();
        if (!interval.spans(threshold)) {
            return finding;
        }
        return finding.asInconclusive(String.format(Locale.ROOT, "%s %.2f has a 95%% interval of %s on %d validation "
                        + "images (%s), which spans the threshold %.2f: the data cannot tell on which side it lies",
                metric, value, interval.decimals(), confusion.total(), balanced
                        ? "bootstrap, " + intervals.resamples() + " resamples" : "Wilson", threshold));
    }

    /** {@link #judge} over a list (empty stays empty). */
    public static List<Finding> judge(List<Finding> findings, String metric, ConfusionMatrix confusion, double threshold) {
        List<Finding> judged = new ArrayList<>();
        for (Finding f : findings) {
            judged.add(judge(f, metric, confusion, threshold));
        }
        return judged;
    }

    /**
     * When {@code findings} hold {@code validation-too-small}, the dynamics findings ({@link #DYNAMICS}) and the
     * verdicts on the validation predictions ({@link #VALIDATION_VERDICTS}) marked inconclusive for that reason; else
     * {@code findings} unchanged.
     */
    public static List<Finding> whenValidationTooSmall(List<Finding> findings) {
        Finding tooSmall = findings.stream().filter(f -> VALIDATION_TOO_SMALL.equals(f.id())).findFirst().orElse(null);
        if (tooSmall == null) {
            return findings;
        }
        String reason = tooSmall.evidence() == null ? "judged on a validation split too small to measure"
                : String.format(Locale.ROOT, "judged on a validation split of %.1f images per class, fewer than the %.0f "
                + "it takes to measure anything (see %s)", tooSmall.evidence().measured(),
                tooSmall.evidence().threshold(), VALIDATION_TOO_SMALL);
        List<Finding> marked = new ArrayList<>();
        for (Finding f : findings) {
            boolean judgedOnValidation = DYNAMICS.contains(f.id()) || VALIDATION_VERDICTS.contains(f.id());
            marked.add(judgedOnValidation ? f.asInconclusive(reason) : f);
        }
        return marked;
    }
}
