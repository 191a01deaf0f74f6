package org.collapselab.core.training.samediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.collapselab.core.model.Activation;
import org.collapselab.core.util.FloatArrays;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerShapes;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the SameDiff graph of an experiment config, NHWC throughout (oneDNN's fast conv/pool path). Dense layers are
 * {@code mmul} + broadcast {@code add}: with oneDNN, {@code xw_plus_b}/{@code linear} gave different results on
 * repeated calls. Losses are written out from the output activation so mismatched output/loss pairs train (and fail)
 * as they do in DL4J; softmax+cross-entropy and sigmoid+binary cross-entropy use the stable log-softmax/softplus forms.
 * Dropout acts on a separate training path that shares the weights, so inference never drops units. Weights are
 * initialised from a seeded {@link Random} with DL4J's meaning of each scheme, so a config gives the same network on
 * every backend. Batch normalisation is not supported ({@link #supports}); the engine selector falls back to
 * MultiLayerNetwork for it.
 */
final class SameDiffGraph {
    static final String INPUT = "input";
    static final String LABEL = "label";
    static final String PROBABILITIES = "probabilities";
    static final String LOSS = "loss";
    /** The training path's input when the first convolution runs as a matmul over image patches ({@link Patches}). */
    static final String PATCHES = "patches";
    /** DL4J's LeakyReLU slope. */
    static final double LEAKY_ALPHA = 0.01;
    /** DL4J clips probabilities at this value inside its cross-entropy losses. */
    static final double CLIP = 1e-10;

    /** One monitored layer: name, activation function (null for pool/dropout), output on the inference path, weights. */
    record LayerInfo(String name, Activation activation, String output, String weights) {
    }

    final SameDiff sd;
    final List<LayerInfo> layers;
    final int outputs;
    /** How training batches are cut into first-layer patches, or null when the training path reads the images. */
    final Patches patches;
    private final RandomOpSeeds randomSeeds;

    private SameDiffGraph(SameDiff sd, List<LayerInfo> layers, int outputs, Patches patches, long seed) {
        this.randomSeeds = new RandomOpSeeds(seed);
        this.sd = sd;
        this.layers = layers;
        this.outputs = outputs;
        this.patches = patches;
    }

    /** Sets the graph's listeners, always with the seeding of its random ops ({@link RandomOpSeeds}). */
    void listen(org.nd4j.autodiff.listeners.Listener... listeners) {
        org.nd4j.autodiff.listeners.Listener[] all = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        all[listeners.length] = randomSeeds;
        sd.setListeners(all);
    }

    /** The placeholder that training batches' features go to. */
    String trainingInput() {
        return patches == null ? INPUT : PATCHES;
    }

    /** A batch's NHWC images as the training path wants them. */
    INDArray trainingFeatures(INDArray images) {
        return patches == null ? images : patches.of(images);
    }

    /** Whether this engine can build the config; null if it can, else the reason. */
    static String unsupported(ModelConfig model) {
        for (LayerSpec layer : model.layers()) {
            if (layer.type() == LayerType.BATCHNORM) {
                return "batchnorm is not built by the SameDiff engine";
            }
            if (layer.type().isSequenceLayer()) {
                return layer.type() + " is not built by the SameDiff engine";
            }
        }
        return null;
    }

    /**
     * @param classWeights per-class loss weights, or null
     * @param single       one sigmoid output unit for two classes (see {@link org.collapselab.core.model.OutputUnits#single})
     */
    static SameDiffGraph build(ExperimentConfig config, int classCount, double[] classWeights, boolean single) {
        return build(config, classCount, classWeights, single, true);
    }

    /**
     * @param optimiseTrainingPath give the training path its shortcuts (activations behind max pools, the first
     *                             convolution as a patch matmul); tests compare it with the textbook graph
     */
    static SameDiffGraph build(ExperimentConfig config, int classCount, double[] classWeights, boolean single,
                               boolean optimiseTrainingPath) {
        String reason = unsupported(config.model());
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new Builder(config, classCount, classWeights, single, optimiseTrainingPath).build();
    }

    /** Names of the trainable parameters, in layer order. */
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }

    long parameterCount() {
        long n = 0;
        for (String name : parameterNames()) {
            n += sd.getVariable(name).getArr().length();
        }
        return n;
    }

    Map<String, INDArray> copyParameters() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (String name : parameterNames()) {
            copy.put(name, sd.getVariable(name).getArr().dup());
        }
        return copy;
    }

    void setParameters(Map<String, INDArray> values) {
        java.util.Set<String> expected = new java.util.HashSet<>(parameterNames());
        if (!expected.equals(values.keySet())) {
            throw new IllegalArgumentException("the parameters " + values.keySet() + " do not match the graph's "
                    + expected);
        }
        for (Map.Entry<String, INDArray> e : values.entrySet()) {
            INDArray target = sd.getVariable(e.getKey()).getArr();
            if (!java.util.Arrays.equals(target.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape "
                        + java.util.Arrays.toString(e.getValue().shape()) + ", the graph expects "
                        + java.util.Arrays.toString(target.shape()));
            }
            target.assign(e.getValue());
        }
    }

    /** Builds one graph. */
    private static final class Builder {
        private final ExperimentConfig config;
        private final ModelConfig model;
        private final int classCount;
        private final double[] classWeights;
        private final boolean single;
        private final boolean optimiseTrainingPath;
        private final SameDiff sd = SameDiff.create();
        private Patches patches;
        private SDVariable patchInput;
        private final Random random;
        private final List<SDVariable[]> parameters = new ArrayList<>(); // {W, b} per layer, null entries for none
        private final List<LayerShapes.Shape> shapes; // element i is layer i's input; the last one feeds the output layer

        Builder(ExperimentConfig config, int classCount, double[] classWeights, boolean single,
                boolean optimiseTrainingPath) {
            this.optimiseTrainingPath = optimiseTrainingPath;
            this.config = config;
            this.model = config.model();
            this.classCount = classCount;
            this.classWeights = classWeights;
            this.single = single;
            this.random = new Random(config.data().seed());
            this.shapes = LayerShapes.of(config);
        }

        SameDiffGraph build() {
            int size = config.data().imageSize();
            int channels = config.data().channels();
            int outputs = single ? 1 : classCount;
            SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, size, size, channels);
            SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, outputs);
            createParameters(outputs);
            LayerSpec first = model.layers().isEmpty() ? null : model.layers().get(0);
            patches = optimiseTrainingPath && first != null && first.type() == LayerType.CONV
                    ? new Patches(size, channels, first.kernel(), first.strideOrDefault()) : null;
            patchInput = patches == null ? null
                    : sd.placeHolder(PATCHES, DataType.FLOAT, -1, patches.out, patches.out, patches.length());
            boolean dropout = model.layers().stream().anyMatch(l -> l.type() == LayerType.DROPOUT);

            List<LayerInfo> infos = new ArrayList<>();
            SDVariable inferenceLogits = forward(input, false, infos);
            boolean separateTrainingPath = dropout || activationBeforeMaxPool() || patches != null;
            SDVariable trainingLogits = separateTrainingPath ? forward(input, true, null) : inferenceLogits;
            SDVariable probabilities = outputActivation(PROBABILITIES, inferenceLogits);
            SDVariable trainingProbabilities = separateTrainingPath ? outputActivation(null, trainingLogits) : probabilities;
            infos.add(new LayerInfo("output " + model.outputActivation(), null, PROBABILITIES,
                    parameters.get(parameters.size() - 1)[0].name()));

            SDVariable perExample = lossPerExample(label, trainingLogits, trainingProbabilities, outputs);
            SDVariable loss = perExample.mean();
            double l2 = config.training().l2();
            if (l2 > 0) {
                SDVariable penalty = null;
                for (SDVariable[] wb : parameters) {
                    if (wb[0] != null) {
                        SDVariable term = wb[0].mul(wb[0]).sum();
                        penalty = penalty == null ? term : penalty.add(term);
                    }
                }
                if (penalty != null) {
                    loss = loss.add(penalty.mul(0.5 * l2));
                }
            }
            // Renamed rather than wrapped: an identity op's output reaches the training session as null in M2.1.
            loss = sd.updateVariableNameAndReference(loss, LOSS);
            sd.setLossVariables(LOSS);
            sd.setTrainingConfig(TrainingConfig.builder()
                    .updater(org.collapselab.core.training.Updaters.of(config.training()))
                    .dataSetFeatureMapping(patches == null ? INPUT : PATCHES)
                    .dataSetLabelMapping(LABEL)
                    .trainEvaluation(LOSS, 0, new LossProbe()) // makes each step compute the loss value
                    .build());
            return new SameDiffGraph(sd, List.copyOf(infos), outputs, patches, config.data().seed());
        }

        private void createParameters(int outputs) {
            int index = 0;
            for (LayerSpec layer : model.layers()) {
                LayerShapes.Shape in = shapes.get(index);
                switch (layer.type()) {
                    case CONV -> {
                        int k = layer.kernel();
                        int s = layer.strideOrDefault();
                        int c = in.channels();
                        double fanIn = (double) c * k * k;
                        double fanOut = (double) layer.filters() * k * k / (s * s);
                        parameters.add(new SDVariable[]{
                                sd.var("w" + index, init(new long[]{k, k, c, layer.filters()}, fanIn, fanOut)),
                                sd.var("b" + index, Nd4j.zeros(DataType.FLOAT, layer.filters()))});
                    }
                    case DENSE -> parameters.add(new SDVariable[]{
                            sd.var("w" + index, init(new long[]{in.values(), layer.units()}, in.values(), layer.units())),
                            sd.var("b" + index, Nd4j.zeros(DataType.FLOAT, layer.units()))});
                    default -> parameters.add(new SDVariable[]{null, null});
                }
                if (shapes.get(index + 1).side() < 1) {
                    throw new IllegalArgumentException(org.collapselab.core.model.ConfigPaths.layerName(index) + " (" + layer.describe()
                            + ") shrinks the image below one pixel");
                }
                index++;
            }
            long in = shapes.get(index).values();
            parameters.add(new SDVariable[]{
                    sd.var("w" + index, init(new long[]{in, outputs}, in, outputs)),
                    sd.var("b" + index, Nd4j.zeros(DataType.FLOAT, outputs))});
        }

        /**
         * The first convolution as one matmul of the batch's patches with the kernel flattened to
         * [k·k·c, filters]. Same values as conv2d; what it saves is conv2d_bp's gradient with respect to the
         * images, which nothing uses but M2.1 always computes (oneDNN's backward-data pass and two layout
         * reorders of the largest activation: a quarter of a 28×28×1 step).
         */
        private SDVariable patchConvolution(SDVariable[] wb, int filters) {
            SDVariable rows = sd.reshape(patchInput, -1L, patches.length());
            // The bias rides in the matmul as a last kernel row against the patches' constant 1 column: a
            // broadcast add's backward pass (a column sum over every output position) cost 0.7 ms a step.
            SDVariable kernel = sd.concat(0, sd.reshape(wb[0], (long) patches.window(), filters),
                    sd.reshape(wb[1], 1L, filters));
            return sd.reshape(rows.mmul(kernel), -1L, patches.out, patches.out, filters);
        }

        /** Whether some convolution's activation is followed directly by a max pool (see {@link #forward}). */
        private boolean activationBeforeMaxPool() {
            List<LayerSpec> layers = model.layers();
            for (int i = 0; i + 1 < layers.size(); i++) {
                if (deferActivation(i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean deferActivation(int index) {
            List<LayerSpec> layers = model.layers();
            return optimiseTrainingPath && index + 1 < layers.size() && layers.get(index).type() == LayerType.CONV
                    && layers.get(index).activation() != Activation.IDENTITY && layers.get(index + 1).type() == LayerType.POOL;
        }

        /**
         * The hidden layers and output logits; records the monitored layers when {@code infos} is given.
         * On the training path a convolution's activation moves behind a directly following max pool:
         * every activation offered is non-decreasing, so max(f(a), f(b)) = f(max(a, b)) and the values and
         * gradients are the same, on a quarter of the elements (ReLU's backward pass in M2.1 is an
         * element-by-element lambda, 18% of a 28×28×1 step). The inference path, which the monitor samples,
         * keeps the textbook order so each layer's recorded output is what it says.
         */
        private SDVariable forward(SDVariable input, boolean training, List<LayerInfo> infos) {
            SDVariable x = input;
            int index = 0;
            Activation pending = null;
            for (LayerSpec layer : model.layers()) {
                SDVariable[] wb = parameters.get(index);
                LayerShapes.Shape in = shapes.get(index);
                switch (layer.type()) {
                    case CONV -> {
                        int k = layer.kernel();
                        int s = layer.strideOrDefault();
                        Conv2DConfig conv = Conv2DConfig.builder().kH(k).kW(k).sH(s).sW(s)
                                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO)
                                .build();
                        SDVariable z = training && index == 0 && patches != null
                                ? patchConvolution(wb, layer.filters())
                                : sd.cnn().conv2d(x, wb[0], wb[1], conv);
                        if (training && deferActivation(index)) {
                            x = z;
                            pending = layer.activation();
                        } else {
                            x = activation(z, layer.activation());
                        }
                    }
                    case POOL -> {
                        int p = layer.size();
                        Pooling2DConfig pool = Pooling2DConfig.builder().kH(p).kW(p).sH(p).sW(p)
                                .paddingMode(PaddingMode.VALID).type(Pooling2D.Pooling2DType.MAX).isNHWC(true).build();
                        x = sd.cnn().maxPooling2d(x, pool);
                        if (pending != null) {
                            x = activation(x, pending);
                            pending = null;
                        }
                    }
                    case DENSE -> {
                        x = flatten(x, in);
                        x = activation(x.mmul(wb[0]).add(wb[1]), layer.activation());
                    }
                    // Inverted dropout (DL4J's too), training path only; the argument is the probability of keeping.
                    // The mask's batch size comes from whichever placeholder this path reads.
                    case DROPOUT -> x = training ? dropout(patches != null ? patchInput : input, x, 1.0 - layer.rate(),
                            in.isFlat() ? null : new long[]{in.side(), in.side(), in.channels()}, in.flatUnits()) : x;
                    case BATCHNORM -> throw new IllegalArgumentException("batchnorm");
                }
                if (infos != null) {
                    infos.add(new LayerInfo(layer.describe(), layer.activation(), x.name(),
                            wb[0] == null ? null : wb[0].name()));
                }
                index++;
            }
            SDVariable[] out = parameters.get(index);
            return flatten(x, shapes.get(index)).mmul(out[0]).add(out[1]);
        }

        /**
         * Inverted dropout with a fresh uniform mask per step. Written out because M2.1's dropout ops have no
         * derivative; the mask's shape is taken from the input placeholder, so no gradient flows into the random op.
         */
        private SDVariable dropout(SDVariable input, SDVariable x, double keep, long[] spatial, long units) {
            SDVariable batch = sd.slice(input.shape(), new int[]{0}, new int[]{1});
            long[] rest = spatial != null ? spatial : new long[]{units};
            SDVariable shape = sd.concat(0, batch, sd.constant(Nd4j.createFromArray(rest)));
            SDVariable uniform = new org.nd4j.linalg.api.ops.random.custom.DistributionUniform(sd, shape, 0, 1,
                    DataType.FLOAT).outputVariable();
            SDVariable mask = uniform.lt(keep).castTo(DataType.FLOAT).mul(1.0 / keep);
            return x.mul(mask);
        }

        /** {@code x} as [batch, values] unless a dense layer has already made it so. */
        private SDVariable flatten(SDVariable x, LayerShapes.Shape shape) {
            return shape.isFlat() ? x : sd.reshape(x, -1L, shape.spatialValues());
        }

        private SDVariable activation(SDVariable z, Activation activation) {
            return switch (activation) {
                case RELU -> sd.nn().relu(z, 0);
                case LEAKYRELU -> sd.nn().leakyRelu(z, LEAKY_ALPHA);
                case TANH -> sd.math().tanh(z);
                case SIGMOID -> sd.nn().sigmoid(z);
                case IDENTITY -> z;
                case ELU -> sd.nn().elu(z);
                case SELU -> sd.nn().selu(z);
            };
        }

        private SDVariable outputActivation(String name, SDVariable logits) {
            return switch (model.outputActivation()) {
                case SOFTMAX -> sd.nn().softmax(name, logits, 1);
                case SIGMOID -> sd.nn().sigmoid(name, logits);
                case IDENTITY -> name == null ? logits : sd.updateVariableNameAndReference(logits, name);
            };
        }

        /** The data term per example, as DL4J's loss functions define it (sum over outputs; MSE averages them). */
        private SDVariable lossPerExample(SDVariable y, SDVariable logits, SDVariable p, int outputs) {
            OutputActivation act = model.outputActivation();
            SDVariable w = classWeights == null || single ? null : constant("classWeights", classWeights);
            switch (model.loss()) {
                case MCXENT, NLL -> {
                    SDVariable logP = act == OutputActivation.SOFTMAX ? sd.nn().logSoftmax(logits) // last axis; the (x, dim) overload fails in M2.1
                           
                            : sd.math().log(sd.math().clipByValue(p, CLIP, 1.0));
                    SDVariable terms = y.mul(logP);
                    return (w == null ? terms : terms.mul(w)).sum(1).neg();
                }
                case XENT -> {
                    SDVariable positive;
                    SDVariable negative;
                    if (act == OutputActivation.SIGMOID) {
                        negative = sd.nn().softplus(logits);       // -log(1 - σ(z))
                        positive = negative.sub(logits);           // -log σ(z) = softplus(z) - z
                    } else {
                        positive = sd.math().log(sd.math().clipByValue(p, CLIP, 1 - CLIP)).neg();
                        negative = sd.math().log(sd.math().clipByValue(p.rsub(1.0), CLIP, 1 - CLIP)).neg();
                    }
                    SDVariable pos = y.mul(positive);
                    SDVariable neg = y.rsub(1.0).mul(negative);
                    if (single && classWeights != null) {
                        pos = pos.mul(classWeights[1] / classWeights[0]);
                    } else if (w != null) {
                        pos = pos.mul(w);
                        neg = neg.mul(w);
                    }
                    // One output column: no reduction (M2.1 runs a sum over a size-1 axis as a no-op with no input).
                    return outputs == 1 ? pos.add(neg) : pos.add(neg).sum(1);
                }
                case MSE -> {
                    SDVariable d = p.sub(y);
                    SDVariable sq = d.mul(d);
                    return outputs == 1 ? sq : (w == null ? sq : sq.mul(w)).sum(1).div(outputs);
                }
                default -> throw new IllegalArgumentException("loss " + model.loss());
            }
        }

        private SDVariable constant(String name, double[] values) {
            return sd.constant(name, Nd4j.create(values, new long[]{1, values.length}, DataType.FLOAT));
        }

        /** DL4J's meaning of each scheme (as the MultiLayerNetwork engine uses them), drawn from the seeded generator. */
        private INDArray init(long[] shape, double fanIn, double fanOut) {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] values = new float[n];
            WeightInit scheme = model.weightInit();
            for (int i = 0; i < n; i++) {
                values[i] = (float) switch (scheme) {
                    case XAVIER -> random.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut));
                    case RELU -> random.nextGaussian() * Math.sqrt(2.0 / fanIn);
                    case ZERO -> 0.0;
                    case CONSTANT -> org.collapselab.core.model.WeightInit.CONSTANT_VALUE;
                    case UNIFORM -> (random.nextDouble() * 2 - 1) / Math.sqrt(fanIn);
                    case NORMAL, LECUN -> random.nextGaussian() / Math.sqrt(fanIn);
                };
            }
            return Nd4j.create(values, shape, 'c');
        }
    }

    /**
     * Cuts NHWC images into the first convolution's receptive fields: for each output position the
     * k×k×c window in (row, column, channel) order, the order of the flattened [k, k, c, filters] kernel,
     * then a 1 that multiplies the bias.
     */
    static final class Patches {
        final int size;
        final int channels;
        final int kernel;
        final int stride;
        final int out;

        Patches(int size, int channels, int kernel, int stride) {
            this.size = size;
            this.channels = channels;
            this.kernel = kernel;
            this.stride = stride;
            this.out = LayerShapes.windowOutput(size, kernel, stride);
        }

        /** Values of one receptive field. */
        int window() {
            return kernel * kernel * channels;
        }

        /** One patch row: the receptive field and a constant 1 for the bias. */
        int length() {
            return window() + 1;
        }

        INDArray of(INDArray images) {
            int n = (int) images.size(0);
            float[] pixels = FloatArrays.copyOf(images);
            int windowRow = kernel * channels; // one kernel row of a window is contiguous in NHWC
            int imageLength = size * size * channels;
            float[] rows = new float[n * out * out * length()];
            int o = 0;
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < out; y++) {
                    for (int x = 0; x < out; x++) {
                        int corner = i * imageLength + (y * stride * size + x * stride) * channels;
                        for (int ky = 0; ky < kernel; ky++, o += windowRow) {
                            System.arraycopy(pixels, corner + ky * size * channels, rows, o, windowRow);
                        }
                        rows[o++] = 1f;
                    }
                }
            }
            return FloatArrays.of(rows, n, out, out, length());
        }
    }
}
