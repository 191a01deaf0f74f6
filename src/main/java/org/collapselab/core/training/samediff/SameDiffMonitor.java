package org.collapselab.core.training.samediff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.Activation;
import org.collapselab.core.training.EpochLoop;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The SameDiff engine's training listener: reports each step's loss to the epoch loop (the loss variable is requested,
 * else SameDiff reports 0), and on sampled steps reduces raw weight gradients ({@code opExecution}) and applied
 * updates ({@code preUpdate}) to norms at once, since the arrays are reused. Activation statistics come from a
 * separate inference pass over a fixed probe batch, taken between steps by {@link #collect}. Produces the same
 * {@link LayerSample} fields as the MultiLayerNetwork monitor. Training thread only.
 */
final class SameDiffMonitor extends BaseListener {
    private final SameDiffGraph graph;
    private final INDArray probe;
    private final Map<String, Integer> gradientLayer = new HashMap<>();
    private final Map<String, Integer> weightLayer = new HashMap<>();
    private final double[] gradientNorms;
    private final double[] updateRatios;
    private EpochLoop.StepObserver steps;
    private boolean sampling;
    private double stepLoss = Double.NaN;
    private boolean stepLossSeen;

    SameDiffMonitor(SameDiffGraph graph, INDArray probe) {
        this.graph = graph;
        this.probe = probe;
        int n = graph.layers.size();
        gradientNorms = new double[n];
        updateRatios = new double[n];
        GradientFunction.create(graph.sd);
        for (int i = 0; i < n; i++) {
            String weights = graph.layers.get(i).weights();
            if (weights != null) {
                weightLayer.put(weights, i);
                SDVariable gradient = graph.sd.getVariable(weights).gradient();
                if (gradient != null) {
                    gradientLayer.put(gradient.name(), i);
                }
            }
        }
    }

    void steps(EpochLoop.StepObserver value) {
        steps = value;
    }

    void beginIteration(boolean sampled) {
        sampling = sampled;
        Arrays.fill(gradientNorms, Double.NaN);
        Arrays.fill(updateRatios, Double.NaN);
        stepLossSeen = false;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(SameDiffGraph.LOSS).build();
    }

    @Override
    public void opExecution(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch, SameDiffOp op,
                            OpContext context, INDArray[] outputs) {
        List<String> names = op.getOutputsOfOp();
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size() && i < outputs.length; i++) {
            String name = names.get(i);
            if (SameDiffGraph.LOSS.equals(name)) {
                stepLoss = outputs[i].getDouble(0);
                stepLossSeen = true;
            } else if (sampling) {
                Integer layer = gradientLayer.get(name);
                if (layer != null) {
                    gradientNorms[layer] = outputs[i].norm2Number().doubleValue();
                }
            }
        }
    }

    @Override
    public void preUpdate(SameDiff sd, At at, Variable v, INDArray update) {
        if (!sampling) {
            return;
        }
        Integer layer = weightLayer.get(v.getName());
        if (layer != null) {
            double paramNorm = v.getVariable().getArr().norm2Number().doubleValue();
            updateRatios[layer] = paramNorm == 0 ? Double.POSITIVE_INFINITY : update.norm2Number().doubleValue() / paramNorm;
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch, Loss loss) {
        double value = stepLossSeen ? stepLoss : loss == null ? Double.NaN : loss.totalLoss();
        if (steps != null) {
            steps.step(value);
        }
    }

    /** Probe activations (inference path) plus the gradients and updates captured in the sampled step. */
    LayerStatistics collect(long iteration, int epoch) {
        List<SameDiffGraph.LayerInfo> layers = graph.layers;
        List<String> wanted = layers.stream().map(SameDiffGraph.LayerInfo::output).distinct().toList();
        Map<String, INDArray> outputs = graph.sd.output(Map.of(SameDiffGraph.INPUT, probe), wanted.toArray(String[]::new));
        List<LayerSample> samples = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            SameDiffGraph.LayerInfo info = layers.get(i);
            INDArray out = outputs.get(info.output());
            INDArray flat = out.reshape(out.size(0), out.length() / out.size(0));
            double[] meanAndStd = org.collapselab.core.training.ActivationStats.meanAndStd(flat);
            double mean = meanAndStd[0];
            double std = meanAndStd[1];
            Activation activation = info.activation();
            double dead = Double.NaN;
            double saturated = Double.NaN;
            if (activation == Activation.RELU || activation == Activation.LEAKYRELU) {
                // NHWC: a conv filter is dead when it outputs zero at every position of every probe image.
                INDArray unitMax = out.rank() == 4 ? out.max(0, 1, 2) : flat.max(0);
                dead = unitMax.lte(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
            } else if (activation == Activation.SIGMOID) {
                double low = flat.lt(0.01).castTo(DataType.FLOAT).meanNumber().doubleValue();
                double high = flat.gt(0.99).castTo(DataType.FLOAT).meanNumber().doubleValue();
                saturated = low + high;
            } else if (activation == Activation.TANH) {
                saturated = Transforms.abs(flat).gt(0.99).castTo(DataType.FLOAT).meanNumber().doubleValue();
            }
            samples.add(new LayerSample(i, LayerSample.name(i, info.name()), updateRatios[i], gradientNorms[i], mean, std, dead,
                    saturated));
        }
        return new LayerStatistics(iteration, epoch, samples);
    }
}
