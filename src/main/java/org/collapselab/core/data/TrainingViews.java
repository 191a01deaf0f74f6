package org.collapselab.core.data;

import org.collapselab.core.model.DataConfig;

/**
 * The images a run trains on and the images it is validated on: a separate validation set when the config names
 * one ({@code data.validationPath}), else a stratified, seeded split of the data. The GUI, the CLI and the diagnostics
 * all split through here, so the same config splits the same way everywhere.
 */
public record TrainingViews(DataView train, DataView validation) {
    public static TrainingViews of(DataConfig config, ImageDataset data, ImageDataset validationOrNull) {
        if (validationOrNull != null) {
            return new TrainingViews(new DataView(data, Split.all(data.count()).train()),
                    new DataView(validationOrNull, Split.all(validationOrNull.count()).train()));
        }
        Split split = Split.stratified(data.labels(), data.classCount(), config.validationFraction(), config.seed());
        return new TrainingViews(new DataView(data, split.train()), new DataView(data, split.validation()));
    }
}
