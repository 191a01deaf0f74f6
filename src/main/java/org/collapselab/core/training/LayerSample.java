package org.collapselab.core.training;

/**
 * Health numbers of one layer at one sampled iteration, reduced from DL4J's workspace arrays at once.
 *
 * @param updateRatio        ‖update‖ / ‖parameters‖ for the layer's weights (NaN for layers without weights)
 * @param gradientNorm       L2 norm of the raw weight gradient
 * @param activationMean     mean activation on the fixed probe batch
 * @param activationStd      standard deviation of the activation on the probe batch
 * @param deadFraction       for ReLU-family layers, share of units (conv layers: filters) that output zero for every
 *                           probe example
 * @param saturatedFraction  for sigmoid/tanh layers, share of activations within 1% of the asymptotes
 */
public record LayerSample(int layer, String name, double updateRatio, double gradientNorm, double activationMean,
                          double activationStd, double deadFraction, double saturatedFraction) {

    /**
     * The name findings and charts show: {@code "layer 5: dense 128 relu"}, counted from 1 as on the Model screen
     * (the output layer follows the hidden layers).
     */
    public static String name(int layer, String description) {
        return org.collapselab.core.model.ConfigPaths.layerName(layer) + ": " + description;
    }
}
