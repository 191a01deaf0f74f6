package org.collapselab.core.data.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Experiment configs that reproduce one failure mode each on the bundled samples, plus healthy ones
 * (written to {@code sample-data/scenarios/} by {@link #main}; the Examples menu and the
 * diagnostics use them). Each is the default config with a few overrides.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** Dataset names of the scenarios that need a special one (generated on demand, not bundled: see {@link #options}). */
    public static final String NO_SIGNAL = "shapes-no-signal";
    public static final String BRIGHTNESS = "shapes-brightness";
    public static final String DUPLICATES = "shapes-duplicates";

    /**
     * Shared by every scenario so the diagnostics scorecard stays fast on 2 cores: small grayscale
     * images and a small network (conv 8, pool, dense 32), still a real CNN that learns the shapes.
     */
    public static final List<String> SMALL = List.of("data.imageSize=24", "data.channels=1", "training.batchSize=16",
            "training.epochs=12", "training.learningRate=0.002", "model.layers=[{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"activation\":\"relu\"},"
                    + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\"}]");

    /** Scenario name → overrides of the defaults (after {@link #SMALL}). */
    public static Map<String, List<String>> all() {
        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        scenarios.put("healthy-default", List.of());
        scenarios.put("healthy-standardize", List.of("data.normalization=standardize"));
        scenarios.put("imbalance", List.of());
        scenarios.put("imbalance-class-weights", List.of("data.balance=class-weights"));
        scenarios.put("learning-rate-too-high", List.of("training.learningRate=0.1"));
        scenarios.put("learning-rate-too-low", List.of("training.optimizer=sgd", "training.learningRate=1e-5"));
        scenarios.put("zero-init", List.of("model.weightInit=zero"));
        scenarios.put("identity-output-mcxent", List.of("model.outputActivation=identity"));
        scenarios.put("sigmoid-output-mcxent", List.of("model.outputActivation=sigmoid"));
        scenarios.put("too-few-epochs", List.of("training.epochs=1"));
        scenarios.put("dying-relu", List.of("training.optimizer=sgd", "training.learningRate=0.5"));
        scenarios.put("vanishing-gradient-deep-sigmoid", List.of("training.optimizer=sgd", "training.learningRate=0.01",
                "model.weightInit=xavier", "model.layers=[" + String.join(",",
                        java.util.Collections.nCopies(6, "{\"type\":\"dense\",\"units\":32,\"activation\":\"sigmoid\"}"))
                        + "]"));
        scenarios.put("no-signal", List.of());
        scenarios.put("spurious-brightness", List.of());
        scenarios.put("preprocessing-mismatch", List.of());
        scenarios.put("duplicates", List.of());
        return scenarios;
    }

    /** The finding the diagnostics must rank first on the scenario; null for healthy configs. */
    public static String expectedFinding(String scenario) {
        return switch (scenario) {
            case "imbalance" -> "class-imbalance";
            case "learning-rate-too-high" -> "learning-rate-too-high";
            case "learning-rate-too-low" -> "learning-rate-too-low";
            case "zero-init" -> "symmetric-init";
            case "identity-output-mcxent", "sigmoid-output-mcxent" -> "output-activation-mismatch";
            case "too-few-epochs" -> "still-improving";
            case "dying-relu" -> "dead-relu";
            case "vanishing-gradient-deep-sigmoid" -> "vanishing-gradient";
            case "no-signal" -> "no-class-signal";
            case "spurious-brightness" -> "spurious-feature";
            case "preprocessing-mismatch" -> "preprocessing-mismatch";
            case "duplicates" -> "duplicate-images";
            default -> null;
        };
    }

    /** Which dataset each scenario is meant for. */
    public static String datasetFor(String scenario) {
        if (scenario.startsWith("imbalance")) {
            return SampleData.IMBALANCED;
        }
        return switch (scenario) {
            case "no-signal" -> NO_SIGNAL;
            case "spurious-brightness" -> BRIGHTNESS;
            case "duplicates" -> DUPLICATES;
            default -> SampleData.BALANCED;
        };
    }

    /** Generator options of the non-bundled scenario datasets (small, to keep sample-data under 5 MB). */
    public static ShapesGenerator.Options options(String dataset) {
        return switch (dataset) {
            case NO_SIGNAL -> ShapesGenerator.Options.balanced(120, 32, 44).withNoSignal();
            case BRIGHTNESS -> ShapesGenerator.Options.balanced(120, 32, 45).withBrightnessShortcut();
            case DUPLICATES -> SampleData.balanced(); // the healthy sample, so the copies are the only problem
            default -> throw new IllegalArgumentException("bundled dataset: " + dataset);
        };
    }

    /**
     * Generates a non-bundled scenario dataset into {@code root}: {@link #options} drawn by {@link ShapesGenerator},
     * and for {@link #DUPLICATES} copies planted by {@link DuplicatePlanter} (per class 6 exact, 6 resized, 2 misfiled).
     */
    public static void generate(Path root, String dataset) throws IOException {
        ShapesGenerator.generate(root, options(dataset));
        if (DUPLICATES.equals(dataset)) {
            DuplicatePlanter.plant(root, 6, 6, 2);
        }
    }

    /** The complete config of a scenario. */
    public static ExperimentConfig config(String scenario) throws ConfigException {
        List<String> overrides = new java.util.ArrayList<>(SMALL);
        overrides.addAll(all().get(scenario));
        overrides.add("name=" + scenario);
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), overrides);
    }

    public static void write(Path dir) throws IOException, ConfigException {
        Files.createDirectories(dir);
        StringBuilder readme = new StringBuilder("# Scenarios\n\nEach file is a complete experiment config: the defaults "
                + "plus the small-and-fast base `" + String.join("` `", SMALL).replace("|", "\\|") + "` plus the overrides "
                + "below. Regenerate with `java -cp target/classes org.collapselab.core.data.samples.Scenarios "
                + "sample-data/scenarios`.\n\nThe diagnostics scorecard (`ScenarioScorecardTest`) runs `diagnose` on each "
                + "and checks that the expected finding ranks first, and that healthy configs raise no warning. "
                + "`shapes-no-signal`, `shapes-brightness` and `shapes-duplicates` are not bundled (size); the scorecard "
                + "generates them with `ShapesGenerator` (options `noSignal`, `brightnessShortcut`; see `Scenarios.options`), "
                + "and plants copies into `shapes-duplicates` with `DuplicatePlanter` (per class 6 exact copies, 6 saved at "
                + "twice the size, 2 re-encoded as JPEG into the next class's folder). "
                + "`preprocessing-mismatch` trains on `shapes` and predicts an inverted copy of it "
                + "(`diagnose --predict DIR`).\n\n"
                + "| scenario | dataset | expected top finding | overrides |\n|---|---|---|---|\n");
        for (Map.Entry<String, List<String>> e : all().entrySet()) {
            ExperimentConfig config = config(e.getKey());
            ConfigCodec.write(config, dir.resolve(e.getKey() + ".json"));
            String expected = expectedFinding(e.getKey());
            readme.append("| ").append(e.getKey()).append(" | `").append(datasetFor(e.getKey())).append("` | ")
                    .append(expected == null ? "none (healthy)" : "`" + expected + "`").append(" | ")
                    .append(e.getValue().isEmpty() ? "(none)" : "`" + String.join("` `", e.getValue()).replace("|", "\\|") + "`")
                    .append(" |\n");
        }
        CsvScenarios.write(dir);
        readme.append("\n## CSV scenarios\n\nEach `csv-*.json` is the reference config of its data kind (`ConfigCodec.defaults(kind)`: "
                + "standardize; dense 64 → 32 for tabular rows, the 1-D CNN for series) plus the overrides below "
                + "(`CsvScenarios`). `tabular-id-leak.csv` and `tabular-unscaled.csv` are not bundled; the scorecard "
                + "generates them (`CsvSamples.tabularWithIdLeakCsv`, `tabularUnscaledCsv`).\n\n"
                + "| scenario | CSV file | expected top finding | overrides |\n|---|---|---|---|\n")
                .append(CsvScenarios.readmeRows());
        Files.writeString(dir.resolve("README.md"), readme.toString());
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : "sample-data/scenarios"));
    }
}
