package org.collapselab.core.experiment;

import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.report.RunReport;

/**
 * A finished run: the engine's result, its folder (null when none was written), report and findings, and for a k-fold
 * run ({@code data.folds} ≥ 2) every fold's figures (else null); {@code result} is then fold 1's run.
 */
public record RunOutcome(TrainingResult result, Path runFolder, RunReport report, List<Finding> findings,
                         CrossValidation crossValidation) {
    public RunOutcome(TrainingResult result, Path runFolder, RunReport report, List<Finding> findings) {
        this(result, runFolder, report, findings, null);
    }
}
