package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV fields of the data config, the sequence layer types, and which layers fit which kind of data. */
class CsvConfigTest {

    @Test
    void configsWrittenBeforeCsvSupportReadAsImages() throws ConfigException {
        var tree = ConfigCodec.toTree(ConfigCodec.defaults());
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data");
        data.remove(List.of("kind", "labelColumn", "missing", "sequenceChannels"));
        DataConfig read = ConfigCodec.parse(tree.toString()).data();
        assertEquals(DataKind.IMAGES, read.kind());
        assertEquals(MissingValues.DROP, read.missing());
        assertEquals(1, read.sequenceChannels());
        assertNull(read.labelColumn());
    }

    @Test
    void csvFieldsRoundTripAndAreSetFromTheCommandLine() throws ConfigException {
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.SEQUENCE),
                List.of("data.labelColumn=anomaly", "data.missing=mean", "data.sequenceChannels=3"));
        ExperimentConfig back = ConfigCodec.parse(ConfigCodec.toJson(config));
        assertEquals(DataKind.SEQUENCE, back.data().kind());
        assertEquals("anomaly", back.data().labelColumn());
        assertEquals(MissingValues.MEAN, back.data().missing());
        assertEquals(3, back.data().sequenceChannels());
        assertEquals(ConfigCodec.referenceLayers(DataKind.SEQUENCE), back.model().layers());
    }

    @Test
    void badCsvFieldValuesNameTheField() {
        assertRejected(ConfigCodec.defaults(), "data.kind=spreadsheet", "data.kind");
        assertRejected(ConfigCodec.defaults(), "data.missing=zero", "data.missing");
        assertRejected(ConfigCodec.defaults(), "data.sequenceChannels=0", "data.sequenceChannels");
    }

    @Test
    void referenceDefaultsPerKind() {
        assertEquals(List.of(LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(32, Activation.RELU)),
                ConfigCodec.defaults(DataKind.TABULAR).model().layers());
        assertEquals("conv1d 32 k5 relu, max-pool1d 2, conv1d 64 k5 relu, global max-pool, dense 32 relu",
                String.join(", ", ConfigCodec.defaults(DataKind.SEQUENCE).model().layers().stream()
                        .map(LayerSpec::describe).toList()));
        assertEquals(Normalization.STANDARDIZE, ConfigCodec.defaults(DataKind.TABULAR).data().normalization());
        assertEquals(ConfigCodec.defaults(), ConfigCodec.defaults(DataKind.IMAGES));
    }

    @Test
    void sequenceLayersNeedSequenceDataAndImageLayersNeedImages() {
        assertRejected(ConfigCodec.defaults(), "model.layers[0]={\"type\":\"conv1d\",\"filters\":8,\"kernel\":3,"
                + "\"activation\":\"relu\"}", "model.layers[0].type");
        assertRejected(ConfigCodec.defaults(DataKind.SEQUENCE), "model.layers[1]={\"type\":\"pool\",\"size\":2}",
                "model.layers[1].type");
        assertRejected(ConfigCodec.defaults(DataKind.TABULAR), "model.layers[0]={\"type\":\"pool1d\",\"size\":2}",
                "model.layers[0].type");
        // A dense layer before globalpool would run per time step; a series must be pooled before the output layer.
        assertRejected(ConfigCodec.defaults(DataKind.SEQUENCE), "model.layers[3]={\"type\":\"dense\",\"units\":8,"
                + "\"activation\":\"relu\"}", "model.layers[3].type");
        assertRejected(ConfigCodec.defaults(DataKind.SEQUENCE), "model.layers=[{\"type\":\"conv1d\",\"filters\":8,"
                + "\"kernel\":3,\"activation\":\"relu\"}]", "model.layers");
    }

    @Test
    void sequenceShapesShrinkAlongTime() {
        List<LayerSpec> layers = ConfigCodec.referenceLayers(DataKind.SEQUENCE);
        List<LayerShapes.Shape> shapes = LayerShapes.ofSequence(128, 1, layers);
        assertEquals(124, shapes.get(1).side());
        assertEquals(62, shapes.get(2).side());
        assertEquals(58, shapes.get(3).side());
        assertEquals(64, shapes.get(4).flatUnits());
        assertEquals(-1, LayerShapes.firstTooShort(128, 1, layers));
        assertEquals(2, LayerShapes.firstTooShort(8, 1, layers));
    }

    private static void assertRejected(ExperimentConfig base, String assignment, String path) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigCodec.withOverrides(base, List.of(assignment)));
        assertTrue(e.errors().stream().anyMatch(err -> err.path().equals(path)), () -> "expected " + path + " in " + e.errors());
    }
}
