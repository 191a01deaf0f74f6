package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Balance;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code class-imbalance}: largest/smallest class above 10, or normalised label entropy below 0.5
 * (design §7), critical when nothing balances the loss; a milder imbalance (above 3:1) is a warning.
 */
public final class ClassImbalanceCheck extends BaseCheck {
    public static final double CRITICAL_RATIO = 10;
    public static final double CRITICAL_ENTROPY = 0.5;
    public static final double WARNING_RATIO = 3;

    public ClassImbalanceCheck() {
        super("class-imbalance", List.of("class-imbalance"), "Class balance",
                "Compares class sizes: a dominant class makes predicting it everywhere a cheap way to lower the loss.",
                Phase.DATA, false);
    }

    /** Label entropy divided by ln(C): 1 for balanced classes, near 0 when one class dominates. */
    public static double normalizedEntropy(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total == 0 || counts.length < 2) {
            return 1;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(counts.length);
    }

    /** Images per class as bars, with the count every class would have if they were balanced. */
    public static ChartData histogram(List<String> classes, int[] counts) {
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            bars.add(ChartData.Point.bar(classes.get(c), counts[c]));
        }
        double even = (double) java.util.Arrays.stream(counts).sum() / Math.max(1, counts.length);
        return ChartData.bar("class-histogram", "Images per class", "class", "images")
                .series("images", bars)
                .marker(String.format("balanced: %.0f per class", even), ChartData.Axis.Y, even)
                .build();
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int[] counts = ctx.dataset().classCounts();
        int largest = 0;
        int smallest = 0;
        for (int c = 1; c < counts.length; c++) {
            largest = counts[c] > counts[largest] ? c : largest;
            smallest = counts[c] < counts[smallest] ? c : smallest;
        }
        double ratio = counts[smallest] == 0 ? Double.POSITIVE_INFINITY : (double) counts[largest] / counts[smallest];
        double entropy = normalizedEntropy(counts);
        ctx.chart(id(), histogram(ctx.dataset().classes(), counts));
        boolean strong = ratio > CRITICAL_RATIO || entropy < CRITICAL_ENTROPY;
        if (!strong && ratio <= WARNING_RATIO) {
            return List.of();
        }
        boolean balanced = ctx.config().data().balance() != Balance.NONE;
        Severity severity = balanced ? Severity.INFO : strong ? Severity.CRITICAL : Severity.WARNING;
        String big = ctx.dataset().classes().get(largest);
        int total = java.util.Arrays.stream(counts).sum();
        double share = (double) counts[largest] / Math.max(1, total);
        return List.of(finding(id(), severity, String.format("Classes are imbalanced %.0f:1", ratio),
                String.format("'%s' holds %.0f%% of the images. Predicting '%s' for everything already scores %.0f%% "
                        + "accuracy, so an unweighted loss rewards the network for ignoring the rare classes — the "
                        + "classic road to a model that predicts one class.%s", big, 100 * share, big, 100 * share,
                        balanced ? " The config already balances the classes (" + ctx.config().data().balance().json()
                                + ")." : ""),
                ratio, strong ? CRITICAL_RATIO : WARNING_RATIO,
                String.format("design §7: largest/smallest > 10 or normalized label entropy < 0.5 (entropy %.2f); "
                        + "3:1 warning tuned on the scenarios", entropy),
                balanced ? null : fix("Weight the loss by inverse class frequency", Map.of("data.balance", "class-weights"))));
    }
}
