package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Activation;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code linear-hidden-activation}: hidden conv/dense layers with an identity activation. */
public final class LinearHiddenActivationCheck extends BaseCheck {
    public LinearHiddenActivationCheck() {
        super("linear-hidden-activation", List.of("linear-hidden-activation"), "Hidden activations",
                "Checks that hidden layers are non-linear; stacked linear layers are one linear layer.", Phase.CONFIG, false);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        Map<String, Object> set = Fixes.activations(ctx.config(), List.of(Activation.IDENTITY), Activation.RELU);
        if (set.isEmpty()) {
            return List.of();
        }
        return List.of(finding(id(), Severity.WARNING, set.size() + " hidden layers are linear",
                "A layer with an identity activation adds no expressive power: linear layers in a row collapse into one "
                        + "linear map, so the network can only draw straight boundaries in pixel space. On images that "
                        + "is rarely enough, and the cheapest fit is often the majority class.",
                set.size(), 0, "any identity hidden activation (UMLAUT CHI'21)",
                fix("Use ReLU in the hidden layers", set)));
    }
}
