package org.collapselab.core.data;

import java.util.List;

/**
 * How evenly the images are spread over the classes, and the one imbalance verdict that the Data screen, the CLI and
 * the {@code class-imbalance} check all show. Strong: largest/smallest class above 10 or normalised label entropy below
 * 0.5 (the thresholds of the class-imbalance literature, e.g. Buda et al. 2018 study ratios from 10 upwards); mild:
 * above 3:1, the ratio at which our imbalanced scenarios start to lose balanced accuracy.
 *
 * @param largest  index of the largest class (the first one on ties)
 * @param smallest index of the smallest class (the first one on ties)
 * @param ratio    largest / smallest count; infinite when a class is empty
 * @param entropy  label entropy divided by ln(C): 1 for balanced classes, near 0 when one class dominates
 */
public record ClassBalance(int[] counts, int largest, int smallest, double ratio, double entropy) {
    public static final double STRONG_RATIO = 10;
    public static final double STRONG_ENTROPY = 0.5;
    public static final double MILD_RATIO = 3;

    /** The verdict, from no imbalance worth a word to an imbalance that makes collapse likely. */
    public enum Verdict { BALANCED, MILD, STRONG }

    public static ClassBalance of(int[] counts) {
        int largest = 0;
        int smallest = 0;
        for (int c = 1; c < counts.length; c++) {
            largest = counts[c] > counts[largest] ? c : largest;
            smallest = counts[c] < counts[smallest] ? c : smallest;
        }
        double ratio = counts.length == 0 ? 1
                : counts[smallest] == 0 ? Double.POSITIVE_INFINITY : (double) counts[largest] / counts[smallest];
        return new ClassBalance(counts.clone(), largest, smallest, ratio, normalizedEntropy(counts));
    }

    /** Label entropy divided by ln(C): 1 for balanced classes (and for fewer than two classes), near 0 when one dominates. */
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

    public Verdict verdict() {
        if (ratio > STRONG_RATIO || entropy < STRONG_ENTROPY) {
            return Verdict.STRONG;
        }
        return ratio > MILD_RATIO ? Verdict.MILD : Verdict.BALANCED;
    }

    public int total() {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Share of the images in the largest class: the accuracy of always predicting it. */
    public double largestShare() {
        return (double) counts[largest] / Math.max(1, total());
    }

    /** One sentence for the Data screen and the CLI, about images. */
    public String describe(List<String> classes) {
        return describe(classes, "image");
    }

    /** One sentence for the Data screen and the CLI; {@code item} names what is counted ("image", "row"). */
    public String describe(List<String> classes, String item) {
        String sizes = Double.isInfinite(ratio) ? "a class has no " + item + "s"
                : String.format(java.util.Locale.ROOT, "the largest class has %.1f times as many %ss as the smallest", ratio, item);
        String spread = String.format(java.util.Locale.ROOT, " (label entropy %.2f, where 1 is an even spread)", entropy);
        return switch (verdict()) {
            case STRONG -> "Strongly imbalanced: " + sizes + spread + String.format(java.util.Locale.ROOT, ". Predicting '%s' "
                    + "for every %s already scores %.0f%%, so an unweighted model can score well by ignoring the rare "
                    + "classes.", classes.get(largest), item, 100 * largestShare());
            case MILD -> "Mildly imbalanced: " + sizes + spread + ".";
            case BALANCED -> "Balanced: " + sizes + spread + ".";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassBalance b && java.util.Arrays.equals(counts, b.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts);
    }
}
