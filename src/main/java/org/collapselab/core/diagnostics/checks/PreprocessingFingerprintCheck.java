package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
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
        if (ctx.table() != null) {
            return runOnTable(ctx);
        }
        InputFingerprint train = InputFingerprint.of(ctx.train());
        List<Finding> findings = new ArrayList<>();
        if (ctx.predictSet() instanceof org.collapselab.core.data.ImageDataset images && images.count() > 0) {
            InputFingerprint predict = InputFingerprint.of(new DataView(images,
                    Split.all(images.count()).train()));
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

    /** CSV rows: the feature fingerprints (per feature, or per channel of a series) in place of the pixel ones. */
    private List<Finding> runOnTable(DiagnosticContext ctx) {
        TableFingerprint train = TableFingerprint.of(ctx.table(), ctx.train().indices());
        List<Finding> findings = new ArrayList<>();
        if (ctx.predictSet() instanceof TableDataset predict && predict.count() > 0) {
            TableFingerprint other = TableFingerprint.of(predict, Split.all(predict.count()).train());
            findings.add(tableMismatch("prediction", Severity.CRITICAL, train, other));
        }
        if (ctx.validation().count() > 0) {
            findings.add(tableMismatch("validation", Severity.WARNING, train,
                    TableFingerprint.of(ctx.table(), ctx.validation().indices())));
        }
        findings.removeIf(java.util.Objects::isNull);
        return findings;
    }

    /** A finding naming the input that moved most, or null when none moved more than {@link #SHIFT}. */
    private Finding tableMismatch(String which, Severity severity, TableFingerprint train, TableFingerprint other) {
        double shift = other.shiftFrom(train);
        if (shift <= SHIFT) {
            return null;
        }
        int worst = other.worstInput(train);
        String input = train.inputs().get(worst);
        return finding("preprocessing-mismatch", severity,
                String.format(Locale.ROOT, "The %s rows are prepared differently ('%s' shifted by %.2f)", which, input,
                        shift),
                String.format(Locale.ROOT, "In the training rows '%s' has mean %.3g and spread %.3g; in the %s rows mean "
                        + "%.3g and spread %.3g. The saved standardizer maps values to the training scale, so inputs "
                        + "measured in other units or shifted land where the network never saw data, and it tends to "
                        + "give one answer for all of them.", input, train.mean()[worst], train.std()[worst], which,
                        other.mean()[worst], other.std()[worst]),
                shift, SHIFT, "largest per-feature mean shift in training standard deviations (or log spread ratio); "
                        + "0.5 as for images",
                new Fix("Prepare the " + which + " rows like the training rows (same units, scaling and source for '"
                        + input + "')", java.util.Map.of(), null));
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
