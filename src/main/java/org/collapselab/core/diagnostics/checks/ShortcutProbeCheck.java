package org.collapselab.core.diagnostics.checks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageInfo;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.explain.ColumnPermutation;
import org.collapselab.core.explain.OcclusionMap;
import org.collapselab.core.explain.OcclusionSensitivity;
import org.collapselab.core.explain.ShortcutCounterfactuals;
import org.collapselab.core.training.TableModel;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code spurious-feature}, the shortcut test. On CSV rows it is a one-column probe that names a leaking column
 * ({@link #probeColumns}). On images it has two parts. The passive screen: one-feature classifiers on brightness,
 * channel means, image size and file format, fitted on the training split and scored on validation; a feature that
 * beats the majority baseline by 20 points is a shortcut the network could take instead of the object (numeric
 * features use a 10-bin quantile classifier, categorical ones a lookup). Availability is not reliance, so without a
 * trained model the step only screens and says it waits. With one, the active part: the counterfactual test
 * ({@link ShortcutCounterfactuals}) measures the model's balanced accuracy with the statistic taken out of the
 * validation images, and {@link ShortcutReliance} decides the severity from what it loses. It also draws where the
 * model looks in each class (occlusion maps).
 */
public final class ShortcutProbeCheck extends BaseCheck {
    public static final double LIFT = 0.20;
    static final int BINS = 10;
    /** Validation images per class whose occlusion maps are averaged (3 × 50 inferences per class). */
    static final int LOOK_IMAGES = 3;
    /** Largest side of a "where the model looks" panel. */
    static final int GRID_CELLS = 16;
    /** Bins of a numeric column in the CSV probe: fine enough to isolate a leaking id range of a 5% class. */
    static final int COLUMN_BINS = 40;
    /**
     * Critical when the model loses this share of its skill above chance with the column shuffled. Stricter than the
     * image counterfactual's 1/3: a leak carries the decision by itself, while a strong real column among correlated
     * ones carries part of it. Our measurements: the id-leak scenario's model loses all of it (100% → 50%); on real
     * data a breast-cancer model loses 0.36 with 'worst_concave_points' shuffled (100% → 82%, 5 malignant validation
     * rows), and a wine model nothing with its sorted sample id shuffled.
     */
    static final double LEAK_RELIED_ON = 2.0 / 3;
    /** A single column this good is label leakage rather than a useful feature. */
    public static final double LEAK_BALANCED_ACCURACY = 0.95;

    public ShortcutProbeCheck() {
        super("spurious-feature", List.of("spurious-feature"), "Shortcut probe",
                "Tries to predict the class from brightness, colour, size or format alone; if that works, the network "
                        + "can learn the shortcut instead of the object.", Phase.DATA, false);
    }

    /** Accuracy of each one-feature probe on validation, by feature name. */
    public static Map<String, Double> probe(DataView train, DataView validation) {
        Map<String, ToDoubleFunction<ImageInfo>> numeric = new LinkedHashMap<>();
        numeric.put("brightness", ImageInfo::brightness);
        numeric.put("red mean", i -> i.channelMeans()[0]);
        numeric.put("green mean", i -> i.channelMeans()[1]);
        numeric.put("blue mean", i -> i.channelMeans()[2]);
        Map<String, Function<ImageInfo, String>> categorical = new LinkedHashMap<>();
        categorical.put("image size", i -> i.width() + "×" + i.height());
        categorical.put("file format", i -> String.valueOf(i.format()));
        categorical.put("source channels", i -> String.valueOf(i.sourceChannels()));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        numeric.forEach((name, f) -> accuracy.put(name, binned(train, validation, f)));
        categorical.forEach((name, f) -> accuracy.put(name, lookup(train, validation, f)));
        return accuracy;
    }

    static double binned(DataView train, DataView validation, ToDoubleFunction<ImageInfo> feature) {
        int n = train.count();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = feature.applyAsDouble(train.dataset().info(train.indices()[i]));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            edges[b - 1] = sorted[Math.min(n - 1, b * n / BINS)];
        }
        int classes = train.dataset().classCount();
        int[][] votes = new int[BINS][classes];
        for (int i = 0; i < n; i++) {
            votes[bin(edges, values[i])][train.label(i)]++;
        }
        int fallback = argmax(train.classCounts());
        int correct = 0;
        for (int i = 0; i < validation.count(); i++) {
            int b = bin(edges, feature.applyAsDouble(validation.dataset().info(validation.indices()[i])));
            int predicted = Arrays.stream(votes[b]).sum() == 0 ? fallback : argmax(votes[b]);
            correct += predicted == validation.label(i) ? 1 : 0;
        }
        return validation.count() == 0 ? 0 : (double) correct / validation.count();
    }

    static double lookup(DataView train, DataView validation, Function<ImageInfo, String> feature) {
        int classes = train.dataset().classCount();
        Map<String, int[]> votes = new HashMap<>();
        for (int i = 0; i < train.count(); i++) {
            votes.computeIfAbsent(feature.apply(train.dataset().info(train.indices()[i])), k -> new int[classes])
                    [train.label(i)]++;
        }
        int fallback = argmax(train.classCounts());
        int correct = 0;
        for (int i = 0; i < validation.count(); i++) {
            int[] v = votes.get(feature.apply(validation.dataset().info(validation.indices()[i])));
            int predicted = v == null ? fallback : argmax(v);
            correct += predicted == validation.label(i) ? 1 : 0;
        }
        return validation.count() == 0 ? 0 : (double) correct / validation.count();
    }

    private static int bin(double[] edges, double value) {
        int b = 0;
        while (b < edges.length && value > edges[b]) {
            b++;
        }
        return b;
    }

    private static int argmax(int[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /**
     * CSV rows: balanced accuracy on the validation rows of a one-column classifier per source column, fitted on the
     * training rows (a numeric column by {@link #COLUMN_BINS} quantile bins, a one-hot column by its level). Each bin
     * votes for the class most over-represented in it relative to its training share, so a rare class can win a bin.
     */
    public static Map<String, Double> probeColumns(TableDataset data, int[] train, int[] validation) {
        Map<String, Double> result = new LinkedHashMap<>();
        int classes = data.classCount();
        int[] trainCounts = new int[classes];
        for (int row : train) {
            trainCounts[data.label(row)]++;
        }
        data.featuresByColumn().forEach((column, features) -> {
            ToDoubleFunction<Integer> value = features.size() == 1 ? row -> data.value(row, features.get(0))
                    : row -> levelOf(data, row, features);
            int bins = features.size() == 1 ? COLUMN_BINS : features.size() + 1;
            double[] edges = features.size() == 1 ? quantileEdges(data, train, value) : null;
            double[][] votes = new double[bins][classes];
            for (int row : train) {
                int b = edges == null ? (int) value.applyAsDouble(row) : bin(edges, value.applyAsDouble(row));
                votes[b][data.label(row)] += 1.0 / trainCounts[data.label(row)];
            }
            int fallback = argmax(trainCounts);
            int[] hits = new int[classes];
            int[] seen = new int[classes];
            for (int row : validation) {
                int b = edges == null ? (int) value.applyAsDouble(row) : bin(edges, value.applyAsDouble(row));
                int predicted = Arrays.stream(votes[b]).sum() == 0 ? fallback : argmax(votes[b]);
                seen[data.label(row)]++;
                hits[data.label(row)] += predicted == data.label(row) ? 1 : 0;
            }
            double recall = 0;
            int present = 0;
            for (int c = 0; c < classes; c++) {
                if (seen[c] > 0) {
                    recall += (double) hits[c] / seen[c];
                    present++;
                }
            }
            result.put(column, present == 0 ? 0 : recall / present);
        });
        return result;
    }

    /** The one-hot level a row has (its index among the column's features), or the number of levels for none. */
    private static double levelOf(TableDataset data, int row, List<Integer> features) {
        for (int i = 0; i < features.size(); i++) {
            if (data.value(row, features.get(i)) > 0.5f) {
                return i;
            }
        }
        return features.size();
    }

    private static double[] quantileEdges(TableDataset data, int[] train, ToDoubleFunction<Integer> value) {
        double[] sorted = Arrays.stream(train).mapToDouble(value::applyAsDouble).sorted().toArray();
        double[] edges = new double[COLUMN_BINS - 1];
        for (int b = 1; b < COLUMN_BINS; b++) {
            edges[b - 1] = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, b * sorted.length / COLUMN_BINS)];
        }
        return edges;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    private List<Finding> runOnTable(DiagnosticContext ctx, CancellationToken cancel) {
        TableDataset data = ctx.table();
        Map<String, Double> balanced = probeColumns(data, ctx.train().indices(), ctx.validation().indices());
        if (balanced.isEmpty()) {
            return List.of();
        }
        Map<String, Double> shown = new LinkedHashMap<>();
        balanced.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .forEach(e -> shown.put(e.getKey(), e.getValue()));
        ctx.chart(id(), ChartData.bar("column-probe", "One-column probes: validation balanced accuracy", "column",
                        "balanced accuracy")
                .series("probe balanced accuracy", shown.entrySet().stream()
                        .map(e -> ChartData.Point.bar(e.getKey(), e.getValue())).toList())
                .marker(String.format(Locale.ROOT, "chance %.2f", ctx.chance()), ChartData.Axis.Y, ctx.chance())
                .marker(String.format(Locale.ROOT, "leakage above %.2f", LEAK_BALANCED_ACCURACY), ChartData.Axis.Y,
                        LEAK_BALANCED_ACCURACY)
                .build());
        Map.Entry<String, Double> best = shown.entrySet().iterator().next();
        if (best.getValue() < LEAK_BALANCED_ACCURACY) {
            return List.of();
        }
        String column = best.getKey();
        TrainedModel model = ctx.trainingResult() == null ? null : ctx.trainingResult().model();
        if (!(model instanceof TableModel table) || !table.classes().equals(data.classes())
                || !table.featureColumns().contains(column)) {
            // Availability is not reliance: a strong real column predicts the label too. The trained model decides.
            ctx.waitForTrainingRun(id(), String.format(Locale.ROOT, "Column '%s' alone predicts the label (%.0f%% "
                    + "balanced accuracy); whether the model relies on it is tested on a trained model", column,
                    100 * best.getValue()));
            return List.of(leakFinding(Severity.WARNING, column, best.getValue(), shown, null, ctx.chance(), String.format(
                    Locale.ROOT, "Column '%s' alone predicts the label (%.0f%% balanced accuracy): possible label "
                            + "leakage (not yet tested on a trained model)", column, 100 * best.getValue()),
                    "Whether the network relies on it is measured once a model is trained (diagnose runs it): a "
                            + "column the model ignores is only a strong feature."));
        }
        // Every column above the line is tested; the one whose shuffle costs the model most is the verdict.
        ShortcutCounterfactuals.Result test = null;
        double probe = best.getValue();
        for (Map.Entry<String, Double> candidate : shown.entrySet()) {
            if (candidate.getValue() < LEAK_BALANCED_ACCURACY || !table.featureColumns().contains(candidate.getKey())) {
                continue;
            }
            ShortcutCounterfactuals.Result t = ColumnPermutation.test(model, data, ctx.validation().indices(),
                    candidate.getKey(), ctx.config().data().seed(), cancel);
            if (test == null || t.worst().balancedAccuracy() < test.worst().balancedAccuracy()) {
                test = t;
                column = candidate.getKey();
                probe = candidate.getValue();
            }
        }
        ctx.chart(id(), ChartData.bar("column-permutation", "Does the model rely on '" + column + "'? Shuffled:",
                        "validation rows", "model's balanced accuracy")
                .series("model balanced accuracy", List.of(
                        ChartData.Point.bar("original rows", test.original().balancedAccuracy()),
                        ChartData.Point.bar("'" + column + "' shuffled", test.worst().balancedAccuracy())))
                .marker(String.format(Locale.ROOT, "'%s' alone %.0f%%", column, 100 * probe),
                        ChartData.Axis.Y, probe)
                .marker(String.format(Locale.ROOT, "chance %.0f%%", 100 * ctx.chance()), ChartData.Axis.Y, ctx.chance())
                .build());
        return List.of(judgeLeak(column, probe, shown, test, ctx.chance()));
    }

    /** The verdict on a leaking column from the permutation test: its severity follows the model's reliance on it. */
    private Finding judgeLeak(String column, double probe, Map<String, Double> shown, ShortcutCounterfactuals.Result test,
                              double chance) {
        double original = test.original().balancedAccuracy();
        ShortcutCounterfactuals.Measurement shuffled = test.worst();
        double lost = ShortcutReliance.lost(original, shuffled.balancedAccuracy(), chance);
        boolean collapsed = shuffled.largestPredictedShare() >= ShortcutReliance.COLLAPSE_SHARE
                && test.original().largestPredictedShare() < ShortcutReliance.COLLAPSE_SHARE;
        String figures = String.format(Locale.ROOT, "%.0f%% → %.0f%% balanced accuracy with it shuffled",
                100 * original, 100 * shuffled.balancedAccuracy());
        String measured = String.format(Locale.ROOT, "The trained model's balanced accuracy on the %d validation rows "
                        + "is %.0f%%; with '%s' shuffled among them it is %.0f%% (%.0f%% of the answers to one class; "
                        + "mean of %d shuffles), so it loses %.0f%% of its skill above chance (%.0f%%). ", test.images(),
                100 * original, column, 100 * shuffled.balancedAccuracy(), 100 * shuffled.largestPredictedShare(),
                ColumnPermutation.REPEATS, 100 * lost, 100 * chance);
        if (original - chance < ShortcutReliance.MIN_SKILL) {
            return leakFinding(Severity.INFO, column, probe, shown, lost, chance, String.format(Locale.ROOT,
                    "Column '%s' alone predicts the label (%.0f%% balanced accuracy); the model is too close to chance "
                            + "to test whether it relies on it", column, 100 * probe),
                    measured + "A model that learned almost nothing relies on nothing; see the other steps for why "
                            + "it does not learn.");
        }
        if (lost >= LEAK_RELIED_ON || collapsed) {
            return leakFinding(Severity.CRITICAL, column, probe, shown, lost, chance, String.format(Locale.ROOT,
                    "Column '%s' alone predicts the label (%.0f%% balanced accuracy) and the model relies on it: %s",
                    column, 100 * probe, figures), measured + "The network learned the leak: every balanced accuracy "
                            + "measured on these rows, the trials' included, rests on a column that new rows will not "
                            + "carry in the same way.");
        }
        if (lost >= ShortcutReliance.PARTLY) {
            return leakFinding(Severity.WARNING, column, probe, shown, lost, chance, String.format(Locale.ROOT,
                    "Column '%s' alone predicts the label (%.0f%% balanced accuracy) and the model partly relies on "
                            + "it: %s", column, 100 * probe, figures), measured + "It keeps most of its accuracy "
                            + "from the other columns, but part of its answers rest on this one.");
        }
        return leakFinding(Severity.INFO, column, probe, shown, lost, chance, String.format(Locale.ROOT,
                "Column '%s' alone predicts the label (%.0f%% balanced accuracy), but the model does not rely on it: %s",
                column, 100 * probe, figures), measured + "The model keeps its accuracy from the other columns, so "
                        + "this is a strong feature the network does not depend on; check how it was recorded all the "
                        + "same.");
    }

    /**
     * A leaking-column finding; {@code lost} is the share of skill lost with the column shuffled, or null when no trained
     * model was tested (the evidence is then the probe's balanced accuracy).
     */
    private Finding leakFinding(Severity severity, String column, double probe, Map<String, Double> shown, Double lost,
                                double chance, String title, String measured) {
        String explanation = String.format(Locale.ROOT, "A classifier that sees only '%s' reaches %.0f%% balanced "
                + "accuracy on the validation rows. One column that decides the label almost perfectly is often "
                + "leakage: an id or timestamp assigned after the label was known, or a copy of the target; a network "
                + "that learns it scores well here and fails on new rows where it carries no such information. It can "
                + "also be a genuinely strong feature. %sTop columns: %s", column, 100 * probe, measured, format(shown));
        String probeSource = "label leakage (Kaufman et al. 2012, 'Leakage in data mining'): a one-column classifier "
                + "with ≥ 95% balanced accuracy on validation rows (our threshold: no single column of the bundled "
                + "samples exceeds 80%)";
        Evidence evidence = lost == null ? new Evidence(probe, LEAK_BALANCED_ACCURACY, probeSource)
                : new Evidence(lost, LEAK_RELIED_ON, String.format(Locale.ROOT, "%s; reliance by permutation "
                + "importance (Breiman 2001, 'Random forests'): the column shuffled among the validation rows, critical "
                + "when the model loses ≥ %.0f%% of its balanced accuracy above chance or answers one class for ≥ %.0f%% "
                + "of the rows, warning from %.0f%% (our measurements: a model on a leaking id loses 100%%, a "
                + "breast-cancer model 36%% with its strongest real column shuffled)", probeSource,
                100 * LEAK_RELIED_ON, 100 * ShortcutReliance.COLLAPSE_SHARE, 100 * ShortcutReliance.PARTLY));
        Fix fix = severity == Severity.INFO && lost != null ? null
                : new Fix("Drop the column '" + column + "' from the CSV (or check how it was recorded)", Map.of(), null);
        return new Finding(id(), severity, 0, title, explanation, evidence, fix);
    }

    @Override
    public boolean readsTrainingRunWhenPresent() {
        return true;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        DataView validation = ctx.validation();
        if (validation.count() == 0) {
            return List.of();
        }
        if (ctx.table() != null) {
            return runOnTable(ctx, cancel);
        }
        Map<String, Double> accuracy = probe(ctx.train(), validation);
        int[] counts = validation.classCounts();
        double baseline = (double) Arrays.stream(counts).max().orElse(0) / validation.count();
        ctx.chart(id(), chart(accuracy, baseline));
        TrainedModel model = ctx.trainingResult() == null ? null : ctx.trainingResult().model();
        boolean modelFits = model != null && model.classes().equals(validation.dataset().classes());
        if (modelFits) {
            whereTheModelLooks(model, validation, cancel).forEach(chart -> ctx.chart(id(), chart));
        }
        Map.Entry<String, Double> best = accuracy.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double lift = best.getValue() - baseline;
        // The best of several probes on a small validation split overstates its lift; judge the lift less its
        // 95% sampling error, so a chance 20-point win on 100 images is not a finding.
        double margin = 1.96 * Math.sqrt(best.getValue() * (1 - best.getValue()) / validation.count());
        double reliableLift = lift - margin;
        if (reliableLift < LIFT) {
            return List.of();
        }
        Probe probe = new Probe(best.getKey(), best.getValue(), baseline, lift, margin, validation.count(), accuracy);
        if (!modelFits) {
            // Availability is not reliance: without a trained model the probe is only a screen.
            ctx.waitForTrainingRun(id(), String.format(Locale.ROOT, "Shortcut available: '%s' alone predicts the class "
                    + "with %.0f%% accuracy; whether the model relies on it is tested on a trained model",
                    best.getKey(), 100 * best.getValue()));
            return List.of(available(probe));
        }
        boolean fileShortcut = FILE_FEATURES.contains(best.getKey());
        ShortcutCounterfactuals.Result test = ShortcutCounterfactuals.test(model, ctx.train(), validation, fileShortcut,
                cancel);
        if (fileShortcut && test.counterfactuals().stream()
                .noneMatch(m -> m.name().equals(ShortcutCounterfactuals.COMMON_FORM))) {
            // The pixel copies cannot tell whether the model reads size or format, and the files could not be re-encoded.
            return List.of(fileShortcut(probe));
        }
        ctx.chart(id(), counterfactualChart(test, probe, ctx.chance()));
        return List.of(ShortcutReliance.judge(id(), probe, test, ctx.chance()));
    }

    /** The best one-feature probe: its feature, accuracy, the majority baseline, its lift and that lift's error. */
    record Probe(String feature, double accuracy, double baseline, double lift, double margin, int images,
                 Map<String, Double> all) {
        String allText() {
            return format(all);
        }
    }

    /** Probes on facts of the file rather than its pixels, which the counterfactual copies do not change. */
    static final java.util.Set<String> FILE_FEATURES = java.util.Set.of("image size", "file format", "source channels");

    /**
     * A size, format or channel-count shortcut with a trained model whose files could not be re-encoded: a warning,
     * since the pixel copies cannot measure reliance on it.
     */
    private Finding fileShortcut(Probe p) {
        return finding(id(), Severity.WARNING,
                String.format(Locale.ROOT, "'%s' alone predicts the class with %.0f%% accuracy", p.feature(),
                        100 * p.accuracy()),
                String.format(Locale.ROOT, "A classifier that sees only the %s of each image reaches %.0f%% accuracy, "
                        + "%.0f points above always answering the largest class (%.0f%%). Resizing to one input size "
                        + "hides most of it from the network, but resampling and compression leave traces it can learn; "
                        + "whether this model relies on them is not measured (its validation files could not be "
                        + "re-encoded in one size and format). All probes: %s", p.feature(), 100 * p.accuracy(),
                        100 * p.lift(), 100 * p.baseline(), p.allText()),
                p.lift() - p.margin(), LIFT, probeSource(p), shortcutFix(p.feature()));
    }

    /** The probe's finding while no trained model is at hand: info, since a statistic that is available may be fine. */
    private Finding available(Probe p) {
        return finding(id(), Severity.INFO,
                String.format(Locale.ROOT, "'%s' alone predicts the class with %.0f%% accuracy: a shortcut is "
                        + "available (not yet tested on a trained model)", p.feature(), 100 * p.accuracy()),
                String.format(Locale.ROOT, "A classifier that sees only the %s of each image reaches %.0f%% accuracy, "
                        + "%.0f points above always answering the largest class (%.0f%%). The network could learn that "
                        + "shortcut instead of the object, but brightness and colour are often legitimate: whether it "
                        + "does is measured by the counterfactual test once a model is trained (diagnose runs it). "
                        + "All probes: %s", p.feature(), 100 * p.accuracy(), 100 * p.lift(), 100 * p.baseline(),
                        p.allText()),
                p.lift() - p.margin(), LIFT, probeSource(p), shortcutFix(p.feature()));
    }

    static String probeSource(Probe p) {
        return String.format(Locale.ROOT, "shortcut features (Geirhos et al. 2020, 'Shortcut learning in deep neural "
                + "networks'): a one-feature classifier beats the majority baseline by ≥ 20 points, measured as the "
                + "lift less its 95%% sampling error (±%.0f points on %d validation images; the balanced sample's "
                + "shape areas otherwise give a chance 20-point 'red mean' probe)", 100 * p.margin(), p.images());
    }

    static Fix shortcutFix(String feature) {
        return new Fix("Collect images where the " + feature + " varies within each class, or equalise it "
                + "(e.g. per-image normalisation) so it no longer tells the classes apart", Map.of(), null);
    }

    /**
     * The counterfactual test as bars: the model's balanced accuracy on the original validation images and on each
     * counterfactual copy, against chance and the best probe's accuracy (what the shortcut alone achieves).
     */
    static ChartData counterfactualChart(ShortcutCounterfactuals.Result test, Probe probe, double chance) {
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        bars.add(ChartData.Point.bar("original images", test.original().balancedAccuracy()));
        for (ShortcutCounterfactuals.Measurement m : test.counterfactuals()) {
            bars.add(ChartData.Point.bar(m.name(), m.balancedAccuracy()));
        }
        return ChartData.bar("shortcut-counterfactual", "Does the model rely on the shortcut? Without it:",
                        "validation images", "model's balanced accuracy")
                .series("model balanced accuracy", bars)
                .marker(String.format(Locale.ROOT, "'%s' alone %.0f%%", probe.feature(), 100 * probe.accuracy()),
                        ChartData.Axis.Y, probe.accuracy())
                .marker(String.format(Locale.ROOT, "chance %.0f%%", 100 * chance), ChartData.Axis.Y, chance)
                .build();
    }

    /**
     * Per class, the mean validation image and where the trained model looks in it: the mean occlusion map (Zeiler
     * and Fergus 2014) over the first {@value #LOOK_IMAGES} validation images of the class, for that class. A model
     * that takes a brightness or colour shortcut lights up the background, not the object. Cells are averaged down
     * to at most {@value #GRID_CELLS} per side to keep report.json small.
     */
    public static List<ChartData> whereTheModelLooks(TrainedModel model, DataView validation, CancellationToken cancel) {
        OcclusionMap[] maps = OcclusionSensitivity.perClass(model, validation, LOOK_IMAGES, cancel);
        ImageDataset data = validation.dataset();
        int size = data.imageSize();
        ChartData.Builder images = ChartData.grid("class-mean-images", ChartData.Kind.IMAGE_GRID,
                "Mean validation image per class", "pixel brightness (0–255)");
        ChartData.Builder looks = ChartData.grid("where-the-model-looks", ChartData.Kind.HEAT_GRID,
                "Where the model looks per class (red: hiding the part lowers the class's log-odds; blue: raises them)",
                "drop in log-odds (nats)");
        for (int c = 0; c < maps.length; c++) {
            if (maps[c] == null) {
                continue;
            }
            double[] brightness = new double[size * size];
            int n = 0;
            for (int i = 0; i < validation.count() && n < LOOK_IMAGES; i++) {
                if (validation.label(i) == c) {
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            double sum = 0;
                            for (int ch = 0; ch < data.channels(); ch++) {
                                sum += data.pixel(validation.indices()[i], y, x, ch);
                            }
                            brightness[y * size + x] += sum / data.channels();
                        }
                    }
                    n++;
                }
            }
            for (int i = 0; i < brightness.length; i++) {
                brightness[i] /= Math.max(1, n);
            }
            double[] drop = new double[size * size];
            for (int i = 0; i < drop.length; i++) {
                drop[i] = maps[c].drop()[i];
            }
            images.panel(data.classes().get(c), shrink(brightness, size));
            looks.panel(data.classes().get(c), shrink(drop, size));
        }
        return List.of(images.build(), looks.build());
    }

    /** Averages a square of {@code size}² cells down to at most {@value #GRID_CELLS} per side. */
    static double[] shrink(double[] cells, int size) {
        int side = Math.min(size, GRID_CELLS);
        double[] out = new double[side * side];
        int[] count = new int[side * side];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int cell = (y * side / size) * side + x * side / size;
                out[cell] += cells[y * size + x];
                count[cell]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= Math.max(1, count[i]);
        }
        return out;
    }

    /** Each probe's validation accuracy as a bar, against the majority baseline and the flagging threshold. */
    public static ChartData chart(Map<String, Double> accuracy, double baseline) {
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        accuracy.forEach((name, value) -> bars.add(ChartData.Point.bar(name, value)));
        return ChartData.bar("shortcut-probe", "One-feature probes: validation accuracy", "feature", "accuracy")
                .series("probe accuracy", bars)
                .marker(String.format(Locale.ROOT, "majority baseline %.0f%%", 100 * baseline), ChartData.Axis.Y, baseline)
                .marker(String.format(Locale.ROOT, "flagged above %.0f%%", 100 * Math.min(1, baseline + LIFT)), ChartData.Axis.Y,
                        Math.min(1, baseline + LIFT))
                .build();
    }

    private static String format(Map<String, Double> accuracy) {
        StringBuilder s = new StringBuilder();
        accuracy.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Math.round(100 * v)).append('%'));
        return s.toString();
    }
}
