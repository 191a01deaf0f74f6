package org.collapselab.core.model;

/** Optimisation settings. {@code earlyStoppingPatience} 0 means off. */
public record TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, int epochs, double l2,
                             int earlyStoppingPatience, Device device) {

    public TrainingConfig withOptimizer(Optimizer value) {
        return new TrainingConfig(value, learningRate, batchSize, epochs, l2, earlyStoppingPatience, device);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(optimizer, value, batchSize, epochs, l2, earlyStoppingPatience, device);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, learningRate, value, epochs, l2, earlyStoppingPatience, device);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, value, l2, earlyStoppingPatience, device);
    }

    public TrainingConfig withL2(double value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, value, earlyStoppingPatience, device);
    }

    public TrainingConfig withEarlyStoppingPatience(int value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, l2, value, device);
    }
}
