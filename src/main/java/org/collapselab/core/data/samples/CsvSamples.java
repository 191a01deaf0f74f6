package org.collapselab.core.data.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The two bundled CSV samples, generated from fixed seeds so they rebuild byte for byte: numbers are formatted
 * with {@link Locale#ROOT} and the series use {@link StrictMath}, whose results are the same on every JVM.
 * Regenerate with {@code java -cp target/classes org.collapselab.core.data.samples.CsvSamples sample-data}.
 */
public final class CsvSamples {
    public static final String SEQUENCES = "sequences-anomaly.csv";
    public static final String TABULAR = "tabular-imbalanced.csv";
    /** Time steps per series. */
    public static final int SEQUENCE_LENGTH = 128;
    public static final int NORMAL_SERIES = 760;
    public static final int ANOMALOUS_SERIES = 40;
    public static final int TABULAR_ROWS = 2000;
    /** Rows of the tabular sample whose usage_hours cell is left empty, to show the missing-value report. */
    public static final int EMPTY_USAGE_CELLS = 10;
    private static final long SEQUENCE_SEED = 44;
    private static final long TABULAR_SEED = 45;

    private CsvSamples() {
    }

    /**
     * Sine waves with noise (label 0) and, about 1 in 20, the same with a subtle anomaly (label 1): either a
     * burst of noise 8–16 steps long, or a level shift from a random step to the end ({@link SequenceOptions#BUNDLED}).
     */
    public static String sequencesCsv() {
        return sequencesCsv(SequenceOptions.BUNDLED);
    }

    /**
     * How the anomaly series differ: a burst of Gaussian noise of standard deviation {@code burstNoise}, or a level
     * shift of {@code shiftMin} to {@code shiftMin + shiftRange} (either sign).
     */
    public record SequenceOptions(int normal, int anomalous, double burstNoise, double shiftMin, double shiftRange,
                                  long seed) {
        /**
         * Subtle anomalies (bursts of noise 0.6, shifts of 0.4–0.7 against a sine of amplitude about 1): the default
         * 1-D CNN with one sigmoid and binary cross-entropy stays at balanced accuracy 0.50 (collapsed) for all 10
         * epochs, and oversampling reaches 0.75–0.81; with bursts of 2.0 and shifts of 1.5–2.5 it reached 0.938
         * unaided (measured with the scratch harness described in the csvdiag report, 2026-12-03).
         */
        public static final SequenceOptions BUNDLED = new SequenceOptions(NORMAL_SERIES, ANOMALOUS_SERIES, 0.6, 0.4,
                0.3, SEQUENCE_SEED);
    }

    public static String sequencesCsv(SequenceOptions options) {
        Random random = new Random(options.seed());
        int total = options.normal() + options.anomalous();
        boolean[] anomalous = new boolean[total];
        for (int i = 0; i < options.anomalous(); i++) {
            anomalous[i] = true;
        }
        shuffle(anomalous, random);
        StringBuilder csv = new StringBuilder(total * SEQUENCE_LENGTH * 6);
        for (int t = 0; t < SEQUENCE_LENGTH; t++) {
            csv.append(String.format(Locale.ROOT, "t%03d,", t));
        }
        csv.append("label\n");
        double[] series = new double[SEQUENCE_LENGTH];
        for (boolean anomaly : anomalous) {
            double amplitude = 0.8 + 0.4 * random.nextDouble();
            double cycles = 2 + 2 * random.nextDouble();
            double phase = 2 * StrictMath.PI * random.nextDouble();
            double noise = 0;
            for (int t = 0; t < SEQUENCE_LENGTH; t++) {
                noise = 0.6 * noise + 0.25 * random.nextGaussian(); // AR(1): smooth, like a sensor
                series[t] = amplitude * StrictMath.sin(2 * StrictMath.PI * cycles * t / SEQUENCE_LENGTH + phase) + noise;
            }
            if (anomaly) {
                if (random.nextBoolean()) {
                    int length = 8 + random.nextInt(9);
                    int start = random.nextInt(SEQUENCE_LENGTH - length);
                    for (int t = start; t < start + length; t++) {
                        series[t] += options.burstNoise() * random.nextGaussian();
                    }
                } else {
                    int start = 16 + random.nextInt(SEQUENCE_LENGTH - 48);
                    double shift = (random.nextBoolean() ? 1 : -1) * (options.shiftMin() + options.shiftRange() * random.nextDouble());
                    for (int t = start; t < SEQUENCE_LENGTH; t++) {
                        series[t] += shift;
                    }
                }
            }
            for (double value : series) {
                csv.append(format2(value)).append(',');
            }
            csv.append(anomaly ? '1' : '0').append('\n');
        }
        return csv.toString();
    }

    /**
     * Customer rows with a churn label (about 1 in 10 'yes'). The rule: risk points for the basic plan, four or
     * more support calls, under 9 months of tenure and under 4 usage hours a month; two or more points churn,
     * and 1% of the labels are flipped. Region carries no signal.
     */
    public static String tabularCsv() {
        Random random = new Random(TABULAR_SEED);
        String[] plans = {"basic", "standard", "premium"};
        String[] regions = {"north", "south", "east", "west"};
        boolean[] emptyUsage = new boolean[TABULAR_ROWS];
        for (int i = 0; i < EMPTY_USAGE_CELLS; i++) {
            emptyUsage[i] = true;
        }
        shuffle(emptyUsage, random);
        StringBuilder csv = new StringBuilder(TABULAR_ROWS * 48);
        csv.append("tenure_months,monthly_charge,support_calls,usage_hours,plan,region,churn\n");
        for (int i = 0; i < TABULAR_ROWS; i++) {
            int tenure = 1 + random.nextInt(72);
            String plan = plans[random.nextInt(plans.length)];
            double charge = switch (plan) {
                case "basic" -> 20;
                case "standard" -> 50;
                default -> 90;
            } + 25 * random.nextDouble();
            int calls = poisson(1.2, random);
            double usage = Math.max(0, 12 + 7 * random.nextGaussian());
            String region = regions[random.nextInt(regions.length)];
            int risk = (plan.equals("basic") ? 1 : 0) + (calls >= 4 ? 1 : 0) + (tenure < 9 ? 1 : 0)
                    + (usage < 4 ? 1 : 0);
            boolean churn = risk >= 2;
            if (random.nextDouble() < 0.01) {
                churn = !churn;
            }
            csv.append(tenure).append(',').append(format2(charge)).append(',').append(calls).append(',')
                    .append(emptyUsage[i] ? "" : format2(usage)).append(',').append(plan).append(',').append(region)
                    .append(',').append(churn ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }

    /**
     * The tabular sample with a {@code customer_id} first column that leaks the label: the churned customers were
     * re-imported after the others, so their ids form a later block (an id assigned after the label was known).
     */
    public static String tabularWithIdLeakCsv() {
        String[] lines = tabularCsv().split("\n");
        StringBuilder csv = new StringBuilder("customer_id,").append(lines[0]).append('\n');
        int kept = 10_001;
        int churned = 50_001;
        for (int i = 1; i < lines.length; i++) {
            int id = lines[i].endsWith(",yes") ? churned++ : kept++;
            csv.append(id).append(',').append(lines[i]).append('\n');
        }
        return csv.toString();
    }

    /**
     * The tabular sample with a {@code yearly_income} column in currency units (mean 42,000, spread 15,000; it carries
     * no signal) next to counts and one-hot columns, so the feature scales differ about 10⁴×.
     */
    public static String tabularUnscaledCsv() {
        Random random = new Random(TABULAR_SEED + 1);
        String[] lines = tabularCsv().split("\n");
        StringBuilder csv = new StringBuilder("yearly_income,").append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            long income = Math.max(8_000, Math.round(42_000 + 15_000 * random.nextGaussian()));
            csv.append(income).append(',').append(lines[i]).append('\n');
        }
        return csv.toString();
    }

    public static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SEQUENCES), sequencesCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TABULAR), tabularCsv(), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "sample-data"));
    }

    private static String format2(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /** Knuth's method; fine for the small means used here. */
    private static int poisson(double mean, Random random) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Fisher–Yates with the given generator (Collections.shuffle would need boxing). */
    private static void shuffle(boolean[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
