package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.ClassBalance;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code class-imbalance}: largest/smallest class above 10, or normalised label entropy below 0.5,
 * critical when nothing balances the loss; a milder imbalance (above 3:1) is a warning.
 */
public final class ClassImbalanceCheck extends BaseCheck {

    public ClassImbalanceCheck() {
        super("class-imbalance", List.of("class-imbalance"), "Class balance",
                "Compares class sizes: a dominant class makes predicting it everywhere a cheap way to lower the loss.",
                Phase.DATA, false);
    }

    /** Images per class as bars, with the count every class would have if they were balanced. */
    public static ChartData histogram(List<String> classes, int[] counts) {
        return histogram(classes, counts, "images");
    }

    /** Samples per class as bars ({@code unit}: "images", or "rows" for a CSV file), with the balanced count. */
    public static ChartData histogram(List<String> classes, int[] counts, String unit) {
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            bars.add(ChartData.Point.bar(classes.get(c), counts[c]));
        }
        double even = (double) java.util.Arrays.stream(counts).sum() / Math.max(1, counts.length);
        String title = Character.toUpperCase(unit.charAt(0)) + unit.substring(1) + " per class";
        return ChartData.bar("class-histogram", title, "class", unit)
                .series(unit, bars)
                .marker(String.format(Locale.ROOT, "balanced: %.0f per class", even), ChartData.Axis.Y, even)
                .build();
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int[] counts = ctx.data().classCounts();
        ClassBalance balance = ClassBalance.of(counts);
        double ratio = balance.ratio();
        int largest = balance.largest();
        String unit = ctx.table() != null ? "rows" : "images";
        ctx.chart(id(), histogram(ctx.data().classes(), counts, unit));
        boolean strong = balance.verdict() == ClassBalance.Verdict.STRONG;
        if (balance.verdict() == ClassBalance.Verdict.BALANCED) {
            return List.of();
        }
        boolean balanced = ctx.config().data().balance() != Balance.NONE;
        Severity severity = balanced ? Severity.INFO : strong ? Severity.CRITICAL : Severity.WARNING;
        String big = ctx.data().classes().get(largest);
        int total = java.util.Arrays.stream(counts).sum();
        double share = (double) counts[largest] / Math.max(1, total);
        return List.of(finding(id(), severity, String.format(Locale.ROOT, "Classes are imbalanced %.0f:1", ratio),
                String.format(Locale.ROOT, "'%s' holds %.0f%% of the %s. Predicting '%s' for everything already scores %.0f%% "
                        + "accuracy, so an unweighted loss rewards the network for ignoring the rare classes — the "
                        + "classic road to a model that predicts one class.%s", big, 100 * share, unit, big, 100 * share,
                        balanced ? " The config already balances the classes (" + ctx.config().data().balance().json()
                                + ")." : ""),
                ratio, strong ? ClassBalance.STRONG_RATIO : ClassBalance.MILD_RATIO,
                String.format(Locale.ROOT, "imbalance ratio largest/smallest as in Buda et al. 2018 (class imbalance in CNNs); "
                        + "critical above 10 or at normalized label entropy < 0.5 (entropy %.2f), a warning above 3:1 "
                        + "(tuned on the bundled scenarios)", balance.entropy()),
                balanced ? null : fix("Weight the loss by inverse class frequency", Map.of(ConfigPaths.BALANCE, "class-weights"))));
    }
}
