package org.collapselab.core.training;

import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Everything a training run needs; the validation view may be empty. {@code stopAtValidationAccuracy} ends the run
 * after the first epoch whose validation accuracy reaches it (a diagnostic trial whose question is then answered);
 * 0 or NaN trains every epoch. Without {@code trainAccuracy} the epochs skip the forward pass over the training
 * sample and report its accuracy as NaN (diagnostic trials read validation metrics and the training loss only).
 */
public record TrainingRequest(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring,
                              double stopAtValidationAccuracy, boolean trainAccuracy) {
    public TrainingRequest(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring) {
        this(config, train, validation, monitoring, 0, true);
    }

    public TrainingRequest(ExperimentConfig config, DataView train, DataView validation) {
        this(config, train, validation, MonitoringOptions.DEFAULT);
    }

    /** Whether {@code accuracy} reaches the stopping target. */
    public boolean targetReached(double accuracy) {
        return stopAtValidationAccuracy > 0 && accuracy >= stopAtValidationAccuracy;
    }
}
