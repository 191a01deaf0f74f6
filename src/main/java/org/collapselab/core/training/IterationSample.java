package org.collapselab.core.training;

/** One optimisation step: the minibatch loss and where the run is. */
public record IterationSample(long iteration, int epoch, double loss, double learningRate) {
}
