package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.WeightInit;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code symmetric-init}: zero or constant weight initialisation. */
public final class SymmetricInitCheck extends BaseCheck {
    public SymmetricInitCheck() {
        super("symmetric-init", List.of("symmetric-init"), "Weight initialisation",
                "Checks that weights start random, so units can learn different things.", Phase.CONFIG, false);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        WeightInit init = ctx.config().model().weightInit();
        if (init != WeightInit.ZERO && init != WeightInit.CONSTANT) {
            return List.of();
        }
        String better = Fixes.hasActivation(ctx.config(), Activation.RELU)
                || Fixes.hasActivation(ctx.config(), Activation.LEAKYRELU) ? "relu" : "xavier";
        return List.of(finding(id(), Severity.CRITICAL, "Weights start " + (init == WeightInit.ZERO ? "at zero" : "all equal"),
                "When every weight starts equal, every unit in a layer computes the same thing and receives the same "
                        + "gradient, so they stay identical forever; with zeros the hidden layers output nothing that "
                        + "depends on the image, and the output settles on the same class for every input.",
                0, 0, "symmetry breaking (Glorot & Bengio 2010; AUTOTRAINER ICSE'21 and DeepDiagnosis ICSE'22 'bad "
                        + "initialisation')",
                fix("Initialise weights randomly (" + better + ")", Map.of(ConfigPaths.WEIGHT_INIT, better))));
    }
}
