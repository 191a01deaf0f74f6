package org.collapselab.core.data.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;

/**
 * The failure scenarios on CSV data, siblings of the image {@link Scenarios}: each is the reference config of its
 * data kind ({@link ConfigCodec#defaults(DataKind)}) with a few overrides, written to {@code sample-data/scenarios/}
 * as {@code csv-*.json} next to the image ones and run by the scorecard. The datasets are the two bundled CSV
 * samples, or variants of the tabular one generated on demand ({@link #csvFor}).
 */
public final class CsvScenarios {
    /** The binary case: one sigmoid output with binary cross-entropy. */
    public static final List<String> BINARY = List.of("model.outputActivation=sigmoid", "model.loss=xent");
    /** Tabular variant with a customer_id column whose values were assigned after the churn label was known. */
    public static final String TABULAR_ID_LEAK = "tabular-id-leak.csv";
    /** Tabular variant with yearly income in currency units next to small counts (scales 10⁴ apart). */
    public static final String TABULAR_UNSCALED = "tabular-unscaled.csv";

    private CsvScenarios() {
    }

    /** Scenario name → overrides of the kind's reference config. */
    public static Map<String, List<String>> all() {
        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        scenarios.put("csv-sequence-binary-collapse", BINARY);
        scenarios.put("csv-sequence-binary-oversample", with(BINARY, "data.balance=oversample"));
        scenarios.put("csv-binary-learning-rate-0.1", with(BINARY, "training.learningRate=0.1"));
        scenarios.put("csv-binary-learning-rate-0.001-longer", with(BINARY, "training.learningRate=0.001",
                "training.epochs=20", "data.balance=class-weights"));
        scenarios.put("csv-id-leak", List.of());
        scenarios.put("csv-unscaled-features", List.of("data.normalization=none"));
        return scenarios;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** The finding the diagnostics must rank first; null for the healthy (fixed) configs. */
    public static String expectedFinding(String scenario) {
        return switch (scenario) {
            case "csv-sequence-binary-collapse" -> "class-imbalance";
            case "csv-binary-learning-rate-0.1" -> "learning-rate-too-high";
            case "csv-id-leak" -> "spurious-feature";
            case "csv-unscaled-features" -> "features-not-scaled";
            default -> null;
        };
    }

    /** The data kind of a scenario. */
    public static DataKind kindOf(String scenario) {
        return scenario.startsWith("csv-sequence") ? DataKind.SEQUENCE : DataKind.TABULAR;
    }

    /** The CSV file a scenario runs on: a bundled sample's name or a generated variant's ({@link #write}). */
    public static String csvFor(String scenario) {
        return switch (scenario) {
            case "csv-id-leak" -> TABULAR_ID_LEAK;
            case "csv-unscaled-features" -> TABULAR_UNSCALED;
            default -> kindOf(scenario) == DataKind.SEQUENCE ? CsvSamples.SEQUENCES : CsvSamples.TABULAR;
        };
    }

    /** The complete config of a scenario. */
    public static ExperimentConfig config(String scenario) throws ConfigException {
        List<String> overrides = new ArrayList<>(all().get(scenario));
        overrides.add("name=" + scenario);
        return ConfigCodec.withOverrides(ConfigCodec.defaults(kindOf(scenario)), overrides);
    }

    /** Writes the generated (not bundled) variants a scenario needs into {@code dir}; the bundled samples too. */
    public static Path dataFor(String scenario, Path sampleData, Path generated) throws IOException {
        String name = csvFor(scenario);
        Path bundled = sampleData.resolve(name);
        if (Files.isRegularFile(bundled)) {
            return bundled;
        }
        Files.createDirectories(generated);
        Path file = generated.resolve(name);
        if (!Files.isRegularFile(file)) {
            Files.writeString(file, name.equals(TABULAR_ID_LEAK) ? CsvSamples.tabularWithIdLeakCsv()
                    : CsvSamples.tabularUnscaledCsv());
        }
        return file;
    }

    /** Writes every scenario config as {@code <name>.json} into {@code dir}. */
    public static void write(Path dir) throws IOException, ConfigException {
        Files.createDirectories(dir);
        for (String name : all().keySet()) {
            ConfigCodec.write(config(name), dir.resolve(name + ".json"));
        }
    }

    /** The README table rows of the CSV scenarios. */
    public static String readmeRows() throws ConfigException {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, List<String>> e : all().entrySet()) {
            String expected = expectedFinding(e.getKey());
            rows.append("| ").append(e.getKey()).append(" | `").append(csvFor(e.getKey())).append("` | ")
                    .append(expected == null ? "none (healthy)" : "`" + expected + "`").append(" | `")
                    .append(String.join("` `", e.getValue().isEmpty() ? List.of("(none)") : e.getValue()))
                    .append("` |\n");
        }
        return rows.toString();
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : "sample-data/scenarios"));
    }
}
