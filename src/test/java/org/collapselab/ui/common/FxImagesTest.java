package org.collapselab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.Normalization;
import org.junit.jupiter.api.Test;

class FxImagesTest {
    @Test
    void invertsEveryNormalizationBackToPixelValues() {
        Normalizer scale = new Normalizer(Normalization.SCALE, new double[]{0}, new double[]{1});
        Normalizer none = new Normalizer(Normalization.NONE, new double[]{0}, new double[]{1});
        Normalizer standardize = new Normalizer(Normalization.STANDARDIZE, new double[]{0.5}, new double[]{0.25});
        for (int v : new int[]{0, 17, 128, 255}) {
            assertEquals(v, FxImages.toByte(scale.lookupTables()[0][v], scale, 0));
            assertEquals(v, FxImages.toByte(none.lookupTables()[0][v], none, 0));
            assertEquals(v, FxImages.toByte(standardize.lookupTables()[0][v], standardize, 0));
        }
    }

    @Test
    void clipsValuesOutsideThePixelRange() {
        Normalizer none = new Normalizer(Normalization.NONE, new double[]{0}, new double[]{1});
        assertEquals(0, FxImages.toByte(-40f, none, 0));
        assertEquals(255, FxImages.toByte(300f, none, 0));
    }
}
