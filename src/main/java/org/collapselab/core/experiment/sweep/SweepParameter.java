package org.collapselab.core.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One swept config field: its dotted path and where its values come from. A {@code LIST} or {@code CHOICE} holds the
 * values as written; a {@code LOG} or {@code LINEAR} range holds its ends and how many grid points to take. Values are
 * kept as the text a {@code --set path=value} override takes, so every trial config is built the same way as a
 * command-line override. Immutable.
 *
 * @param spec the text after {@code PATH=}, kept for sweep.json and messages
 * @param integer true when the field takes whole numbers (ranges then round, and drop repeated values)
 */
public record SweepParameter(String path, Kind kind, List<String> values, double low, double high, int count,
                             boolean integer, String spec) {

    /** How the values were given. */
    public enum Kind {
        /** Numbers listed one by one. */
        LIST,
        /** Strings listed one by one (enum names, booleans, JSON). */
        CHOICE,
        /** {@code log:LOW..HIGH:N}: N points equally spaced in log10. */
        LOG,
        /** {@code lin:LOW..HIGH:N}: N points equally spaced. */
        LINEAR
    }

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** True for ranges and numeric lists: the values have an order and a numeric axis. */
    public boolean numeric() {
        return kind != Kind.CHOICE;
    }

    /** The grid points, in order. */
    public List<String> gridValues() {
        return values;
    }

    /**
     * A value drawn for random search: log-uniform or uniform over a range (Bergstra and Bengio, "Random Search for
     * Hyper-Parameter Optimization", JMLR 2012, sample ranges continuously), else one of the listed values.
     */
    public String sample(Random random) {
        return switch (kind) {
            case LOG -> format(Math.pow(10, Math.log10(low) + random.nextDouble() * (Math.log10(high) - Math.log10(low))));
            case LINEAR -> format(low + random.nextDouble() * (high - low));
            default -> values.get(random.nextInt(values.size()));
        };
    }

    /** The last segment of the path in words: {@code training.learningRate} → "learning rate". */
    public String label() {
        return label(path);
    }

    public static String label(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    /** The grid points of a range. */
    static List<String> rangeValues(Kind kind, double low, double high, int count, boolean integer) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double t = count == 1 ? 0 : (double) i / (count - 1);
            double v = kind == Kind.LOG
                    ? Math.pow(10, Math.log10(low) + t * (Math.log10(high) - Math.log10(low)))
                    : low + t * (high - low);
            String text = integer ? String.valueOf(Math.round(v)) : formatNumber(v);
            if (!points.contains(text)) {
                points.add(text);
            }
        }
        return points;
    }

    private String format(double v) {
        return integer ? String.valueOf(Math.round(v)) : formatNumber(v);
    }

    /** Four significant digits, plain between 1e-4 and 1e6: 0.0031622776 → "0.003162", 1e-5 → "1e-5". */
    static String formatNumber(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        return magnitude >= 1e-4 && magnitude < 1e6 ? rounded.toPlainString()
                : String.format(java.util.Locale.ROOT, "%.3e", v).replaceAll("\\.?0*e", "e").replaceAll("e([-+])0*(\\d)", "e$1$2")
                        .replace("e+", "e");
    }
}
