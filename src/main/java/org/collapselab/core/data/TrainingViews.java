package org.collapselab.core.data;

import org.collapselab.core.model.DataConfig;

/**
 * The images a run trains on and the images it is validated on: a separate validation set when the config names
 * one ({@code data.validationPath}), else a stratified, seeded split of the data. The GUI, the CLI and the diagnostics
 * all split through here, so the same config splits the same way everywhere. With {@code data.dropDuplicates} the
 * copies {@link DuplicateImages} finds leave the split.
 */
public record TrainingViews(DataView train, DataView validation) {
    public static TrainingViews of(DataConfig config, ImageDataset data, ImageDataset validationOrNull) {
        TrainingViews views;
        if (validationOrNull != null) {
            views = new TrainingViews(new DataView(data, Split.all(data.count()).train()),
                    new DataView(validationOrNull, Split.all(validationOrNull.count()).train()));
        } else {
            Split split = Split.stratified(data.labels(), data.classCount(), config.validationFraction(), config.seed());
            views = new TrainingViews(new DataView(data, split.train()), new DataView(data, split.validation()));
        }
        return config.dropDuplicates() ? withoutCopies(views, data, validationOrNull) : views;
    }

    /** The views less the copies {@link DuplicateImages#toLeaveOut} names (data.dropDuplicates). */
    private static TrainingViews withoutCopies(TrainingViews views, ImageDataset data, ImageDataset validationOrNull) {
        int n = data.count();
        int total = n + (validationOrNull == null ? 0 : validationOrNull.count());
        // Validation images of a separate folder follow the data's in the matches' index space.
        int offset = validationOrNull == null ? 0 : n;
        boolean[] inTraining = new boolean[total];
        for (int i : views.train().indices()) {
            inTraining[i] = true;
        }
        boolean[] leaveOut = DuplicateImages.toLeaveOut(DuplicateImages.find(data, validationOrNull), total,
                i -> inTraining[i], i -> i < n ? data.label(i) : validationOrNull.label(i - n));
        int[] train = java.util.Arrays.stream(views.train().indices()).filter(i -> !leaveOut[i]).toArray();
        int[] validation = java.util.Arrays.stream(views.validation().indices())
                .filter(i -> !leaveOut[i + offset]).toArray();
        return new TrainingViews(new DataView(views.train().dataset(), train),
                new DataView(views.validation().dataset(), validation));
    }
}
