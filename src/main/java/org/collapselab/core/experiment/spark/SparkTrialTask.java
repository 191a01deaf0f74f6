package org.collapselab.core.experiment.spark;

import java.io.Serializable;

/**
 * One trial as a Spark task: its id (the name of its run folder) and its config as JSON.
 *
 * @param keepModel whether the trained model travels back with the run folder
 */
public record SparkTrialTask(String id, String configJson, boolean keepModel) implements Serializable {
}
