package org.collapselab.core.experiment;

import org.collapselab.core.training.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.report.RunReport;

/** A finished run: the engine's result, its folder (null when none was written), report and findings. */
public record RunOutcome(TrainingResult result, Path runFolder, RunReport report, List<Finding> findings) {
}
