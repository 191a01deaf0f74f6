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

    /** Scenario name → overrides of the defaults. */
    public static Map<String, List<String>> all() {
        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        scenarios.put("healthy-default", List.of());
        scenarios.put("healthy-small", List.of("data.imageSize=32", "training.epochs=8"));
        scenarios.put("imbalance", List.of());
        scenarios.put("imbalance-class-weights", List.of("data.balance=class-weights"));
        scenarios.put("learning-rate-too-high", List.of("training.learningRate=0.05"));
        scenarios.put("learning-rate-too-low", List.of("training.learningRate=1e-6"));
        scenarios.put("zero-init", List.of("model.weightInit=zero"));
        scenarios.put("identity-output-mcxent", List.of("model.outputActivation=identity"));
        scenarios.put("sigmoid-output-mcxent", List.of("model.outputActivation=sigmoid"));
        scenarios.put("too-few-epochs", List.of("training.epochs=1"));
        scenarios.put("dying-relu", List.of("training.learningRate=0.05", "training.optimizer=adam"));
        scenarios.put("vanishing-gradient-deep-sigmoid", List.of("training.optimizer=sgd", "training.learningRate=0.01",
                "model.weightInit=xavier", "model.layers=[{\"type\":\"pool\",\"size\":4}"
                        + ",{\"type\":\"dense\",\"units\":64,\"activation\":\"sigmoid\"}".repeat(8) + "]"));
        return scenarios;
    }

    /** Which bundled dataset each scenario is meant for. */
    public static String datasetFor(String scenario) {
        return scenario.startsWith("imbalance") ? SampleData.IMBALANCED : SampleData.BALANCED;
    }

    public static void write(Path dir) throws IOException, ConfigException {
        Files.createDirectories(dir);
        StringBuilder readme = new StringBuilder("# Scenarios\n\nEach file is a complete experiment config: the defaults "
                + "plus the overrides below. Regenerate with `java -cp target/classes "
                + "org.collapselab.core.data.samples.Scenarios sample-data/scenarios`.\n\n"
                + "| scenario | dataset | overrides |\n|---|---|---|\n");
        for (Map.Entry<String, List<String>> e : all().entrySet()) {
            List<String> overrides = new java.util.ArrayList<>(e.getValue());
            overrides.add("name=" + e.getKey());
            ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), overrides);
            ConfigCodec.write(config, dir.resolve(e.getKey() + ".json"));
            readme.append("| ").append(e.getKey()).append(" | `").append(datasetFor(e.getKey())).append("` | ")
                    .append(e.getValue().isEmpty() ? "(none)" : "`" + String.join("` `", e.getValue()).replace("|", "\\|") + "`")
                    .append(" |\n");
        }
        Files.writeString(dir.resolve("README.md"), readme.toString());
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : "sample-data/scenarios"));
    }
}
