package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code preprocessing-mismatch}: per-channel pixel mean/std of the training inputs against those of
 * validation and of the images to predict. A shift above half a training standard deviation means the
 * inputs are not prepared the same way (inverted, rescaled, other lighting).
 */
public final class PreprocessingFingerprintCheck extends BaseCheck {
    /** The same threshold the predict command uses. */
    public static final double SHIFT = 0.5;

    public PreprocessingFingerprintCheck() {
        super("preprocessing-fingerprint", List.of("preprocessing-mismatch"), "Preprocessing fingerprint",
                "Compares the pixel statistics of training, validation and prediction inputs.", Phase.POST_TRAINING, false);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        InputFingerprint train = InputFingerprint.of(ctx.train());
        List<Finding> findings = new ArrayList<>();
        if (ctx.predictSet() != null && ctx.predictSet().count() > 0) {
            InputFingerprint predict = InputFingerprint.of(new DataView(ctx.predictSet(),
                    Split.all(ctx.predictSet().count()).train()));
            double shift = predict.shiftFrom(train);
            if (shift > SHIFT) {
                findings.add(mismatch("prediction", Severity.CRITICAL, shift, train, predict));
            }
        }
        if (ctx.validation().count() > 0) {
            InputFingerprint validation = InputFingerprint.of(ctx.validation());
            double shift = validation.shiftFrom(train);
            if (shift > SHIFT) {
                findings.add(mismatch("validation", Severity.WARNING, shift, train, validation));
            }
        }
        return findings;
    }

    private Finding mismatch(String which, Severity severity, double shift, InputFingerprint train, InputFingerprint other) {
        return finding(id().equals("preprocessing-fingerprint") ? "preprocessing-mismatch" : id(), severity,
                String.format(Locale.ROOT, "The %s images are prepared differently (shift %.2f)", which, shift),
                String.format(Locale.ROOT, "Training pixels have mean %s and spread %s; the %s images have mean %s and spread %s. A "
                        + "network only knows inputs like those it was trained on; shown inputs from elsewhere (inverted, "
                        + "rescaled, differently lit) its activations all land in one region and it gives one answer "
                        + "for every image.", round(train.mean()), round(train.std()), which, round(other.mean()),
                        round(other.std())),
                shift, SHIFT, "largest per-channel mean shift in training standard deviations (or log spread ratio); "
                        + "0.5 as in `predict` (tuned on the preprocessing-mismatch scenario)",
                new Fix("Prepare " + which + " images exactly like the training images (same source, resize and "
                        + "colour handling; the saved normaliser is applied automatically)", java.util.Map.of(), null));
    }

    private static String round(double[] values) {
        return Arrays.toString(Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray());
    }
}
