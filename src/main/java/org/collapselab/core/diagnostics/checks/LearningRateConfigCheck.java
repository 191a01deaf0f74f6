package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.Optimizer;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code learning-rate-out-of-range}: the configured learning rate lies outside the range that
 * usually works for its optimizer (Adam/RMSProp 1e-5–1e-2, SGD/Nesterov 1e-4–0.5).
 */
public final class LearningRateConfigCheck extends BaseCheck {
    public LearningRateConfigCheck() {
        super("learning-rate-out-of-range", List.of("learning-rate-out-of-range"), "Learning rate setting",
                "Compares the learning rate with the range that usually works for the chosen optimizer.", Phase.CONFIG, false);
    }

    public static double[] range(Optimizer optimizer) {
        return switch (optimizer) {
            case ADAM, RMSPROP -> new double[]{1e-5, 1e-2};
            case SGD, NESTEROVS -> new double[]{1e-4, 0.5};
        };
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        Optimizer optimizer = ctx.config().training().optimizer();
        double lr = ctx.config().training().learningRate();
        double[] range = range(optimizer);
        boolean high = lr > range[1];
        if (!high && lr >= range[0]) {
            return List.of();
        }
        double good = Fixes.goodLearningRate(ctx);
        return List.of(finding(id(), Severity.WARNING,
                String.format(Locale.ROOT, "Learning rate %s is %s the usual range for %s", lr, high ? "above" : "below", optimizer.json()),
                high ? "Steps this large overshoot: the loss jumps around or explodes, ReLU units die, and the network "
                        + "falls back to the one answer that is right most often."
                        : "Steps this small barely move the weights: after a whole run the network is still close to its "
                        + "random start and its outputs hardly depend on the input.",
                lr, high ? range[1] : range[0], "usual range for " + optimizer.json()
                        + " (DL4J tuning guide; Karpathy's recipe: Adam 3e-4–1e-3); a warning only — the LR range test "
                        + "and training monitoring measure it",
                fix("Set the learning rate to " + good, Map.of(ConfigPaths.LEARNING_RATE, good))));
    }
}
