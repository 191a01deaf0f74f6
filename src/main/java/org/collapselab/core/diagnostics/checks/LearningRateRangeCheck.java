package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.training.TrialRunner;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The learning-rate range test (Smith 2017, fast.ai's lr_find): the loss while the learning rate
 * rises exponentially from 1e-6 to 1 over a few hundred steps. The suggestion is a tenth of the rate
 * at the lowest smoothed loss. Reports {@code learning-rate-too-high}/{@code -too-low} when the
 * configured rate is far from it.
 */
public final class LearningRateRangeCheck extends BaseCheck {
    public static final double MIN_LR = 1e-6;
    public static final double MAX_LR = 1.0;
    /**
     * Kept at 150: 100 steps (fast.ai's lr_find default) were tried for speed, and the coarser rate steps moved the
     * suggestion so far that the imbalanced sample's learning rate 1e-3 was no longer flagged (measured 2026-12-03).
     */
    public static final int ITERATIONS = 150;
    /** Above this multiple of the suggestion the configured rate is too high. */
    public static final double HIGH_FACTOR = 10;
    /** Below the suggestion divided by this, it is too low. */
    public static final double LOW_FACTOR = 100;

    public LearningRateRangeCheck() {
        super("lr-range-test", List.of("learning-rate-too-high", "learning-rate-too-low"), "Learning-rate range test",
                "Measures the loss while the learning rate rises exponentially and suggests a learning rate.",
                Phase.PREFLIGHT, true);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTrials(ctx);
    }

    /** Bias-corrected exponential moving average (β = 0.9), as lr_find smooths its curve. */
    public static double[] smooth(double[] losses) {
        double[] out = new double[losses.length];
        double avg = 0;
        for (int i = 0; i < losses.length; i++) {
            avg = 0.9 * avg + 0.1 * losses[i];
            out[i] = avg / (1 - Math.pow(0.9, i + 1));
        }
        return out;
    }

    /** The suggested learning rate, or NaN when the loss never fell by 10% (no usable minimum). */
    public static double suggest(TrialRunner.RangeTest test) {
        double[] s = smooth(test.losses());
        if (s.length < 10) {
            return Double.NaN;
        }
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (Double.isFinite(s[i]) && s[i] < s[best]) {
                best = i;
            }
        }
        double start = s[Math.min(4, s.length - 1)];
        if (!(s[best] < 0.9 * start)) {
            return Double.NaN;
        }
        return test.learningRates()[best] / 10;
    }

    /** Loss (raw and smoothed) against the learning rate on a log axis, with the suggestion and the configured rate. */
    public static ChartData chart(TrialRunner.RangeTest test, double suggestion, double configured) {
        return ChartData.line("lr-range", "Learning-rate range test", "learning rate (log scale)", "minibatch loss")
                .logX()
                .series("loss", test.learningRates(), test.losses())
                .series("smoothed loss", test.learningRates(), smooth(test.losses()))
                .marker(String.format(Locale.ROOT, "suggested %.0e", suggestion), ChartData.Axis.X, suggestion)
                .marker("your rate " + configured, ChartData.Axis.X, configured)
                .build();
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrialRunner.RangeTest test = ctx.trials().learningRateRange(ctx.config(), ctx.train(), MIN_LR, MAX_LR,
                ITERATIONS, cancel);
        ctx.remember("lrRangeTest", test);
        double suggestion = suggest(test);
        ctx.chart(id(), chart(test, suggestion, ctx.config().training().learningRate()));
        if (Double.isNaN(suggestion)) {
            return List.of();
        }
        ctx.remember(DiagnosticContext.SUGGESTED_LEARNING_RATE, suggestion);
        double lr = ctx.config().training().learningRate();
        String source = String.format(Locale.ROOT, "LR range test (Smith 2017; fast.ai lr_find): suggestion %.1e = a tenth of the "
                + "rate at the lowest smoothed loss; flagged beyond ×%.0f above or ÷%.0f below (tuned on the bundled scenarios)",
                suggestion, HIGH_FACTOR, LOW_FACTOR);
        double good = Fixes.goodLearningRate(ctx);
        if (lr > HIGH_FACTOR * suggestion) {
            // The usual rate is the shared fix; a user already at or below it gets the measured suggestion instead.
            double lower = good < lr ? good : Fixes.round(suggestion);
            return List.of(finding("learning-rate-too-high", lr > 3 * HIGH_FACTOR * suggestion ? Severity.CRITICAL
                            : Severity.WARNING,
                    String.format(Locale.ROOT, "The loss blows up at learning rates above about %.0e; yours is %s", suggestion * 10, lr),
                    "In the range test the loss stopped falling and climbed well below your learning rate. Training at "
                            + "your rate takes steps that overshoot, so the network jumps between bad solutions and "
                            + "often settles on predicting one class.",
                    lr, HIGH_FACTOR * suggestion, source,
                    fix("Lower the learning rate to " + lower, Map.of(ConfigPaths.LEARNING_RATE, lower))));
        }
        if (lr < suggestion / LOW_FACTOR) {
            double higher = good > lr ? good : Fixes.round(suggestion);
            return List.of(finding("learning-rate-too-low", Severity.WARNING,
                    String.format(Locale.ROOT, "The loss falls fastest near %.0e; your learning rate %s is far below", suggestion, lr),
                    "At your learning rate the range test's loss had not started to move. Training will crawl: after the "
                            + "run the network is still near its random start, and its outputs barely depend on the image.",
                    lr, suggestion / LOW_FACTOR, source,
                    fix("Raise the learning rate to " + higher, Map.of(ConfigPaths.LEARNING_RATE, higher))));
        }
        return List.of();
    }
}
