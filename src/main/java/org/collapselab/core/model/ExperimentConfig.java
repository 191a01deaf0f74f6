package org.collapselab.core.model;

/**
 * One experiment: data handling, network and training settings (design §4). Immutable; build
 * variants with the {@code with*} methods or {@link ConfigCodec#withOverrides}.
 */
public record ExperimentConfig(String name, DataConfig data, ModelConfig model, TrainingConfig training) {

    public ExperimentConfig withName(String newName) {
        return new ExperimentConfig(newName, data, model, training);
    }

    public ExperimentConfig withData(DataConfig newData) {
        return new ExperimentConfig(name, newData, model, training);
    }

    public ExperimentConfig withModel(ModelConfig newModel) {
        return new ExperimentConfig(name, data, newModel, training);
    }

    public ExperimentConfig withTraining(TrainingConfig newTraining) {
        return new ExperimentConfig(name, data, model, newTraining);
    }
}
