package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.report.RunFolders;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: one run on an image folder, written to a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a CNN on an image folder (one sub-folder per class) and write a run folder with report.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, no critical finding", "1:done with a critical finding (e.g. collapse)",
                "2:invalid input (usage, config, data)", "3:failure while running"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Image folder, one sub-folder per class, or a CSV file (see data.kind).")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: a new folder under runs/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (org.collapselab.core.experiment.TableExperiment.isCsv(data)) {
            checkRunsFolder(out);
            return CsvTraining.train(experiment, data, out);
        }
        ExperimentConfig config = experiment.resolve();
        checkRunsFolder(out);
        CancellationToken cancel = new CancellationToken();
        ExperimentService service = experiment.service();
        ImageDataset dataset = DataLoading.load(service, data, config, cancel);
        RunOutcome outcome = StopOnInterrupt.run(cancel,
                () -> service.train(config, dataset, out, new ConsoleObserver(System.out), cancel));
        Printing.summary(System.out, outcome);
        return exitCode(outcome);
    }

    /** Says before any data is loaded when the run folder cannot be written, instead of failing after training. */
    static void checkRunsFolder(Path outOrNull) {
        try {
            RunFolders.checkUsable(outOrNull == null ? Path.of("runs") : outOrNull.toAbsolutePath().getParent());
        } catch (RunFolders.RunsFolderException e) {
            throw new InvalidInputException(e.getMessage() + (outOrNull == null ? " Use --out DIR to write elsewhere." : ""));
        }
    }

    static int exitCode(RunOutcome outcome) {
        if (outcome.report() != null && outcome.report().status() == RunStatus.FAILED) {
            // The run folder's report has the reason in words, also when writing the folder itself failed.
            System.err.println("error: " + outcome.report().message());
            return ExitCodes.FAILURE;
        }
        if (outcome.result().status() == RunStatus.FAILED) {
            System.err.println("error: " + outcome.result().message());
            return ExitCodes.FAILURE;
        }
        return TrainingFindings.hasCritical(outcome.findings()) ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
    }
}
