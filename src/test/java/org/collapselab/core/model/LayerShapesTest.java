package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerShapesTest {

    @Test
    void theReferenceNetworkShrinksAsWorkedOutByHand() {
        // 64 → conv 3 → 62 → pool 2 → 31 → conv 3 → 29 → pool 2 → 14 → dense 128
        List<LayerShapes.Shape> shapes = LayerShapes.of(ConfigCodec.defaults());
        assertEquals(List.of(64, 62, 31, 29, 14, 14), shapes.stream().map(LayerShapes.Shape::side).toList());
        assertEquals(List.of(3, 32, 32, 64, 64, 64), shapes.stream().map(LayerShapes.Shape::channels).toList());
        assertEquals(14 * 14 * 64, shapes.get(4).values());
        assertFalse(shapes.get(4).isFlat());
        assertTrue(shapes.get(5).isFlat());
        assertEquals(128, shapes.get(5).values());
    }

    @Test
    void strideAndDropoutAndBatchNorm() {
        List<LayerSpec> layers = List.of(new LayerSpec(LayerType.CONV, 8, 5, 2, null, null, null, Activation.RELU),
                LayerSpec.batchNorm(), LayerSpec.dense(10, Activation.RELU), LayerSpec.dropout(0.5));
        List<LayerShapes.Shape> shapes = LayerShapes.of(28, 1, layers);
        assertEquals(12, shapes.get(1).side(), "(28 − 5) / 2 + 1");
        assertEquals(shapes.get(1), shapes.get(2), "batch norm keeps the shape");
        assertEquals(10, shapes.get(4).values(), "dropout keeps the dense width");
    }

    @Test
    void theModelSummaryCountsTheReferenceNetworksParameters() {
        // conv 3·3·3·32+32, conv 3·3·32·64+64, dense 14·14·64·128+128, output 128·3+3
        long expected = 896 + 18_496 + 1_605_760 + 387;
        assertEquals(expected, ModelSummary.of(ConfigCodec.defaults(), 3).parameterCount());
    }

    @Test
    void aWindowLargerThanTheMapIsReportedAtItsLayer() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigCodec.withValues(ConfigCodec.defaults(), java.util.Map.of(ConfigPaths.IMAGE_SIZE, 7)));
        // 7 → conv 3 → 5 → pool 2 → 2: the second 3×3 conv does not fit
        assertEquals(ConfigPaths.layer(2), e.errors().get(0).path());
    }
}
