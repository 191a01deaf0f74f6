package org.collapselab.core.diagnostics.checks;

import java.util.Locale;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.explain.ShortcutCounterfactuals;

/**
 * The verdict of {@code spurious-feature} when a trained model is at hand: how much of its skill above chance the
 * model loses when the shortcut is taken out of the validation images. Reliance, not availability, decides the
 * severity: a model that keeps its accuracy without the statistic only had the shortcut available.
 */
final class ShortcutReliance {
    /**
     * Critical at this share of the skill above chance lost on a counterfactual. Our measurements (decision record
     * "shortcut reliance"): models trained on the brightness-shortcut scenario lose 0.40–0.46 (three data seeds);
     * models trained on shapes without a brightness difference lose nothing to the same equalization (two seeds:
     * 83% → 83%, 75% → 76%).
     */
    static final double RELIED_ON = 1.0 / 3;
    /** Warning from this share lost: partial reliance, above what equalizing does to a model without the shortcut. */
    static final double PARTLY = 0.15;
    /** A counterfactual that sends this share of all answers to one class collapses the model. */
    static final double COLLAPSE_SHARE = 0.8;
    /** Below this skill above chance the model has learned too little to say what it relies on. */
    static final double MIN_SKILL = 0.1;

    private ShortcutReliance() {
    }

    /** The share of the model's balanced accuracy above chance lost on {@code counterfactual}; 0 when it gains. */
    static double lost(double original, double counterfactual, double chance) {
        double skill = original - chance;
        return skill <= 0 ? 0 : Math.max(0, (original - counterfactual) / skill);
    }

    static Finding judge(String id, ShortcutProbeCheck.Probe probe, ShortcutCounterfactuals.Result test, double chance) {
        double original = test.original().balancedAccuracy();
        ShortcutCounterfactuals.Measurement worst = test.worst();
        double lost = lost(original, worst.balancedAccuracy(), chance);
        boolean collapsed = worst.largestPredictedShare() >= COLLAPSE_SHARE
                && test.original().largestPredictedShare() < COLLAPSE_SHARE;
        String figures = String.format(Locale.ROOT, "%.0f%% → %.0f%%", 100 * original, 100 * worst.balancedAccuracy());
        String measured = String.format(Locale.ROOT, "The model's balanced accuracy on the %d validation images is "
                        + "%.0f%%; %s. The shortcut alone ('%s') gives %.0f%% accuracy, chance is %.0f%%. ", test.images(),
                100 * original, counterfactualText(test), probe.feature(), 100 * probe.accuracy(), 100 * chance);
        String source = String.format(Locale.ROOT, "counterfactual test of shortcut reliance (Geirhos et al. 2020, "
                + "'Shortcut learning in deep neural networks'): each validation image's brightness and contrast "
                + "equalized to the training images' typical mean and spread (on colour images also its colour cast "
                + "removed; for a size or format shortcut every file re-encoded as PNG at the most common training "
                + "size); critical when the model loses ≥ %.0f%% of its balanced accuracy above chance or answers "
                + "one class for ≥ %.0f%% of the images, warning from %.0f%%. Our measurements: models trained on the "
                + "brightness-shortcut scenario lose 40–46%% (three data seeds), shapes models without a brightness "
                + "difference nothing (two seeds). %s", 100 * RELIED_ON, 100 * COLLAPSE_SHARE, 100 * PARTLY,
                ShortcutProbeCheck.probeSource(probe));
        if (original - chance < MIN_SKILL) {
            return new Finding(id, Severity.INFO, 0, String.format(Locale.ROOT, "'%s' alone predicts the class "
                            + "with %.0f%% accuracy; the model is too close to chance to test whether it relies on it",
                    probe.feature(), 100 * probe.accuracy()),
                    measured + "A model that has learned almost nothing relies on nothing; see the other steps for "
                            + "why it does not learn. All probes: " + probe.allText(),
                    new Evidence(lost, RELIED_ON, source), ShortcutProbeCheck.shortcutFix(probe.feature()));
        }
        if (lost >= RELIED_ON || collapsed) {
            return new Finding(id, Severity.CRITICAL, 0, String.format(Locale.ROOT, "The model relies on the "
                            + "'%s' shortcut: %s when it is taken away (%s)", probe.feature(), figures,
                    collapsed ? String.format(Locale.ROOT, "%s; %.0f%% of the answers go to one class",
                            worst.name(), 100 * worst.largestPredictedShare()) : worst.name()),
                    measured + "The network learned the shortcut instead of the object: on new images where the "
                            + probe.feature() + " differs, it gives the same answer to everything, or the wrong one. "
                            + "All probes: " + probe.allText(),
                    new Evidence(lost, RELIED_ON, source), ShortcutProbeCheck.shortcutFix(probe.feature()));
        }
        if (lost >= PARTLY) {
            return new Finding(id, Severity.WARNING, 0, String.format(Locale.ROOT, "The model partly relies on "
                            + "the '%s' shortcut: %s when it is taken away", probe.feature(), figures),
                    measured + "It keeps most of its accuracy, so it learned the object too, but part of its answers "
                            + "rest on the " + probe.feature() + ". All probes: " + probe.allText(),
                    new Evidence(lost, RELIED_ON, source), ShortcutProbeCheck.shortcutFix(probe.feature()));
        }
        return new Finding(id, Severity.INFO, 0, String.format(Locale.ROOT, "Shortcut '%s' available, not relied "
                        + "on: %s", probe.feature(), figures),
                measured + "The model keeps its accuracy without the " + probe.feature() + ", so it reads the content; "
                        + "brightness and colour can be legitimate features. All probes: " + probe.allText(),
                new Evidence(lost, RELIED_ON, source), null);
    }

    private static String counterfactualText(ShortcutCounterfactuals.Result test) {
        StringBuilder s = new StringBuilder();
        for (ShortcutCounterfactuals.Measurement m : test.counterfactuals()) {
            s.append(s.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "with %s %.0f%% (%.0f%% of the "
                    + "answers to the most chosen class)", m.name(), 100 * m.balancedAccuracy(),
                    100 * m.largestPredictedShare()));
        }
        return s.toString();
    }
}
