package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DuplicateImages;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code duplicate-images}: images that are copies of one another (the same decoded pixels, or a resized or re-encoded
 * copy: {@link DuplicateImages}), reported in three kinds: copies inside one class (they count several times in the
 * loss), copies with different labels (no model can get both right), and copies across training and validation
 * (validation then measures memory, and overstates accuracy). Mirrors {@link DuplicateRowsCheck} for images. Uses the
 * fingerprints taken while decoding; pure.
 */
public final class DuplicateImagesCheck extends BaseCheck {
    /** Id of the chart of example pairs; the stepper draws its panels two by two. */
    public static final String PAIRS_CHART = "duplicate-pairs";
    /** Share of validation images with a copy in training above which the validation score is not trusted. */
    public static final double CROSS_SHARE = 0.01;
    /** Share of training images that repeat another worth a warning. */
    public static final double TRAIN_SHARE = 0.05;
    private static final int EXAMPLE_PAIRS = 4;
    private static final int PANEL_SIDE = 32;

    public DuplicateImagesCheck() {
        super("duplicate-images", List.of("duplicate-images"), "Duplicate images",
                "Finds copies of an image (identical or resized/re-encoded) within a class, across classes and "
                        + "across training and validation.", Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.dataset() == null ? "only for image folders (CSV data has its own duplicate-rows check)" : null;
    }

    /** How a copy relates to its original. */
    public enum Kind { WITHIN_CLASS, CONFLICTING_LABELS, ACROSS_SPLIT }

    /** One copy still in the split, with its kind. */
    public record Pair(DuplicateImages.Match match, Kind kind) {
    }

    /** Counts per kind, exact and near, of the copies still in the split. */
    public record Summary(List<Pair> pairs, int trainingImages, int validationImages) {
        public long count(Kind kind) {
            return pairs.stream().filter(p -> p.kind() == kind).count();
        }

        public long exact(Kind kind) {
            return pairs.stream().filter(p -> p.kind() == kind && p.match().exact()).count();
        }
    }

    /** Copies among the images the context trains and validates on (those left out by data.dropDuplicates are gone). */
    public static Summary summarize(DiagnosticContext ctx) {
        ImageDataset data = ctx.dataset();
        ImageDataset validationSet = ctx.validationSet();
        int n = data.count();
        int total = n + (validationSet == null ? 0 : validationSet.count());
        int offset = validationSet == null ? 0 : n;
        // 1 training, 2 validation, 0 left out of the split
        byte[] side = new byte[total];
        for (int i : ctx.train().indices()) {
            side[i] = 1;
        }
        for (int i : ctx.validation().indices()) {
            side[i + offset] = 2;
        }
        List<Pair> pairs = new ArrayList<>();
        for (DuplicateImages.Match m : DuplicateImages.find(data, validationSet)) {
            if (side[m.original()] == 0 || side[m.copy()] == 0) {
                continue;
            }
            Kind kind = label(data, validationSet, m.original()) != label(data, validationSet, m.copy())
                    ? Kind.CONFLICTING_LABELS : side[m.original()] != side[m.copy()] ? Kind.ACROSS_SPLIT
                    : Kind.WITHIN_CLASS;
            pairs.add(new Pair(m, kind));
        }
        return new Summary(pairs, ctx.train().count(), ctx.validation().count());
    }

    private static int label(ImageDataset data, ImageDataset validationSet, int index) {
        return index < data.count() ? data.label(index) : validationSet.label(index - data.count());
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        Summary found = summarize(ctx);
        if (found.pairs().isEmpty()) {
            return List.of();
        }
        long within = found.count(Kind.WITHIN_CLASS);
        long conflicting = found.count(Kind.CONFLICTING_LABELS);
        long across = found.count(Kind.ACROSS_SPLIT);
        double crossShare = found.validationImages() == 0 ? 0 : (double) across / found.validationImages();
        double trainShare = (double) within / Math.max(1, found.trainingImages());
        boolean serious = crossShare >= CROSS_SHARE || trainShare >= TRAIN_SHARE || conflicting > 0;
        ctx.chart(id(), pairsChart(ctx, found));
        String title = String.format(Locale.ROOT, "%d copies: %d within a class, %d with a different label, "
                + "%d across training and validation (%.1f%% of validation)", found.pairs().size(), within,
                conflicting, across, 100 * crossShare);
        String explanation = String.format(Locale.ROOT, "Some images are copies of others: the same pixels (%d) or a "
                        + "resized or re-encoded copy (%d). Copies within a class count those images several times "
                        + "in the loss (%d exact, %d near). Copies filed under different classes cannot both be right "
                        + "(%d exact, %d near). Validation images with a copy in training (%d exact, %d near) make the "
                        + "validation score a test of memory, so it overstates how the model does on new images. "
                        + "Examples: %s.",
                found.pairs().stream().filter(p -> p.match().exact()).count(),
                found.pairs().stream().filter(p -> !p.match().exact()).count(),
                found.exact(Kind.WITHIN_CLASS), within - found.exact(Kind.WITHIN_CLASS),
                found.exact(Kind.CONFLICTING_LABELS), conflicting - found.exact(Kind.CONFLICTING_LABELS),
                found.exact(Kind.ACROSS_SPLIT), across - found.exact(Kind.ACROSS_SPLIT), examples(ctx, found));
        return List.of(finding(id(), serious ? Severity.WARNING : Severity.INFO, title, explanation, crossShare,
                CROSS_SHARE, "duplicates across the split inflate test scores (Barz and Denzler 2020, 'Do we train "
                        + "on test data? Purging CIFAR of near-duplicates': 3.3% of CIFAR-10 test images have a "
                        + "near-duplicate in training); flagged at 1% of validation images, 5% of training images "
                        + "repeated, or any copy with a different label; near copies: pHash within "
                        + DuplicateImages.NEAR_DISTANCE + " bits and 8×8 block means within "
                        + (int) DuplicateImages.NEAR_BLOCK_DIFFERENCE + " grey levels, measured on our samples",
                ctx.config().data().dropDuplicates() ? null
                        : fix("Leave the copies out: training keeps one of each, validation drops those in training",
                        Map.of(ConfigPaths.DROP_DUPLICATES, true))));
    }

    /** The example pairs: one of each kind found, the most harmful first, then more of them. */
    private static List<Pair> examplePairs(Summary found) {
        List<Pair> ordered = found.pairs().stream()
                .sorted(Comparator.comparingInt(p -> p.kind() == Kind.CONFLICTING_LABELS ? 0
                        : p.kind() == Kind.ACROSS_SPLIT ? 1 : 2)).toList();
        List<Pair> chosen = new ArrayList<>();
        for (Kind kind : List.of(Kind.CONFLICTING_LABELS, Kind.ACROSS_SPLIT, Kind.WITHIN_CLASS)) {
            ordered.stream().filter(p -> p.kind() == kind).findFirst().ifPresent(chosen::add);
        }
        for (Pair p : ordered) {
            if (chosen.size() < EXAMPLE_PAIRS && !chosen.contains(p)) {
                chosen.add(p);
            }
        }
        return chosen.subList(0, Math.min(EXAMPLE_PAIRS, chosen.size()));
    }

    private static String examples(DiagnosticContext ctx, Summary found) {
        List<String> parts = new ArrayList<>();
        for (Pair p : examplePairs(found)) {
            parts.add(name(ctx, p.match().original()) + " = " + name(ctx, p.match().copy()));
        }
        return String.join(", ", parts);
    }

    /** An image's class folder and file name. */
    static String name(DiagnosticContext ctx, int index) {
        ImageDataset data = ctx.dataset();
        ImageDataset source = index < data.count() ? data : ctx.validationSet();
        int i = index < data.count() ? index : index - data.count();
        java.nio.file.Path path = source.path(i);
        return (path.getParent() == null ? "" : path.getParent().getFileName() + "/") + path.getFileName();
    }

    private static ChartData pairsChart(DiagnosticContext ctx, Summary found) {
        ChartData.Builder chart = ChartData.grid(PAIRS_CHART, ChartData.Kind.IMAGE_GRID,
                "Example copies, side by side (left: the first image, right: its copy)", "grey (0–255)");
        for (Pair p : examplePairs(found)) {
            DuplicateImages.Match m = p.match();
            String how = switch (p.kind()) {
                case WITHIN_CLASS -> "same class";
                case CONFLICTING_LABELS -> "other label";
                case ACROSS_SPLIT -> "train ↔ validation";
            };
            chart.panel(name(ctx, m.original()), grey(ctx, m.original()));
            chart.panel(name(ctx, m.copy()) + " (" + (m.exact() ? "exact" : "near, " + m.distance() + " bits")
                    + ", " + how + ")", grey(ctx, m.copy()));
        }
        return chart.build();
    }

    /** The image in grey, averaged down to at most {@value #PANEL_SIDE} cells a side to keep report.json small. */
    private static double[] grey(DiagnosticContext ctx, int index) {
        ImageDataset data = ctx.dataset();
        ImageDataset source = index < data.count() ? data : ctx.validationSet();
        int i = index < data.count() ? index : index - data.count();
        int size = source.imageSize();
        int step = (size + PANEL_SIDE - 1) / PANEL_SIDE;
        int side = size / step;
        double[] cells = new double[side * side];
        for (int y = 0; y < side * step; y++) {
            for (int x = 0; x < side * step; x++) {
                double sum = 0;
                for (int c = 0; c < source.channels(); c++) {
                    sum += source.pixel(i, y, x, c);
                }
                cells[(y / step) * side + x / step] += sum / source.channels() / (step * step);
            }
        }
        return cells;
    }
}
