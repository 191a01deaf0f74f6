package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code features-not-scaled} (CSV data): {@code data.normalization} is none while the spreads of the features differ
 * by more than {@link #RATIO}× over the training rows. The large features then dominate the first layer's sums and
 * its gradients, so the small ones are ignored and training can stall on one answer. Pure; fast.
 */
public final class FeaturesNotScaledCheck extends BaseCheck {
    public static final double RATIO = 100;

    public FeaturesNotScaledCheck() {
        super("features-not-scaled", List.of("features-not-scaled"), "Feature scales",
                "Checks that CSV features of very different scales are standardized before they reach the network.",
                Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.table() == null ? "only for CSV data" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        if (ctx.config().data().normalization() != Normalization.NONE) {
            return List.of();
        }
        TableDataset data = ctx.table();
        TableFingerprint fingerprint = TableFingerprint.of(data, ctx.train().indices());
        double[] std = fingerprint.std();
        double[] mean = fingerprint.mean();
        int largest = -1;
        int smallest = -1;
        for (int j = 0; j < std.length; j++) {
            // Constant features have no scale (constant-feature reports them).
            if (std[j] <= 1e-9) {
                continue;
            }
            if (largest < 0 || scale(std, mean, j) > scale(std, mean, largest)) {
                largest = j;
            }
            if (smallest < 0 || scale(std, mean, j) < scale(std, mean, smallest)) {
                smallest = j;
            }
        }
        if (largest < 0) {
            return List.of();
        }
        double ratio = scale(std, mean, largest) / scale(std, mean, smallest);
        if (ratio <= RATIO) {
            return List.of();
        }
        String big = fingerprint.inputs().get(largest);
        String small = fingerprint.inputs().get(smallest);
        return List.of(finding(id(), Severity.WARNING,
                String.format(Locale.ROOT, "Feature scales differ %.0f× and normalization is none", ratio),
                String.format(Locale.ROOT, "'%s' varies on a scale of %.3g while '%s' varies on %.3g. Without "
                        + "standardization the large feature dominates the first layer's weighted sums and the "
                        + "gradients, the small ones are effectively ignored, and a large raw input can saturate or "
                        + "kill units so the network settles on one answer.", big, scale(std, mean, largest), small,
                        scale(std, mean, smallest)),
                ratio, RATIO, "LeCun et al. 1998, 'Efficient BackProp' §4.3: inputs of similar scale (zero mean, unit "
                        + "variance) train faster and more reliably; 100× as our flagging ratio",
                fix("Standardize the features (fitted on the training rows)",
                        Map.of(ConfigPaths.NORMALIZATION, Normalization.STANDARDIZE.json()))));
    }

    /** The scale of a feature: its standard deviation over the training rows. */
    private static double scale(double[] std, double[] mean, int j) {
        return std[j];
    }
}
