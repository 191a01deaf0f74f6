package org.collapselab.ui.train;

import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.ui.common.Formats;

/**
 * The Train tab's before → after of "Retrain with fixes", and why plain accuracy may fall while the model
 * gets better: a collapsed run scores the majority baseline by answering the largest class every time.
 */
final class RetrainComparison {
    private RetrainComparison() {
    }

    /** The comparison text; {@code before} null when no diagnosed run had epochs. */
    static String describe(String beforeName, EpochMetrics before, CollapseVerdict beforeVerdict, EpochMetrics after,
                           CollapseVerdict afterVerdict) {
        if (after == null) {
            return "Retrained with the fixes: the run produced no epoch to compare.";
        }
        if (before == null) {
            return String.format("Retrained with the fixes: balanced accuracy %.2f, collapsed %s (the diagnosed run "
                    + "has no epoch to compare with).", after.balancedAccuracy(), yes(afterVerdict));
        }
        StringBuilder text = new StringBuilder(String.format(
                "Retrained with the fixes, compared with the diagnosed run (%s): balanced accuracy %.2f → %.2f · "
                        + "collapsed %s → %s · plain accuracy %s → %s",
                beforeName, before.balancedAccuracy(), after.balancedAccuracy(), yes(beforeVerdict), yes(afterVerdict),
                Formats.percent(before.validationAccuracy()), Formats.percent(after.validationAccuracy())));
        if (after.validationAccuracy() < before.validationAccuracy() - 0.005) {
            text.append(System.lineSeparator()).append(accuracyDrop(before, beforeVerdict));
        }
        return text.toString();
    }

    /** Why plain accuracy fell, and which number to watch instead. */
    static String accuracyDrop(EpochMetrics before, CollapseVerdict beforeVerdict) {
        String favoured = beforeVerdict != null && beforeVerdict.collapsed() && beforeVerdict.dominantClass() != null
                ? "answered '" + beforeVerdict.dominantClass() + "' for almost every image"
                : "favoured the largest class";
        return String.format("Why plain accuracy fell: the diagnosed run %s, and the largest class makes up %s of the "
                        + "validation images (the majority baseline), so it scored about %s while recognising little else. "
                        + "Balanced accuracy, the mean of the per-class recalls (Brodersen et al., ICPR 2010), weighs every "
                        + "class the same: it is the number to watch.", favoured,
                Formats.percent(before.majorityBaseline()), Formats.percent(before.validationAccuracy()));
    }

    private static String yes(CollapseVerdict verdict) {
        return verdict != null && verdict.collapsed() ? "yes" : "no";
    }
}
