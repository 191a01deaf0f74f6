package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code inputs-not-normalized}: raw 0–255 pixels go into the network. */
public final class InputsNotNormalizedCheck extends BaseCheck {
    public InputsNotNormalizedCheck() {
        super("inputs-not-normalized", List.of("inputs-not-normalized"), "Input scale",
                "Checks that pixels are scaled to about 0–1 before they reach the network.", Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.table() != null ? "CSV data: the feature scales are checked by features-not-scaled" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        if (ctx.config().data().normalization() != Normalization.NONE) {
            return List.of();
        }
        return List.of(finding(id(), Severity.WARNING, "Pixels enter the network as raw 0–255 values",
                "Inputs hundreds of times larger than the weights expect make the first layer's outputs huge: ReLU units "
                        + "die or sigmoid units saturate after the first steps, and the network ends up giving one answer.",
                255, 1, "Karpathy's recipe / DL4J tuning guide: inputs of zero mean and unit scale",
                fix("Scale pixels to 0–1", Map.of(ConfigPaths.NORMALIZATION, "scale"))));
    }
}
