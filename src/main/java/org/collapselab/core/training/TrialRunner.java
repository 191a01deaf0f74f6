package org.collapselab.core.training;

import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;

/**
 * Runs the short experiments of the active checks and of cause ranking, within a {@link TrialBudget}.
 * Implementations may cache results of identical requests. Blocking; call from a worker thread.
 */
public interface TrialRunner {
    TrialBudget budget();

    /**
     * Trains {@code config} on {@code train} and evaluates on {@code validation} (which may be the same view). Without
     * monitoring (a trial, not a monitored run) the epochs may leave the training accuracy out (NaN): trials are
     * judged by validation metrics and the training loss.
     *
     * @throws BudgetExhaustedException when the budget is spent before it starts
     */
    TrainingResult train(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring,
                         CancellationToken cancel);

    /**
     * As {@link #train}, ending the run after the first epoch whose validation accuracy reaches
     * {@code stopAtValidationAccuracy} (a trial whose question is then answered, e.g. "can it memorise this batch?").
     * Runners that cannot stop early train every epoch, which answers the same question more slowly.
     */
    default TrainingResult trainUntil(ExperimentConfig config, DataView train, DataView validation,
                                      MonitoringOptions monitoring, double stopAtValidationAccuracy,
                                      CancellationToken cancel) {
        return train(config, train, validation, monitoring, cancel);
    }

    /** Mean loss of a freshly initialised (untrained) network on {@code view}; NaN when it is not a number. */
    double initialLoss(ExperimentConfig config, DataView train, DataView view);

    /**
     * Learning-rate range test: minibatch loss while the learning rate rises exponentially from
     * {@code minLr} to {@code maxLr} over at most {@code iterations} steps (stops early once the loss explodes).
     */
    RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr, int iterations,
                                CancellationToken cancel);

    /** The work this runner has done so far (for per-step figures); NONE when it does not count. */
    default TrialCounts counts() {
        return TrialCounts.NONE;
    }

    /** The learning rates tried and the minibatch loss at each. */
    record RangeTest(double[] learningRates, double[] losses) {
    }
}
