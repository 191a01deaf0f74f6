package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCodecTest {

    @Test
    void defaultsSurviveAJsonRoundTrip(@TempDir Path dir) throws Exception {
        ExperimentConfig defaults = ConfigCodec.defaults();
        Path file = dir.resolve("c.json");
        ConfigCodec.write(defaults, file);
        assertEquals(defaults, ConfigCodec.read(file));
        assertTrue(Files.readString(file).contains("\"normalization\" : \"scale\""), Files.readString(file));
    }

    @Test
    void overridesReachNestedFieldsAndListItems() throws Exception {
        ExperimentConfig c = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of(
                "training.learningRate=0.01", "data.balance=oversample", "model.layers[0].filters=8",
                "model.layers.2.kernel=5", "data.augmentation.flip=true", "name=x"));
        assertEquals(0.01, c.training().learningRate());
        assertEquals(Balance.OVERSAMPLE, c.data().balance());
        assertEquals(8, c.model().layers().get(0).filters());
        assertEquals(5, c.model().layers().get(2).kernel());
        assertTrue(c.data().augmentation().flip());
        assertEquals("x", c.name());
    }

    @Test
    void rejectsUnknownKeysNamingTheField() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("training.momentum=0.9")));
        assertEquals("training.momentum", e.errors().get(0).path());
        assertTrue(e.errors().get(0).reason().contains("unknown field"));
    }

    @Test
    void rejectsWrongTypesAndOutOfRangeValuesWithReasons() {
        String json = ConfigCodec.toJson(ConfigCodec.defaults())
                .replace("\"batchSize\" : 32", "\"batchSize\" : \"big\"")
                .replace("\"learningRate\" : 0.001", "\"learningRate\" : -1")
                .replace("\"activation\" : \"relu\"", "\"activation\" : \"swish\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.parse(json));
        List<String> paths = e.errors().stream().map(ConfigError::path).toList();
        assertTrue(paths.contains("training.batchSize"), paths.toString());
        assertTrue(paths.contains("training.learningRate"), paths.toString());
        assertTrue(paths.contains("model.layers[0].activation"), paths.toString());
        assertTrue(e.getMessage().contains("must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("must be greater than 0"), e.getMessage());
    }

    @Test
    void rejectsMissingFieldsAndMalformedJson() {
        String missing = ConfigCodec.toJson(ConfigCodec.defaults()).replace("\"epochs\" : 10,", "");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.parse(missing));
        assertEquals("training.epochs", e.errors().get(0).path());
        assertEquals("missing field", e.errors().get(0).reason());

        ConfigException malformed = assertThrows(ConfigException.class, () -> ConfigCodec.parse("{\"name\": \"x\",,}"));
        assertTrue(malformed.getMessage().contains("malformed JSON at line 1"), malformed.getMessage());
    }

    @Test
    void rejectsLayerFieldsThatDoNotBelongToTheLayerType() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("model.layers[1]={\"type\":\"pool\",\"size\":2,\"units\":10}")));
        assertEquals("model.layers[1].units", e.errors().get(0).path());
        assertTrue(e.errors().get(0).reason().contains("not used by a pool layer"), e.getMessage());
    }

    @Test
    void rejectsLayerStacksThatShrinkTheImageBelowOnePixel() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("data.imageSize=8")));
        assertEquals("model.layers[3]", e.errors().get(0).path());
        assertTrue(e.errors().get(0).reason().contains("too small"), e.getMessage());
    }

    @Test
    void valuesApplyAsTypedValuesWithoutATextRoundTrip() throws Exception {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(); // applied in order
        values.put(ConfigPaths.LAYERS, List.of(LayerSpec.dense(8, Activation.TANH)));
        values.put(ConfigPaths.LEARNING_RATE, 3e-4);
        values.put(ConfigPaths.BALANCE, Balance.OVERSAMPLE);
        values.put(ConfigPaths.layer(0, "units"), 12);
        ExperimentConfig c = ConfigCodec.withValues(ConfigCodec.defaults(), values);
        assertEquals(List.of(LayerSpec.dense(12, Activation.TANH)), c.model().layers());
        assertEquals(3e-4, c.training().learningRate());
        assertEquals(Balance.OVERSAMPLE, c.data().balance());
    }
}
