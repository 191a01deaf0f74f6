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
     * Trains {@code config} on {@code train} and evaluates on {@code validation} (which may be the same view).
     *
     * @throws BudgetExhaustedException when the budget is spent before it starts
     */
    TrainingResult train(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring,
                         CancellationToken cancel);

    /** Mean loss of a freshly initialised (untrained) network on {@code view}; NaN when it is not a number. */
    double initialLoss(ExperimentConfig config, DataView train, DataView view);

    /**
     * Learning-rate range test: minibatch loss while the learning rate rises exponentially from
     * {@code minLr} to {@code maxLr} over at most {@code iterations} steps (stops early once the loss explodes).
     */
    RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr, int iterations,
                                CancellationToken cancel);

    /** The learning rates tried and the minibatch loss at each. */
    record RangeTest(double[] learningRates, double[] losses) {
    }
}
