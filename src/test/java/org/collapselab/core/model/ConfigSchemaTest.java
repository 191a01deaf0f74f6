package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.collapselab.core.util.Json;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void everyDefaultIsTheValueOfTheDefaultConfig() {
        ObjectNode defaults = ConfigCodec.toTree(ConfigCodec.defaults());
        int compared = 0;
        for (ConfigField field : ConfigSchema.fields()) {
            if (field.type() == ConfigField.Type.OBJECT || field.type() == ConfigField.Type.ARRAY) {
                continue;
            }
            JsonNode actual = at(defaults, field.path());
            assertNotNull(actual, field.path());
            JsonNode expected = field.defaultValue() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                    : Json.MAPPER.valueToTree(field.defaultValue());
            if (field.isNumeric() || field.type() == ConfigField.Type.INT_CHOICE) {
                assertEquals(expected.asDouble(), actual.asDouble(), 0, field.path());
            } else {
                assertEquals(expected, actual, field.path());
            }
            compared++;
        }
        assertEquals(28, compared, "every leaf field has a default (22 before the four CSV fields, data.folds and data.dropDuplicates)");
    }

    @Test
    void everyFieldOfTheDefaultConfigIsInTheSchemaWithAHelpLine() {
        ObjectNode defaults = ConfigCodec.toTree(ConfigCodec.defaults());
        for (String object : ConfigSchema.objectPaths()) {
            JsonNode node = object.isEmpty() ? defaults : at(defaults, object);
            node.fieldNames().forEachRemaining(key -> {
                String path = object.isEmpty() ? key : object + "." + key;
                ConfigField field = ConfigSchema.field(path);
                assertFalse(field.help().isBlank(), path + " has help");
            });
        }
        for (LayerType type : LayerType.values()) {
            ConfigSchema.layerFields(type).values().forEach(f -> assertFalse(f.help().isBlank(), f.path()));
        }
    }

    @Test
    void everyPathConstantNamesASchemaField() throws Exception {
        int constants = 0;
        for (var constant : ConfigPaths.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
                String path = (String) constant.get(null);
                assertTrue(ConfigSchema.find(path).isPresent(), constant.getName() + " = " + path);
                constants++;
            }
        }
        assertEquals(ConfigSchema.fields().size(), constants, "one constant per field");
    }

    @Test
    void theValidatorAcceptsEachNumericLimitAndRejectsJustBeyondIt() throws Exception {
        for (ConfigField field : ConfigSchema.fields()) {
            if (!field.isNumeric() || field.path().equals(ConfigPaths.SEED)) {
                continue;
            }
            boolean integral = field.type() == ConfigField.Type.INTEGER;
            double step = integral ? 1 : field.max() * 1e-3;
            // The image size limit needs a network that fits a 4×4 image.
            ExperimentConfig base = field.path().equals(ConfigPaths.IMAGE_SIZE)
                    ? ConfigCodec.defaults().withModel(ConfigCodec.defaults().model().withLayers(List.of()))
                    : ConfigCodec.defaults();
            for (double limit : new double[]{field.min(), field.max()}) {
                Object value = integral ? (Object) (long) limit : (Object) limit;
                ExperimentConfig atLimit = ConfigCodec.withValues(base, Map.of(field.path(), value));
                assertEquals(limit, at(ConfigCodec.toTree(atLimit), field.path()).asDouble(), 0, field.path());
            }
            Object below = integral ? (Object) (long) (field.min() - step) : (Object) (field.min() - Math.max(step, 1e-9));
            Object above = integral ? (Object) (long) (field.max() + step) : (Object) (field.max() + step);
            for (Object outside : new Object[]{below, above}) {
                ConfigException e = assertThrows(ConfigException.class,
                        () -> ConfigCodec.withValues(base, Map.of(field.path(), outside)), field.path() + "=" + outside);
                assertEquals(field.path(), e.errors().get(0).path());
            }
        }
    }

    @Test
    void anEmptyFieldIsAnErrorThatSaysWhatIsExpected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.withValues(ConfigCodec.defaults(),
                java.util.Collections.singletonMap(ConfigPaths.BATCH_SIZE, null)));
        assertEquals(ConfigPaths.BATCH_SIZE, e.errors().get(0).path());
        assertEquals("is empty; expected a whole number between 1 and 4096", e.errors().get(0).reason());
    }

    @Test
    void layerFieldsComeWithTheDefaultsOfANewLayer() {
        assertEquals(3L, ConfigSchema.layerField(LayerType.CONV, "kernel").defaultValue());
        assertTrue(ConfigSchema.layerField(LayerType.CONV, "stride").optional());
        assertEquals(0.95, ConfigSchema.layerField(LayerType.DROPOUT, "rate").max());
        assertTrue(ConfigSchema.layerFields(LayerType.BATCHNORM).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ConfigSchema.layerField(LayerType.POOL, "units"));
    }

    @Test
    void problemIsNullForAValidValueAndNamesTheRangeOtherwise() {
        ConfigField lr = ConfigSchema.field(ConfigPaths.LEARNING_RATE);
        assertNull(lr.problem(Json.MAPPER.valueToTree(0.01)));
        assertEquals("must be greater than 0, got -1", lr.problem(Json.MAPPER.valueToTree(-1)));
        assertEquals("must be between 1.0E-7 and 10, got 11", lr.problem(Json.MAPPER.valueToTree(11)));
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
