package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code initial-loss-off}: before any training, a softmax classifier with cross-entropy should
 * score about ln C (uniform guesses). Far off means the output layer, the loss or the initial scale is wrong.
 */
public final class InitialLossCheck extends BaseCheck {
    /** |L0 − ln C| above this share of ln C is off (Karpathy's "verify loss @ init"; tuned on the bundled scenarios). */
    public static final double RELATIVE_TOLERANCE = 1.5;
    static final int PROBE_IMAGES = 128;

    public InitialLossCheck() {
        super("initial-loss", List.of("initial-loss-off"), "Loss at initialisation",
                "Compares the untrained network's loss with ln C, the loss of uniform guessing.", Phase.PREFLIGHT, true);
    }

    @Override
    public boolean reportsSymptoms() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        LossFunction loss = ctx.config().model().loss();
        if (loss != LossFunction.MCXENT && loss != LossFunction.NLL) {
            return "the expected initial loss is defined here for multi-class cross-entropy only";
        }
        return needsTrials(ctx);
    }

    /** Whether {@code loss} is far from ln C. */
    public static boolean off(double loss, int classes) {
        double expected = Math.log(classes);
        return !Double.isFinite(loss) || Math.abs(loss - expected) > RELATIVE_TOLERANCE * expected;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        DataView probe = DiagnosticContext.cap(ctx.train(), PROBE_IMAGES, ctx.config().data().seed() + 7);
        double loss = ctx.trials().initialLoss(ctx.config(), ctx.train(), probe);
        int classes = ctx.classCount();
        ctx.chart(id(), ChartData.bar("initial-loss", "Loss before training vs uniform guessing", "", "loss")
                .series("loss", List.of(ChartData.Point.bar("untrained network", loss),
                        ChartData.Point.bar("ln C (uniform guess)", Math.log(classes))))
                .marker(String.format(Locale.ROOT, "flagged above %.2f", (1 + RELATIVE_TOLERANCE) * Math.log(classes)),
                        ChartData.Axis.Y, (1 + RELATIVE_TOLERANCE) * Math.log(classes))
                .build());
        if (!off(loss, classes)) {
            return List.of();
        }
        double expected = Math.log(classes);
        String mismatch = OutputActivationCheck.problem(ctx.config().model(), classes);
        Fix fix = mismatch != null
                ? fix("Use a softmax output with multi-class cross-entropy",
                Map.of(ConfigPaths.OUTPUT_ACTIVATION, "softmax", ConfigPaths.LOSS, "mcxent"))
                : null;
        return List.of(finding("initial-loss-off", Double.isFinite(loss) ? Severity.WARNING : Severity.CRITICAL,
                String.format(Locale.ROOT, "Loss before training is %s, expected about ln %d = %.2f", Double.isFinite(loss)
                        ? String.format(Locale.ROOT, "%.2f", loss) : "not a number", classes, expected),
                "An untrained classifier should be unsure, giving every class about the same probability, which costs "
                        + "ln C. A very different starting loss means the outputs are not probabilities, or start out "
                        + "confidently wrong, and training begins by fighting that instead of learning the classes."
                        + (mismatch != null ? " Here: " + mismatch + "." : ""),
                loss, expected, "Karpathy's recipe 'verify loss @ init'; |L0 − ln C| > 1.5·ln C; 0.5·ln C and then ln C flagged healthy standardized inputs (2.28 for 3 classes on the SameDiff engine), so relaxed after tuning on the bundled scenarios",
                fix));
    }
}
