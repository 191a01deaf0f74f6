package org.collapselab.core.diagnostics.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code output-activation-mismatch}: softmax without mcxent/nll, an identity output
 * with a cross-entropy, or sigmoid + mcxent for more than two classes.
 */
public final class OutputActivationCheck extends BaseCheck {
    public OutputActivationCheck() {
        super("output-activation-mismatch", List.of("output-activation-mismatch"), "Output activation and loss",
                "Checks that the output activation and the loss belong together for single-label classification.",
                Phase.CONFIG, false);
    }

    /** Why this pairing is wrong for {@code classes} classes, or null when it is sound. */
    public static String problem(ModelConfig model, int classes) {
        OutputActivation out = model.outputActivation();
        LossFunction loss = model.loss();
        boolean crossEntropy = loss == LossFunction.MCXENT || loss == LossFunction.NLL || loss == LossFunction.XENT;
        if (out == OutputActivation.IDENTITY && crossEntropy) {
            return "an identity output gives unbounded scores, not probabilities, so the cross-entropy's log is taken of "
                    + "negative or huge numbers: the loss is meaningless or NaN and gradients push every score the same way";
        }
        if (out == OutputActivation.SIGMOID && (loss == LossFunction.MCXENT || loss == LossFunction.NLL) && classes > 2) {
            return "sigmoid outputs are independent, so multi-class cross-entropy only ever pushes the true class's output "
                    + "up and never pushes the others down: every output drifts towards 1 and the argmax stops depending on "
                    + "the input";
        }
        if (out == OutputActivation.SOFTMAX && !(loss == LossFunction.MCXENT || loss == LossFunction.NLL)) {
            return "softmax is meant for multi-class cross-entropy; with " + loss.json()
                    + " the gradients are weak once one class is favoured, which easily locks in a single answer";
        }
        return null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        ModelConfig model = ctx.config().model();
        String problem = problem(model, ctx.classCount());
        if (problem == null) {
            return List.of();
        }
        boolean mild = model.outputActivation() == OutputActivation.SOFTMAX && model.loss() == LossFunction.MSE;
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(ConfigPaths.OUTPUT_ACTIVATION, "softmax");
        set.put(ConfigPaths.LOSS, "mcxent");
        return List.of(finding(id(), mild ? Severity.WARNING : Severity.CRITICAL,
                "Output " + model.outputActivation().json() + " with loss " + model.loss().json() + " for "
                        + ctx.classCount() + " classes",
                "This pairing does not train a single-label classifier: " + problem + ".",
                0, 0, "the usual output/loss pairings (softmax+mcxent/nll; sigmoid+xent only for 2 classes); "
                        + "UMLAUT CHI'21 and DeepDiagnosis ICSE'22 flag the same mismatches",
                fix("Use a softmax output with multi-class cross-entropy", set)));
    }
}
