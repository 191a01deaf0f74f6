package org.collapselab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.ExperimentRunner;
import org.collapselab.core.training.RunOutcome;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diagnose}: data checks, a monitored training run and its findings, written to the run
 * folder's report. (Active experiments and cause ranking by trial runs plug in here.)
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Run the collapse diagnostics: data checks, config checks, a monitored training run and its findings.")
final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: a new folder under runs/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = experiment.resolve();
        CancellationToken cancel = new CancellationToken();
        ImageDataset dataset = DataLoading.load(data, config, cancel);
        List<Finding> dataFindings = DataFindings.of(dataset, DatasetStatistics.of(dataset));
        Path folder = out != null ? out : ExperimentRunner.newRunFolder(Path.of("runs"), config.name() + "-diagnose");
        ExperimentRunner runner = new ExperimentRunner(new Dl4jTrainingEngine(), (cfg, train, validation, result) -> {
            List<Finding> all = new ArrayList<>(dataFindings);
            all.addAll(ExperimentRunner.standardFindings(cfg, train, validation, result));
            return all;
        });
        RunOutcome outcome = runner.run(config, dataset, DataLoading.loadValidation(config, dataset, cancel), folder,
                new ConsoleObserver(System.out), cancel);
        Printing.summary(System.out, outcome);
        return TrainCommand.exitCode(outcome);
    }
}
