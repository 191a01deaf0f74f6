package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataKindSwitchTest {
    private static final ExperimentConfig IMAGES = ConfigCodec.defaults();

    @Test
    void imagesToCsvTakesTheKindsReferenceLayersAndStandardizesButKeepsTheTrainingSettings() throws Exception {
        ExperimentConfig tuned = ConfigCodec.withOverrides(IMAGES, List.of("training.learningRate=0.05",
                "data.balance=class-weights", "training.epochs=7"));
        ExperimentConfig sequence = DataKindSwitch.adapt(tuned, DataKind.SEQUENCE, "label");
        assertEquals(DataKind.SEQUENCE, sequence.data().kind());
        assertEquals("label", sequence.data().labelColumn());
        assertEquals(ConfigCodec.referenceLayers(DataKind.SEQUENCE), sequence.model().layers());
        assertEquals(Normalization.STANDARDIZE, sequence.data().normalization());
        assertEquals(tuned.training(), sequence.training());
        assertEquals(Balance.CLASS_WEIGHTS, sequence.data().balance());
        assertEquals(List.of(), ConfigValidator.validateShapes(sequence), "the result trains");
    }

    @Test
    void layersThatFitTheNewKindStay() throws Exception {
        ExperimentConfig tabular = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.TABULAR), List.of(
                "model.layers=[{\"type\":\"dense\",\"units\":8,\"activation\":\"tanh\"}]", "data.normalization=none"));
        ExperimentConfig other = DataKindSwitch.adapt(tabular, DataKind.TABULAR, "churn");
        assertEquals(tabular.model().layers(), other.model().layers());
        assertEquals(Normalization.NONE, other.data().normalization(), "a chosen normalization is not overridden");
        assertEquals("churn", other.data().labelColumn());
    }

    @Test
    void tabularToSequenceReplacesTheDenseReference() {
        ExperimentConfig sequence = DataKindSwitch.adapt(ConfigCodec.defaults(DataKind.TABULAR), DataKind.SEQUENCE, null);
        assertEquals(ConfigCodec.referenceLayers(DataKind.SEQUENCE), sequence.model().layers());
    }

    @Test
    void backToImagesRestoresTheReferenceCnnAndScaling() {
        ExperimentConfig images = DataKindSwitch.adapt(ConfigCodec.defaults(DataKind.TABULAR), DataKind.IMAGES, null);
        assertEquals(IMAGES.model().layers(), images.model().layers(),
                "dense 64 → dense 32 would be valid on images, but it is the tabular reference, not a choice");
        assertEquals(Normalization.SCALE, images.data().normalization());
    }

    @Test
    void nothingToChangeGivesTheSameConfig() {
        ExperimentConfig tabular = DataKindSwitch.adapt(IMAGES, DataKind.TABULAR, null);
        assertSame(tabular, DataKindSwitch.adapt(tabular, DataKind.TABULAR, null));
    }
}
