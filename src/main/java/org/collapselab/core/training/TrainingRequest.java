package org.collapselab.core.training;

import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;

/** Everything a training run needs; the validation view may be empty. */
public record TrainingRequest(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring) {
    public TrainingRequest(ExperimentConfig config, DataView train, DataView validation) {
        this(config, train, validation, MonitoringOptions.DEFAULT);
    }
}
