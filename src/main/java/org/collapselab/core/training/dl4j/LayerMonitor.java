package org.collapselab.core.training.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples per-layer health at the iterations the epoch loop picks: raw gradient norms (gradient hook),
 * update:parameter ratios (iteration hook, where DL4J's gradient holds the applied updates), and
 * activation statistics from a forward pass of a fixed probe batch. DL4J's arrays live in reused
 * workspaces, so everything is reduced to numbers inside the hook. Training thread only.
 */
final class LayerMonitor extends BaseTrainingListener {
    private final MultiLayerNetwork network;
    private final INDArray probe;
    private final List<String> names = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final double[] gradientNorms;
    private final double[] updateRatios;
    private boolean sampling;

    LayerMonitor(MultiLayerNetwork network, ModelConfig model, INDArray probe) {
        this.network = network;
        this.probe = probe;
        for (LayerSpec layer : model.layers()) {
            names.add(layer.describe());
            activations.add(layer.activation());
        }
        names.add("output " + model.outputActivation());
        activations.add(null);
        gradientNorms = new double[names.size()];
        updateRatios = new double[names.size()];
    }

    /** Call before each fit, saying whether this iteration is sampled. */
    void beginIteration(boolean sampled) {
        sampling = sampled;
        java.util.Arrays.fill(gradientNorms, Double.NaN);
        java.util.Arrays.fill(updateRatios, Double.NaN);
    }

    boolean sampling() {
        return sampling;
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!sampling) {
            return;
        }
        Gradient gradient = model.gradient();
        for (int i = 0; i < names.size(); i++) {
            INDArray g = gradient.gradientForVariable().get(i + "_W");
            if (g != null) {
                gradientNorms[i] = g.norm2Number().doubleValue();
            }
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (!sampling) {
            return;
        }
        Gradient updates = model.gradient();
        if (updates == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            INDArray update = updates.gradientForVariable().get(i + "_W");
            // Only layers with weights have an update; asking a pooling layer for "W" throws.
            INDArray weights = update == null ? null : network.getLayer(i).getParam("W");
            if (weights != null) {
                double paramNorm = weights.norm2Number().doubleValue();
                updateRatios[i] = paramNorm == 0 ? Double.POSITIVE_INFINITY : update.norm2Number().doubleValue() / paramNorm;
            }
        }
    }

    /** After the fit of a sampled iteration: probe activations and assemble the sample. */
    LayerStatistics collect(long iteration, int epoch) {
        List<INDArray> outputs = network.feedForward(probe, false);
        List<LayerSample> samples = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            INDArray out = outputs.get(i + 1);
            INDArray flat = out.reshape(out.size(0), out.length() / out.size(0));
            double[] meanAndStd = org.collapselab.core.training.ActivationStats.meanAndStd(flat);
            double mean = meanAndStd[0];
            double std = meanAndStd[1];
            Activation activation = activations.get(i);
            double dead = Double.NaN;
            double saturated = Double.NaN;
            if (activation == Activation.RELU || activation == Activation.LEAKYRELU) {
                // A conv filter is dead when it outputs zero at every position of every probe image (or series step:
                // rank 3 is a conv1d's [n, channels, length]).
                INDArray unitMax = out.rank() == 4 ? out.max(0, 2, 3) : out.rank() == 3 ? out.max(0, 2) : flat.max(0);
                dead = unitMax.lte(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
            } else if (activation == Activation.SIGMOID) {
                double low = flat.lt(0.01).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
                double high = flat.gt(0.99).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
                saturated = low + high;
            } else if (activation == Activation.TANH) {
                saturated = org.nd4j.linalg.ops.transforms.Transforms.abs(flat).gt(0.99)
                        .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
            }
            samples.add(new LayerSample(i, LayerSample.name(i, names.get(i)), updateRatios[i], gradientNorms[i], mean, std, dead,
                    saturated));
        }
        return new LayerStatistics(iteration, epoch, samples);
    }
}
