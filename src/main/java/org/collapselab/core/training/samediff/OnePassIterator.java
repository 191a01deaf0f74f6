package org.collapselab.core.training.samediff;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * A minibatch source for {@code SameDiff.fit} that is read once, synchronously: no reset, no
 * preprocessor, and no prefetch thread (which would drain batches past a cancel or a NaN).
 */
interface OnePassIterator extends MultiDataSetIterator {
    @Override
    default MultiDataSet next(int num) {
        return next();
    }

    @Override
    default void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException();
    }

    @Override
    default MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    default boolean resetSupported() {
        return false;
    }

    @Override
    default boolean asyncSupported() {
        return false;
    }

    @Override
    default void reset() {
        throw new UnsupportedOperationException("one pass");
    }
}
