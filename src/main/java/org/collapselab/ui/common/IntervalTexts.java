package org.collapselab.ui.common;

import java.util.Locale;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.MetricIntervals;

/** Metrics with their 95% intervals and k-fold spreads, as the screens write them: "90.8% (86–94%)". */
public final class IntervalTexts {
    private IntervalTexts() {
    }

    /** "90.8% (86–94%)", or the plain percentage when there is no interval. */
    public static String percent(double value, MetricIntervals.Interval interval) {
        return interval == null ? Formats.percent(value) : Formats.percent(value) + " (" + interval.percent() + ")";
    }

    /** "3-fold: balanced 88.0% ± 3.1 (84–92%)" */
    public static String folds(CrossValidation cv) {
        return String.format(Locale.ROOT, "%d-fold cross-validation: balanced %s, accuracy %s", cv.folds(),
                cv.balancedAccuracy().percent(), cv.validationAccuracy().percent());
    }

    /** The tooltip that says what the brackets mean. */
    public static final String EXPLAINED = "In brackets: the 95% interval, how far the figure could move with other "
            + "validation images of the same kind (Wilson interval for accuracy; a bootstrap of 1,000 resamples of the "
            + "validation images for balanced accuracy and macro-F1). Few validation images give wide intervals.";
}
