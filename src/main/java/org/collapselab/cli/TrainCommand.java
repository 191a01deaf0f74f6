package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunFolders;
import org.collapselab.core.training.ExperimentRunner;
import org.collapselab.core.training.RunOutcome;
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
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Image folder, one sub-folder per class.")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: a new folder under runs/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = experiment.resolve();
        checkRunsFolder(out);
        CancellationToken cancel = new CancellationToken();
        ImageDataset dataset = DataLoading.load(data, config, cancel);
        ImageDataset validation = DataLoading.loadValidation(config, dataset, cancel);
        Path folder = out != null ? out : ExperimentRunner.newRunFolder(Path.of("runs"), config.name());
        ExperimentRunner runner = new ExperimentRunner(experiment.engine());
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: stop between minibatches and let the run folder be finalised as "stopped".
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "collapse-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = runner.run(config, dataset, validation, folder, new ConsoleObserver(System.out), cancel);
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: the hook is waiting for us
        }
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
