package org.collapselab.core.model;

/**
 * How the data becomes tensors: what kind of data it is, size, channels, split, normalization, balancing and
 * augmentation. Image fields are ignored for CSV data and CSV fields ({@code labelColumn}, {@code missing},
 * {@code sequenceChannels}) for images. Configs written before CSV support lack the CSV fields; they read as
 * images, the label column found by name, rows with empty cells dropped, and one channel.
 * {@code dropDuplicates} (images) takes copies out of the split: training keeps one of each, validation loses
 * those that are in training.
 */
public record DataConfig(int imageSize, int channels, double validationFraction, String validationPath, long seed,
                         Normalization normalization, Balance balance, AugmentationConfig augmentation,
                         DataKind kind, String labelColumn, MissingValues missing, int sequenceChannels,
                         int folds, boolean dropDuplicates) {

    public DataConfig {
        kind = kind == null ? DataKind.IMAGES : kind;
        missing = missing == null ? MissingValues.DROP : missing;
        sequenceChannels = sequenceChannels < 1 ? 1 : sequenceChannels;
        // Configs written before k-fold runs lack the field: one fold, the ordinary split.
        folds = folds < 1 ? 1 : folds;
        labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn;
    }

    /** An image data config. */
    public DataConfig(int imageSize, int channels, double validationFraction, String validationPath, long seed,
                      Normalization normalization, Balance balance, AugmentationConfig augmentation) {
        this(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, augmentation,
                DataKind.IMAGES, null, MissingValues.DROP, 1, 1, false);
    }

    public DataConfig withImageSize(int value) {
        return new DataConfig(value, channels, validationFraction, validationPath, seed, normalization, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withChannels(int value) {
        return new DataConfig(imageSize, value, validationFraction, validationPath, seed, normalization, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withSeed(long value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, value, normalization, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withNormalization(Normalization value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, value, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withBalance(Balance value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, value, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withAugmentation(AugmentationConfig value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, value,
                kind, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    public DataConfig withKind(DataKind value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, augmentation,
                value, labelColumn, missing, sequenceChannels, folds, dropDuplicates);
    }

    /** With {@code value} folds: 1 is the ordinary split; k ≥ 2 trains k runs on stratified folds (cross-validation). */
    public DataConfig withFolds(int value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, value, dropDuplicates);
    }

    public DataConfig withDropDuplicates(boolean value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, augmentation,
                kind, labelColumn, missing, sequenceChannels, folds, value);
    }
}
