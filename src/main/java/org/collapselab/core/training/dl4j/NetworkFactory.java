package org.collapselab.core.training.dl4j;

import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.TrainingConfig;
import org.collapselab.core.model.OutputUnits;
import org.collapselab.core.model.WeightInit;
import org.collapselab.core.training.Updaters;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

/** Builds a DL4J {@link MultiLayerNetwork} from an experiment config. Pure apart from DL4J allocation. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * @param classWeights per-class loss weights, or null for an unweighted loss
     */
    public static MultiLayerNetwork build(ExperimentConfig config, int classCount, double[] classWeights) {
        int size = config.data().imageSize();
        return build(config, classCount, classWeights, InputType.convolutional(size, size, config.data().channels()));
    }

    /**
     * Builds the network for an input of the given type: {@code InputType.feedForward(features)} for tabular rows,
     * {@code InputType.recurrent(channels, length)} (NCW) for series, convolutional for images.
     */
    public static MultiLayerNetwork build(ExperimentConfig config, int classCount, double[] classWeights, InputType input) {
        ModelConfig model = config.model();
        TrainingConfig training = config.training();
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(config.data().seed())
                .updater(Updaters.of(training))
                .l2(training.l2());
        applyWeightInit(base, model.weightInit());
        NeuralNetConfiguration.ListBuilder list = base.list();
        int index = 0;
        for (LayerSpec layer : model.layers()) {
            list.layer(index++, switch (layer.type()) {
                case CONV -> new ConvolutionLayer.Builder(layer.kernel(), layer.kernel())
                        .stride(layer.strideOrDefault(), layer.strideOrDefault())
                        .nOut(layer.filters())
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(activation(layer.activation()))
                        .build();
                case POOL -> new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(layer.size(), layer.size())
                        .stride(layer.size(), layer.size())
                        .build();
                case DENSE -> new DenseLayer.Builder().nOut(layer.units()).activation(activation(layer.activation())).build();
                // DL4J's dropout argument is the probability of *retaining* a unit.
                case DROPOUT -> new DropoutLayer.Builder(1.0 - layer.rate()).build();
                case BATCHNORM -> new BatchNormalization.Builder().build();
                case CONV1D -> new Convolution1DLayer.Builder()
                        .kernelSize(layer.kernel())
                        .stride(layer.strideOrDefault())
                        .nOut(layer.filters())
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(activation(layer.activation()))
                        .build();
                case POOL1D -> new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(layer.size())
                        .stride(layer.size())
                        .build();
                case GLOBALPOOL -> new GlobalPoolingLayer.Builder(PoolingType.MAX).build();
            });
        }
        boolean single = OutputUnits.single(model, classCount);
        list.layer(index, new OutputLayer.Builder(loss(model.loss(), classWeights, single))
                .nOut(single ? 1 : classCount)
                .activation(outputActivation(model.outputActivation()))
                .build());
        // Mismatched output/loss pairs must train (and fail) like in other frameworks, so the diagnostics can show
        // what they do; DL4J would refuse them at build time. OutputActivationCheck reports them before training.
        list.validateOutputLayerConfig(false);
        MultiLayerConfiguration conf = list.setInputType(input).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static void applyWeightInit(NeuralNetConfiguration.Builder base, WeightInit init) {
        switch (init) {
            case XAVIER -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.XAVIER);
            case RELU -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.RELU);
            case ZERO -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.ZERO);
            case CONSTANT -> base.weightInit(new WeightInitDistribution(new ConstantDistribution(WeightInit.CONSTANT_VALUE)));
            case UNIFORM -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.UNIFORM);
            case NORMAL -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.NORMAL);
            case LECUN -> base.weightInit(org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL);
        }
    }

    static org.nd4j.linalg.activations.Activation activation(org.collapselab.core.model.Activation activation) {
        return switch (activation) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LEAKYRELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case SELU -> org.nd4j.linalg.activations.Activation.SELU;
        };
    }

    private static org.nd4j.linalg.activations.Activation outputActivation(OutputActivation activation) {
        return switch (activation) {
            case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }

    private static ILossFunction loss(LossFunction loss, double[] classWeights, boolean single) {
        INDArray weights = classWeights == null ? null : Nd4j.create(classWeights).castTo(Nd4j.defaultFloatingPointType());
        if (single && weights != null) {
            // One sigmoid unit: DL4J weights per output column, so weight the positive class relative to the negative.
            weights = Nd4j.create(new double[]{classWeights[1] / classWeights[0]}).castTo(Nd4j.defaultFloatingPointType());
        }
        return switch (loss) {
            case MCXENT -> weights == null ? new LossMCXENT() : new LossMCXENT(weights);
            case NLL -> weights == null ? new LossNegativeLogLikelihood() : new LossNegativeLogLikelihood(weights);
            case XENT -> weights == null ? new LossBinaryXENT() : new LossBinaryXENT(weights);
            case MSE -> weights == null ? new LossMSE() : new LossMSE(weights);
        };
    }
}
