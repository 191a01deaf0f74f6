package org.collapselab.ui;

import java.util.Locale;
import java.util.Map;

/**
 * What the Examples menu calls the bundled samples and scenarios: a phrase a user reads ("Open sample: imbalanced
 * shapes", "Learning rate too high"), not the folder or file name ("shapes-imbalanced", "learning-rate-too-high.json").
 */
final class ExampleNames {
    private static final Map<String, String> SAMPLES = Map.of(
            "shapes", "Open sample: shapes, three balanced classes",
            "shapes-imbalanced", "Open sample: imbalanced shapes",
            "tabular-imbalanced.csv", "Open sample: imbalanced table of rows (CSV)",
            "sequences-anomaly.csv", "Open sample: series with rare anomalies (CSV)");

    private static final Map<String, String> SCENARIOS = Map.ofEntries(
            Map.entry("healthy-default", "Healthy defaults"),
            Map.entry("healthy-standardize", "Healthy, with standardized inputs"),
            Map.entry("imbalance", "Imbalanced classes"),
            Map.entry("imbalance-class-weights", "Imbalanced classes, fixed by class weights"),
            Map.entry("learning-rate-too-high", "Learning rate too high"),
            Map.entry("learning-rate-too-low", "Learning rate too low"),
            Map.entry("zero-init", "All weights start at zero"),
            Map.entry("identity-output-mcxent", "Output without softmax (identity) under a softmax loss"),
            Map.entry("sigmoid-output-mcxent", "Sigmoid output under a softmax loss"),
            Map.entry("too-few-epochs", "Too few epochs"),
            Map.entry("dying-relu", "Dying ReLU units"),
            Map.entry("vanishing-gradient-deep-sigmoid", "Vanishing gradient in a deep sigmoid network"),
            Map.entry("no-signal", "Images without a class signal"),
            Map.entry("spurious-brightness", "Brightness gives the class away (a shortcut)"),
            Map.entry("preprocessing-mismatch", "Predicting on images prepared differently"),
            Map.entry("duplicates", "Duplicate images"),
            Map.entry("csv-sequence-binary-collapse", "Series (CSV) whose rare anomalies collapse into the common class"),
            Map.entry("csv-sequence-binary-oversample", "Series (CSV) with the rare anomalies oversampled, healthy"),
            Map.entry("csv-binary-learning-rate-0.1", "Rows (CSV) at learning rate 0.1, too high"),
            Map.entry("csv-binary-learning-rate-0.001-longer", "Rows (CSV) at learning rate 0.001, trained longer, healthy"),
            Map.entry("csv-id-leak", "Rows (CSV) with an id column that gives the class away"),
            Map.entry("csv-unscaled-features", "Rows (CSV) with features on very different scales"));

    private ExampleNames() {
    }

    /** The menu text that opens the bundled sample folder or CSV file {@code name}. */
    static String sample(String name) {
        return SAMPLES.getOrDefault(name, "Open sample: " + words(name.replaceFirst("\\.csv$", " (CSV)")));
    }

    /** The menu text of the scenario config {@code name} (its file name without .json). */
    static String scenario(String name) {
        String known = SCENARIOS.get(name);
        if (known != null) {
            return known;
        }
        String words = words(name);
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A scenario added later without a name here still reads as words: "some-new-case" → "some new case". */
    private static String words(String name) {
        return name.replace('-', ' ');
    }
}
