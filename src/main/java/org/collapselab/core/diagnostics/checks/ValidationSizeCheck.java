package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code validation-too-small}: the validation split holds fewer than {@link #MIN_PER_CLASS} images (or rows) per
 * class on average, so every validation metric moves in steps too coarse to judge training by. (One rare class in an
 * otherwise large split is {@code tiny-class}'s finding.) It is ranked first, and the
 * dynamics findings become inconclusive ({@link Uncertainty#whenValidationTooSmall}).
 */
public final class ValidationSizeCheck extends BaseCheck {
    /**
     * Below this many validation images of a class, one image moves the class's recall by 1/n ≥ 0.2, and even n of n
     * correct has a 95% Wilson interval reaching down to 0.51 (n = 4).
     */
    public static final int MIN_PER_CLASS = 5;
    /** The folds the fix proposes, fewer when the smallest class has fewer images. */
    public static final int SUGGESTED_FOLDS = 5;

    public ValidationSizeCheck() {
        super(Uncertainty.VALIDATION_TOO_SMALL, List.of(Uncertainty.VALIDATION_TOO_SMALL), "Validation split size",
                "Checks that the validation split holds enough images of every class to measure the network.",
                Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.validation() == null ? "no validation split here" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        return findings(ctx.config(), ctx.validation(), ctx.data() == null ? null : ctx.data().classCounts());
    }

    /**
     * The finding for a run validated on {@code validation}, or none when every class has enough images there.
     *
     * @param allCounts images per class in the whole data set (for the number of folds to suggest), or null
     */
    public static List<Finding> findings(ExperimentConfig config, DataView validation, int[] allCounts) {
        if (validation == null || validation.count() == 0) {
            return List.of();
        }
        int[] counts = validation.classCounts();
        List<String> classes = validation.data().classes();
        double perClass = (double) validation.count() / counts.length;
        // A single rare class is tiny-class's finding; this one is about a split too small for any class.
        if (perClass >= MIN_PER_CLASS) {
            return List.of();
        }
        int smallest = java.util.Arrays.stream(counts).min().orElse(0);
        List<String> few = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            few.add(classes.get(c) + " " + counts[c]);
        }
        int smallestClass = allCounts == null ? SUGGESTED_FOLDS
                : java.util.Arrays.stream(allCounts).filter(n -> n > 0).min().orElse(SUGGESTED_FOLDS);
        int folds = Math.max(2, Math.min(SUGGESTED_FOLDS, smallestClass));
        String unit = validation.isImages() ? "images" : "rows";
        boolean crossValidated = config.data().folds() >= 2;
        Fix fix = crossValidated
                ? new Fix("Collect more " + unit + " per class", Map.of(), null)
                : new Fix("Collect more " + unit + " per class, or use " + folds + "-fold cross-validation, which "
                + "validates on every " + (validation.isImages() ? "image" : "row") + " once",
                Map.of(ConfigPaths.FOLDS, folds), null);
        return List.of(finding(Uncertainty.VALIDATION_TOO_SMALL, Severity.WARNING,
                String.format(Locale.ROOT, "The validation split is too small to measure: %d %s, %.1f per class (%s)",
                        validation.count(), unit, perClass, String.join(", ", few)),
                String.format(Locale.ROOT, "With so few %s per class, one %s moves that class's recall by %.2f and "
                                + "balanced accuracy by %.2f, so no validation metric can tell a real change from chance, "
                                + "and findings about training dynamics (still improving, overfitting, the learning "
                                + "curve) cannot be trusted%s.", unit, unit.substring(0, unit.length() - 1),
                        1.0 / Math.max(1, smallest), 1.0 / (counts.length * Math.max(1, smallest)),
                        crossValidated ? "; cross-validation is on, so read the mean and spread across the folds"
                                : ""),
                perClass, MIN_PER_CLASS, "at least 5 validation images per class on average: below that one image moves a class's "
                        + "recall by ≥ 0.2, and even 4 of 4 correct has a 95% Wilson interval of 0.51–1.00 "
                        + "(Wilson 1927)",
                fix));
    }
}
