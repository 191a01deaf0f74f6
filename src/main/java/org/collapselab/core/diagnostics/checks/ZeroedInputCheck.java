package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.LabelledData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code ignores-input}: the user's config trained on all-zero images (the input-independent baseline)
 * should do clearly worse than on the real images. If it does as well, the network is not using its input.
 */
public final class ZeroedInputCheck extends BaseCheck {
    /** The real inputs' final training loss must be at least this share below the zeroed inputs'. */
    public static final double MARGIN = 0.10;

    public ZeroedInputCheck() {
        super("zeroed-input", List.of("ignores-input"), "Zeroed-input baseline",
                "Trains once on blank images and compares with the real ones: real inputs must do better.",
                Phase.PREFLIGHT, true);
    }

    static double finalTrainLoss(TrainingResult result) {
        return result.lastEpoch() == null ? Double.NaN : result.lastEpoch().trainLoss();
    }

    @Override
    public boolean reportsSymptoms() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTrials(ctx);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        progress.progress(0, 2, ctx.table() != null ? "training on the real rows" : "training on the real images");
        TrainingResult real = SharedExperiments.userBaseline(ctx, cancel);
        progress.progress(1, 2, ctx.table() != null ? "training on zeroed rows" : "training on zeroed images");
        DataView[] views = ctx.trialViews();
        LabelledData zero = ctx.data().zeroed();
        LabelledData zeroValidation = views[1].data() == ctx.data() ? zero : views[1].data().zeroed();
        TrainingResult blank = ctx.trials().train(ctx.trialConfig(ctx.config()), new DataView(zero, views[0].indices()),
                new DataView(zeroValidation, views[1].indices()), MonitoringOptions.OFF, cancel);
        double realLoss = finalTrainLoss(real);
        double blankLoss = finalTrainLoss(blank);
        // Compared on the training loss: in a short trial it separates "learns from pixels" from "learns only the
        // class frequencies" far more reliably than validation accuracy (tuned on the bundled scenarios).
        double lift = 1 - realLoss / blankLoss;
        if (!Double.isFinite(lift) || lift >= MARGIN) {
            return List.of();
        }
        return List.of(finding("ignores-input", Severity.WARNING,
                String.format(Locale.ROOT, "Real images train no better than blank ones (training loss %.3f vs %.3f)", realLoss,
                        blankLoss),
                "Trained on all-zero images, a network can only learn the class frequencies. Yours ends with the same "
                        + "loss on the real images, so nothing it learns depends on the pixels — either the network "
                        + "cannot pass information through (dead or saturated units, bad initialisation, a wrong learning "
                        + "rate), or the images carry no class signal.",
                lift, MARGIN, "Karpathy's recipe 'input-independent baseline'; the real images' final training loss must "
                        + "be at least 10% below the zeroed images' in a " + ctx.trials().budget().trialEpochs()
                        + "-epoch trial (tuned on the bundled scenarios)",
                null));
    }
}
