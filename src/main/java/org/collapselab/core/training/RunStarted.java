package org.collapselab.core.training;

import java.util.List;
import org.collapselab.core.model.ExperimentConfig;

/** Sent once before the first iteration. */
public record RunStarted(ExperimentConfig config, BackendInfo backend, List<String> classes, int trainCount,
                         int validationCount, int iterationsPerEpoch, long parameterCount) {
}
