package org.collapselab.core.model;

/**
 * How many output units a network has: one sigmoid unit for two classes with a sigmoid output and binary
 * cross-entropy (the usual binary classifier), else one unit per class. Both engines and the model summary use it.
 */
public final class OutputUnits {
    private OutputUnits() {
    }

    public static boolean single(ModelConfig model, int classCount) {
        return classCount == 2 && model.outputActivation() == OutputActivation.SIGMOID && model.loss() == LossFunction.XENT;
    }

    public static int count(ModelConfig model, int classCount) {
        return single(model, classCount) ? 1 : classCount;
    }
}
