package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCatalog;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.diagnostics.TrialBudget;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.training.ExperimentRunner;
import org.collapselab.core.training.RunOutcome;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.dl4j.Dl4jTrialRunner;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diagnose}: the full guided diagnostics, non-interactive (design §5): data checks, config
 * checks, pre-flight experiments, a monitored training run (written to the run folder), post-training
 * experiments, then cause ranking by short trial runs of the proposed fixes. The ranked findings, with
 * each trial's before/after, go into the run folder's report.json. Ctrl+C stops between steps.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Run the collapse diagnostics: data and config checks, pre-flight experiments, a monitored training "
                + "run, post-training experiments and cause ranking by trial runs of the fixes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, no critical finding", "1:done with a critical finding",
                "2:invalid input (usage, config, data)", "3:failure while running"})
final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Image folder, one sub-folder per class.")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: a new folder under runs/).")
    Path out;

    @Option(names = "--predict", paramLabel = "DIR",
            description = "Images you want to classify (class sub-folders); their preprocessing is compared with training's.")
    Path predict;

    @Option(names = "--budget-seconds", paramLabel = "S", defaultValue = "600",
            description = "Time for experiments and fix trials, excluding the monitored run (default: ${DEFAULT-VALUE}; "
                    + "0 = unlimited). Steps beyond it are skipped.")
    double budgetSeconds;

    @Option(names = "--trial-epochs", paramLabel = "N", defaultValue = "" + TrialBudget.DEFAULT_TRIAL_EPOCHS,
            description = "Epochs of each short trial run (default: ${DEFAULT-VALUE}).")
    int trialEpochs;

    @Option(names = "--trial-images", paramLabel = "N", defaultValue = "" + TrialBudget.DEFAULT_MAX_TRIAL_IMAGES,
            description = "Training images a trial uses at most (default: ${DEFAULT-VALUE}).")
    int trialImages;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        ExperimentConfig config = experiment.resolve();
        TrainCommand.checkRunsFolder(out);
        CancellationToken cancel = new CancellationToken();
        ImageDataset dataset = DataLoading.load(data, config, cancel);
        ImageDataset validation = DataLoading.loadValidation(config, dataset, cancel);
        ImageDataset predictSet = predict == null ? null : new DatasetLoader().load(predict, dataset.classes(),
                config.data().imageSize(), config.data().channels(), ProgressObserver.NONE, cancel);
        Path folder = out != null ? out : ExperimentRunner.newRunFolder(Path.of("runs"), config.name() + "-diagnose");
        TrainingEngine engine = experiment.engine();
        TrialBudget budget = TrialBudget.of(budgetSeconds, trialEpochs, trialImages);
        PrintStream console = System.out;
        DiagnosticContext ctx = DiagnosticContext.builder(config, dataset)
                .validationSet(validation)
                .predictSet(predictSet)
                .trials(new Dl4jTrialRunner(engine, budget))
                .monitoredRun((context, token) -> monitoredRun(engine, context, folder, token, console))
                .build();
        DiagnosticSession session = new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
        session.addObserver(new StepPrinter(console, session.size()));

        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "collapse-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Finding> ranked;
        try {
            console.printf("Diagnosing %s: %d checks; experiment budget %s, trials of %d epochs on ≤ %d images%n",
                    data, session.size(), budgetSeconds > 0 ? String.format("%.0f s", budgetSeconds) : "unlimited",
                    trialEpochs, trialImages);
            session.runAll(cancel);
            console.println();
            console.println("Ranking causes by trial runs of their fixes…");
            long rankStart = System.nanoTime();
            ranked = session.rankCauses((done, total, message) -> {
                if (total > 0) {
                    console.printf("  [%d/%d] %s%n", done + 1, total, message);
                } else {
                    console.println("  " + message);
                }
            }, cancel);
            console.printf("  ranking took %.1f s%n", (System.nanoTime() - rankStart) / 1e9);
            writeFindings(folder, ranked);
            if (Files.isDirectory(folder)) {
                StepsReport.of(session).write(folder);
            }
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: the hook is waiting for us
        }
        console.println();
        console.println("Ranked causes (trial: balanced accuracy before → after the fix):");
        Printing.findings(console, ranked);
        console.printf("Diagnose took %.1f s in all (experiments %.1f s). Run folder: %s%n",
                (System.nanoTime() - start) / 1e9, budget.elapsedSeconds(), folder.toAbsolutePath());
        TrainingResult result = ctx.trainingResult();
        if (result != null && result.status() == RunStatus.FAILED) {
            System.err.println("error: " + result.message());
            return ExitCodes.FAILURE;
        }
        return TrainingFindings.hasCritical(ranked) ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
    }

    private static TrainingResult monitoredRun(TrainingEngine engine, DiagnosticContext ctx, Path folder,
                                               CancellationToken cancel, PrintStream console) {
        try {
            RunOutcome outcome = new ExperimentRunner(engine).run(ctx.config(), ctx.dataset(), ctx.validationSet(), folder,
                    new ConsoleObserver(console), cancel);
            return outcome.result();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeFindings(Path folder, List<Finding> ranked) throws IOException {
        if (Files.isRegularFile(folder.resolve(RunReport.FILE))) {
            RunReport.read(folder).withFindings(ranked).write(folder);
        }
    }

    /** One line per finished step: state, time, finding ids. */
    private static final class StepPrinter implements DiagnosticSession.Observer {
        private final PrintStream out;
        private final int size;

        StepPrinter(PrintStream out, int size) {
            this.out = out;
            this.size = size;
        }

        @Override
        public void stepChanged(int index, DiagnosticCheck check, StepResult result) {
            if (result.state() == CheckState.RUNNING) {
                if (check.active()) {
                    out.printf("[%2d/%d] %s (%s) …%n", index + 1, size, check.title(), check.phase().name().toLowerCase());
                }
                return;
            }
            out.printf("[%2d/%d] %-28s %-7s %5.1f s%s%n", index + 1, size, check.title(), result.state().name(),
                    result.seconds(), result.findings().isEmpty()
                            ? (result.note() == null ? "" : "  (" + result.note() + ")")
                            : "  " + result.findings().stream().map(f -> f.severity().json() + ":" + f.id()).toList());
        }

        @Override
        public void progress(int index, long done, long total, String message) {
            out.printf("         %s%n", message);
        }
    }
}
