package org.collapselab.core.model;

import java.util.List;

/** The network: hidden layers in order, then the output layer's activation, the loss and the weight init. */
public record ModelConfig(List<LayerSpec> layers, OutputActivation outputActivation, LossFunction loss,
                          WeightInit weightInit) {
    public ModelConfig {
        layers = List.copyOf(layers);
    }

    public ModelConfig withLayers(List<LayerSpec> value) {
        return new ModelConfig(value, outputActivation, loss, weightInit);
    }

    public ModelConfig withOutputActivation(OutputActivation value) {
        return new ModelConfig(layers, value, loss, weightInit);
    }

    public ModelConfig withLoss(LossFunction value) {
        return new ModelConfig(layers, outputActivation, value, weightInit);
    }

    public ModelConfig withWeightInit(WeightInit value) {
        return new ModelConfig(layers, outputActivation, loss, value);
    }
}
