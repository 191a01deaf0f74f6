package org.collapselab.core.training.samediff;

import java.io.Serializable;
import java.util.List;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A do-nothing evaluation registered on the loss variable. In M2.1 a SameDiff training step computes only what the
 * gradients need, so the forward loss is never evaluated and listeners see 0; variables with a training evaluation are
 * computed, which makes the loss op run (one scalar op) and reach the listener and {@code Loss}.
 */
final class LossProbe implements IEvaluation<LossProbe> {
    private static final long serialVersionUID = 1L;

    @Override
    public void eval(INDArray labels, INDArray networkPredictions) {
    }

    @Override
    public void eval(INDArray labels, INDArray networkPredictions, List<? extends Serializable> recordMetaData) {
    }

    @Override
    public void eval(INDArray labels, INDArray networkPredictions, INDArray maskArray,
                     List<? extends Serializable> recordMetaData) {
    }

    @Override
    public void eval(INDArray labels, INDArray networkPredictions, INDArray maskArray) {
    }

    @Override
    public void evalTimeSeries(INDArray labels, INDArray predicted) {
    }

    @Override
    public void evalTimeSeries(INDArray labels, INDArray predicted, INDArray labelsMaskArray) {
    }

    @Override
    public void merge(LossProbe other) {
    }

    @Override
    public void reset() {
    }

    @Override
    public String stats() {
        return "";
    }

    @Override
    public String toJson() {
        return "{}";
    }

    @Override
    public String toYaml() {
        return "";
    }

    @Override
    public double getValue(IMetric metric) {
        return Double.NaN;
    }

    @Override
    public LossProbe newInstance() {
        return new LossProbe();
    }
}
