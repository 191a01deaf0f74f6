package org.collapselab.core.model;

import java.util.List;

/**
 * A config made to fit data of another kind, for the GUI when the user opens a CSV file or an image folder: the
 * training settings, balance, split and seed stay; layers that do not fit the new kind, or are the old kind's reference
 * layers, are replaced by the new kind's ({@link ConfigCodec#referenceLayers}), and the image default {@code scale} becomes {@code standardize} for CSV
 * data (and back). Pure.
 */
public final class DataKindSwitch {
    private DataKindSwitch() {
    }

    /**
     * {@code config} for data of {@code kind} whose label is in {@code labelColumn} (null: found by name); the same
     * config when nothing needs to change.
     */
    public static ExperimentConfig adapt(ExperimentConfig config, DataKind kind, String labelColumn) {
        DataConfig data = config.data();
        Normalization normalization = data.normalization();
        if (kind.isTable() && !data.kind().isTable() && normalization == Normalization.SCALE) {
            normalization = Normalization.STANDARDIZE;
        } else if (!kind.isTable() && data.kind().isTable() && normalization == Normalization.STANDARDIZE) {
            normalization = Normalization.SCALE;
        }
        DataConfig adapted = new DataConfig(data.imageSize(), data.channels(), data.validationFraction(),
                data.validationPath(), data.seed(), normalization, data.balance(), data.augmentation(), kind,
                kind.isTable() ? labelColumn : data.labelColumn(), data.missing(), data.sequenceChannels(),
                data.folds(), data.dropDuplicates());
        ExperimentConfig withData = config.withData(adapted);
        List<LayerSpec> layers = config.model().layers();
        boolean referenceOfOldKind = data.kind() != kind && layers.equals(ConfigCodec.referenceLayers(data.kind()));
        if (referenceOfOldKind || !ConfigValidator.validateShapes(withData).isEmpty()) {
            layers = ConfigCodec.referenceLayers(kind);
        }
        ExperimentConfig result = withData.withModel(config.model().withLayers(layers));
        return result.equals(config) ? config : result;
    }
}
