package org.collapselab.core.experiment;

import org.collapselab.core.training.TrainingResult;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ExperimentConfig;

/** Computes findings about a finished run (outcome checks, monitoring checks). Called on the training thread. */
@FunctionalInterface
public interface FindingSource {
    List<Finding> findings(ExperimentConfig config, DataView train, DataView validation, TrainingResult result);
}
