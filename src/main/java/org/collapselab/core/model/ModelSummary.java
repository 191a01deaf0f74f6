package org.collapselab.core.model;

/**
 * Parameter count and a memory estimate of a config's network, computed from the layer shapes
 * without building it (so the model screen can update as the user types). Pure.
 *
 * @param parameterCount trainable parameters
 * @param activationValues values produced by all layers for one image (forward pass)
 */
public record ModelSummary(long parameterCount, long activationValues, int inputValues) {

    public static ModelSummary of(ExperimentConfig config, int classCount) {
        int size = config.data().imageSize();
        int channels = config.data().channels();
        long flat = -1;
        long params = 0;
        long activations = 0;
        for (LayerSpec layer : config.model().layers()) {
            switch (layer.type()) {
                case CONV -> {
                    params += (long) layer.kernel() * layer.kernel() * channels * layer.filters() + layer.filters();
                    size = (size - layer.kernel()) / layer.strideOrDefault() + 1;
                    channels = layer.filters();
                    activations += (long) size * size * channels;
                }
                case POOL -> {
                    size = (size - layer.size()) / layer.size() + 1;
                    activations += (long) size * size * channels;
                }
                case DENSE -> {
                    long in = flat >= 0 ? flat : (long) size * size * channels;
                    params += in * layer.units() + layer.units();
                    flat = layer.units();
                    activations += layer.units();
                }
                case BATCHNORM -> {
                    long width = flat >= 0 ? flat : channels;
                    params += 2 * width;
                    activations += flat >= 0 ? flat : (long) size * size * channels;
                }
                case DROPOUT -> activations += flat >= 0 ? flat : (long) size * size * channels;
            }
        }
        long in = flat >= 0 ? flat : (long) size * size * channels;
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
