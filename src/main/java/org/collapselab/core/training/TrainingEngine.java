package org.collapselab.core.training;

import java.io.IOException;
import java.nio.file.Path;
import org.collapselab.core.util.CancellationToken;

/**
 * Trains a network described by an experiment config. Blocking; call from a worker thread. The
 * GUI and the diagnostics see only this interface, never the graph API behind it.
 */
public interface TrainingEngine {
    BackendInfo backend();

    /**
     * Runs the epoch loop. Cancellation is checked between minibatches; a cancelled run returns
     * with status {@link RunStatus#STOPPED} and the model as it was. Never throws for training
     * failures: they come back as {@link RunStatus#FAILED} or {@link RunStatus#DIVERGED}.
     */
    TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel);

    /** Loads a model written by {@link TrainedModel#save}. */
    TrainedModel load(Path zip) throws IOException;
}
