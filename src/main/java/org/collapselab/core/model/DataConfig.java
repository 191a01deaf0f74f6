package org.collapselab.core.model;

/** How images become tensors: size, channels, split, normalization, balancing and augmentation. */
public record DataConfig(int imageSize, int channels, double validationFraction, String validationPath, long seed,
                         Normalization normalization, Balance balance, AugmentationConfig augmentation) {

    public DataConfig withImageSize(int value) {
        return new DataConfig(value, channels, validationFraction, validationPath, seed, normalization, balance, augmentation);
    }

    public DataConfig withChannels(int value) {
        return new DataConfig(imageSize, value, validationFraction, validationPath, seed, normalization, balance, augmentation);
    }

    public DataConfig withSeed(long value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, value, normalization, balance, augmentation);
    }

    public DataConfig withNormalization(Normalization value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, value, balance, augmentation);
    }

    public DataConfig withBalance(Balance value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, value, augmentation);
    }

    public DataConfig withAugmentation(AugmentationConfig value) {
        return new DataConfig(imageSize, channels, validationFraction, validationPath, seed, normalization, balance, value);
    }
}
