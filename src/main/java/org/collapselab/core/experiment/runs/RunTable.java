package org.collapselab.core.experiment.runs;

import java.util.List;

/** The listed runs and the config paths whose values differ among them (the table's hyperparameter columns). */
public record RunTable(List<RunSummary> runs, List<String> differingParameters) {

    public RunTable {
        runs = List.copyOf(runs);
        differingParameters = List.copyOf(differingParameters);
    }

    public static RunTable of(List<RunSummary> runs) {
        return new RunTable(runs, ConfigParameters.differing(runs.stream().map(RunSummary::parameters).toList()));
    }
}
