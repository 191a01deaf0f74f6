package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names an undo menu gives to config changes. */
class ConfigChangesTest {
    private final ObjectNode defaults = ConfigCodec.toTree(ConfigCodec.defaults());

    @Test
    void oneFieldReadsAsPathOldToNew() throws ConfigException {
        ObjectNode fixed = ConfigCodec.toTree(ConfigCodec.withValues(ConfigCodec.defaults(),
                Map.of(ConfigPaths.BALANCE, "class-weights")));
        assertEquals(List.of("data.balance none → class-weights"), ConfigChanges.between(defaults, fixed));
        assertEquals("data.balance none → class-weights", ConfigChanges.summary(defaults, fixed));
        assertEquals("", ConfigChanges.summary(defaults, defaults.deepCopy()));
    }

    @Test
    void anAddedOrRemovedLayerIsNamedByItsPlaceCountedFromOne() {
        ObjectNode added = defaults.deepCopy();
        ArrayNode layers = (ArrayNode) added.get("model").get("layers");
        layers.insert(4, layers.objectNode().put("type", "dropout").put("rate", 0.25));
        assertEquals(List.of("layer 5 added (dropout 0.25)"), ConfigChanges.between(defaults, added));
        assertEquals(List.of("layer 5 removed (dropout 0.25)"), ConfigChanges.between(added, defaults));
    }

    @Test
    void aLayerFieldAndATypedBlankReadAsSuch() {
        ObjectNode edited = defaults.deepCopy();
        ((ObjectNode) edited.get("model").get("layers").get(2)).put("kernel", 5);
        ((ObjectNode) edited.get("training")).putNull("batchSize");
        assertEquals(List.of("layer 3 kernel 3 → 5", "training.batchSize 32 → empty"),
                ConfigChanges.between(defaults, edited));
    }

    @Test
    void manyChangesAreSummedUpAfterTheFirstTwo() {
        ObjectNode edited = defaults.deepCopy();
        ((ObjectNode) edited.get("training")).put("epochs", 20).put("batchSize", 64).put("l2", 0.001)
                .put("learningRate", 0.01);
        assertEquals("training.learningRate 0.001 → 0.01, training.batchSize 32 → 64 and 2 more",
                ConfigChanges.summary(defaults, edited));
    }

    @Test
    void aWholeNumberWrittenAsDecimalIsNoChange() {
        ObjectNode edited = defaults.deepCopy();
        ((ObjectNode) edited.get("training")).put("epochs", 10.0);
        assertEquals(List.of(), ConfigChanges.between(defaults, edited));
    }
}
