package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * The scenario configs are generated from {@link ConfigCodec#defaults()} plus overrides, so they are complete
 * and valid. Run with {@code -Dscenarios.write=true} to (re)write sample-data/scenarios/*.json; otherwise this
 * checks that every file still equals its definition.
 */
class ScenarioConfigsTest {
    static final String SMALL_NET = "model.layers=[{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"activation\":\"relu\"},"
            + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\"}]";

    static String deepSigmoid(int layers) {
        StringBuilder s = new StringBuilder("model.layers=[");
        for (int i = 0; i < layers; i++) {
            s.append(i == 0 ? "" : ",").append("{\"type\":\"dense\",\"units\":32,\"activation\":\"sigmoid\"}");
        }
        return s.append(']').toString();
    }

    static Map<String, List<String>> definitions() {
        List<String> base = List.of("data.imageSize=16", "data.channels=1", "training.batchSize=16", "training.epochs=6",
                SMALL_NET);
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("imbalance", List.of());
        d.put("learning-rate-too-high", List.of("training.learningRate=0.1"));
        d.put("learning-rate-too-low", List.of("training.optimizer=sgd", "training.learningRate=0.00001"));
        d.put("zero-init", List.of("model.weightInit=zero"));
        d.put("identity-output-mcxent", List.of("model.outputActivation=identity"));
        d.put("sigmoid-output-mcxent", List.of("model.outputActivation=sigmoid"));
        d.put("too-few-epochs", List.of("training.epochs=1", "training.optimizer=sgd", "training.learningRate=0.01",
                "training.batchSize=8"));
        d.put("dying-relu", List.of("training.optimizer=sgd", "training.learningRate=0.3"));
        d.put("vanishing-gradient", List.of(deepSigmoid(6), "model.weightInit=xavier", "training.optimizer=sgd",
                "training.learningRate=0.01"));
        d.put("no-signal", List.of());
        d.put("spurious-brightness", List.of());
        d.put("preprocessing-mismatch", List.of());
        d.put("healthy-default", List.of());
        d.put("healthy-sgd", List.of("training.optimizer=nesterovs", "training.learningRate=0.01"));
        d.put("healthy-imbalanced-weighted", List.of("data.balance=class-weights"));
        Map<String, List<String>> full = new LinkedHashMap<>();
        d.forEach((id, overrides) -> {
            List<String> all = new ArrayList<>(base);
            all.add("name=" + id);
            all.addAll(overrides);
            full.put(id, all);
        });
        return full;
    }

    @Test
    void scenarioFilesMatchTheirDefinitions() throws Exception {
        boolean write = Boolean.getBoolean("scenarios.write");
        for (Map.Entry<String, List<String>> e : definitions().entrySet()) {
            ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), e.getValue());
            Path file = ScenarioScorecardTest.SCENARIOS.resolve(e.getKey() + ".json");
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, ConfigCodec.toJson(config) + "\n");
            }
            assertEquals(config, ConfigCodec.read(file), e.getKey());
        }
    }
}
