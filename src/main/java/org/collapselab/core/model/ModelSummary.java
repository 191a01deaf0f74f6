package org.collapselab.core.model;

import java.util.List;

/**
 * Parameter count and a memory estimate of a config's network, computed from the layer shapes
 * without building it (so the model screen can update as the user types). Pure.
 *
 * @param parameterCount trainable parameters
 * @param activationValues values produced by all layers for one image (forward pass)
 */
public record ModelSummary(long parameterCount, long activationValues, int inputValues) {

    public static ModelSummary of(ExperimentConfig config, int classCount) {
        List<LayerSpec> layers = config.model().layers();
        List<LayerShapes.Shape> shapes = LayerShapes.of(config);
        long params = 0;
        long activations = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            LayerShapes.Shape in = shapes.get(i);
            LayerShapes.Shape out = shapes.get(i + 1);
            switch (layer.type()) {
                case CONV -> {
                    params += (long) layer.kernel() * layer.kernel() * in.channels() * layer.filters() + layer.filters();
                    activations += out.spatialValues();
                }
                case POOL -> activations += out.spatialValues();
                case DENSE -> {
                    params += in.values() * layer.units() + layer.units();
                    activations += layer.units();
                }
                case BATCHNORM -> {
                    params += 2 * (in.isFlat() ? in.flatUnits() : in.channels());
                    activations += in.values();
                }
                case DROPOUT -> activations += in.values();
            }
        }
        long in = shapes.get(shapes.size() - 1).values();
        int outputs = OutputUnits.count(config.model(), classCount);
        params += in * outputs + outputs;
        activations += outputs;
        return new ModelSummary(params, activations,
                config.data().imageSize() * config.data().imageSize() * config.data().channels());
    }

    /**
     * Estimated bytes for training at {@code batchSize}: parameters, gradients and two Adam moments
     * (4 copies), plus activations and their gradients for the batch, in float32, plus 30% workspace slack.
     */
    public long trainingBytes(int batchSize) {
        long values = 4 * parameterCount + 2L * batchSize * (activationValues + inputValues);
        return (long) (values * 4 * 1.3);
    }
}
