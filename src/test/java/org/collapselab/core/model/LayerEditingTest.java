package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the layer editor needs from the core: one numbering, valid insertion points, layer types per data kind. */
class LayerEditingTest {

    @Test
    void errorsCountLayersFromOneAndStillNameTheJsonPath() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("model.layers[4].units=0")));
        ConfigError error = e.errors().get(0);
        assertEquals("model.layers[4].units", error.path(), "the machine path stays as in the file");
        assertEquals("layer 5, units (model.layers[4].units): must be between 1 and 65536, got 0", error.toString());
        assertEquals("layer 5 (model.layers[4])", ConfigPaths.forUser("model.layers[4]"));
        assertEquals("training.l2", ConfigPaths.forUser("training.l2"));
        assertEquals(4, ConfigPaths.layerIndex("model.layers[4].units"));
        assertEquals(-1, ConfigPaths.layerIndex("model.layers"));
        assertEquals("model.layers[0].activation=leakyrelu (layer 1)",
                ConfigPaths.assignmentForUser("model.layers[0].activation", "leakyrelu"));
        assertEquals("data.balance=class-weights", ConfigPaths.assignmentForUser("data.balance", "class-weights"));
    }

    @Test
    void aDenseLayerAddedAfterTheFirstConvGoesAfterTheLastPoolWhereTheNetworkStaysValid() {
        ExperimentConfig defaults = ConfigCodec.defaults(); // conv, pool, conv, pool, dense
        LayerSpec dense = LayerSpec.dense(64, Activation.RELU);
        assertTrue(!ConfigValidator.validateShapes(inserted(defaults, 1, dense)).isEmpty(),
                "right after the conv, the pool would follow a dense layer");
        int at = ConfigValidator.insertionPoint(defaults, dense, 1, 0);
        assertEquals(4, at, "the first valid index after the selection: after the last pool");
        assertTrue(ConfigValidator.validateShapes(inserted(defaults, at, dense)).isEmpty());
    }

    @Test
    void aConvAddedAfterTheDenseLayerGoesBeforeIt() {
        ExperimentConfig defaults = ConfigCodec.defaults();
        LayerSpec conv = LayerSpec.conv(8, 3, Activation.RELU);
        assertEquals(4, ConfigValidator.insertionPoint(defaults, conv, 5, 0));
    }

    @Test
    void aLayerThatFitsNowhereKeepsThePreferredPlaceAndTheErrorShowsThere() {
        ExperimentConfig tiny = ConfigCodec.defaults().withData(ConfigCodec.defaults().data().withImageSize(4))
                .withModel(ConfigCodec.defaults().model().withLayers(List.of()));
        LayerSpec wide = LayerSpec.conv(8, 5, Activation.RELU); // a 5×5 window on a 4×4 image
        assertEquals(0, ConfigValidator.insertionPoint(tiny, wide, 0, 0));
    }

    @Test
    void eachDataKindOffersTheLayerTypesItsNetworksUse() {
        assertEquals(List.of(LayerType.CONV, LayerType.POOL, LayerType.DENSE, LayerType.DROPOUT, LayerType.BATCHNORM),
                LayerType.forKind(DataKind.IMAGES));
        assertEquals(List.of(LayerType.CONV1D, LayerType.POOL1D, LayerType.GLOBALPOOL, LayerType.DENSE, LayerType.DROPOUT),
                LayerType.forKind(DataKind.SEQUENCE));
        assertEquals(List.of(LayerType.DENSE, LayerType.DROPOUT), LayerType.forKind(DataKind.TABULAR));
        for (DataKind kind : DataKind.values()) {
            for (LayerType type : ConfigCodec.referenceLayers(kind).stream().map(LayerSpec::type).toList()) {
                assertTrue(LayerType.forKind(kind).contains(type), kind + " offers its reference layers' " + type);
            }
        }
    }

    @Test
    void aSequenceOfKnownLengthNamesTheLayerThatLeavesNoTimeStep() {
        ExperimentConfig sequence = ConfigCodec.defaults(DataKind.SEQUENCE); // conv1d k5, pool1d 2, conv1d k5, ...
        assertTrue(ConfigValidator.validateShapes(sequence, 0).isEmpty(), "length unknown: only the structure is checked");
        assertTrue(ConfigValidator.validateShapes(sequence, 100).isEmpty());
        List<ConfigError> errors = ConfigValidator.validateShapes(sequence, 10); // 10 → 6 → 3, too short for k5
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("model.layers[2]", errors.get(0).path());
        assertTrue(errors.get(0).toString().startsWith("layer 3 (model.layers[2]): the series is 3 time steps long here"),
                errors.get(0).toString());
    }

    @Test
    void aSequenceDenseLayerIsPlacedAfterTheGlobalPool() {
        ExperimentConfig sequence = ConfigCodec.defaults(DataKind.SEQUENCE); // conv1d, pool1d, conv1d, globalpool, dense
        assertEquals(4, ConfigValidator.insertionPoint(sequence, LayerSpec.dense(16, Activation.RELU), 1, 100));
        assertEquals(1, ConfigValidator.insertionPoint(sequence, LayerSpec.pool1d(2), 1, 100));
    }

    private static ExperimentConfig inserted(ExperimentConfig config, int at, LayerSpec layer) {
        List<LayerSpec> layers = new ArrayList<>(config.model().layers());
        layers.add(at, layer);
        return config.withModel(config.model().withLayers(layers));
    }
}
