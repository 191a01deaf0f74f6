package org.collapselab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
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
    @Option(names = "--data", required = true, paramLabel = "DIR|FILE.csv",
            description = "Image folder, one sub-folder per class, or a CSV file (data.kind tabular or sequence).")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: a new folder under runs/).")
    Path out;

    @Option(names = "--predict", paramLabel = "DIR|FILE.csv",
            description = "Images you want to classify (class sub-folders), or rows (a CSV file like the training one); "
                    + "their preprocessing is compared with training's.")
    Path predict;

    @Option(names = "--budget-seconds", paramLabel = "S", defaultValue = "600",
            description = "Time for experiments and fix trials, excluding the monitored run (default: ${DEFAULT-VALUE}; "
                    + "0 = unlimited). Steps beyond it are skipped.")
    double budgetSeconds;

    @Option(names = "--trial-epochs", paramLabel = "N", defaultValue = "" + TrialBudget.DEFAULT_TRIAL_EPOCHS,
            description = "Epochs of each short trial run (default: ${DEFAULT-VALUE}).")
    int trialEpochs;

    @Option(names = "--trial-images", paramLabel = "N", defaultValue = "" + TrialBudget.DEFAULT_MAX_TRIAL_IMAGES,
            description = "Training images (or CSV rows) a trial uses at most (default: ${DEFAULT-VALUE}).")
    int trialImages;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        long cpuStart = org.collapselab.core.util.CpuClock.processNanos();
        boolean csv = TableExperiment.isCsv(data);
        ExperimentConfig config = csv ? CsvTraining.resolve(experiment, data) : experiment.resolve();
        TrainCommand.checkRunsFolder(out);
        CancellationToken cancel = new CancellationToken();
        ExperimentService service = experiment.service();
        TrialBudget budget = TrialBudget.of(budgetSeconds, trialEpochs, trialImages);
        PrintStream console = System.out;
        AtomicReference<RunOutcome> monitored = new AtomicReference<>();
        DiagnosticSession session;
        if (csv) {
            TableDataset rows = CsvTraining.load(data, config);
            TableDataset predictRows = predict == null ? null : ExperimentService.loadTableLike(predict, rows, config);
            session = service.newTableDiagnosis(config, rows, predictRows, null, budget, out,
                    new ConsoleObserver(console), monitored::set);
        } else {
            ImageDataset dataset = DataLoading.load(service, data, config, cancel);
            ImageDataset predictSet = predict == null ? null : service.loadLike(predict, dataset, config,
                    ProgressObserver.NONE, cancel);
            session = service.newDiagnosis(config, dataset, predictSet, budget, out, new ConsoleObserver(console),
                    monitored::set, cancel);
        }
        session.addObserver(new StepPrinter(console, session.size()));
        List<Finding> ranked = StopOnInterrupt.run(cancel, () -> {
            console.printf("Diagnosing %s: %d checks; experiment budget %s, trials of %d epochs on ≤ %d images%n",
                    data, session.size(), budgetSeconds > 0 ? String.format("%.0f s", budgetSeconds) : "unlimited",
                    trialEpochs, trialImages);
            long rankStart = System.nanoTime();
            List<Finding> found = service.runFullDiagnosis(session, (done, total, message) -> {
                if (total > 0) {
                    console.printf("  [%d/%d] %s%n", done + 1, total, message);
                } else {
                    console.println("  " + message);
                }
            }, cancel);
            console.printf("  steps and ranking took %.1f s%s%n", (System.nanoTime() - rankStart) / 1e9,
                    session.rankingWork() == null ? "" : " (ranking: " + String.format(java.util.Locale.ROOT,
                            "%.1f s, ", session.rankingWork().seconds()) + session.rankingWork().describe() + ")");
            RunOutcome run = monitored.get();
            service.writeDiagnosis(run == null ? out : run.runFolder(), session, found, false, null);
            return found;
        });
        Path folder = monitored.get() == null ? out : monitored.get().runFolder();
        console.println();
        console.println(CauseRanker.RULE);
        Printing.findings(console, "Ranked causes", ranked);
        console.printf("Diagnose took %.1f s in all, %.1f s of CPU time (experiments %.1f s). Run folder: %s%n",
                (System.nanoTime() - start) / 1e9, org.collapselab.core.util.CpuClock.secondsSince(cpuStart),
                budget.elapsedSeconds(),
                folder == null ? "none (no monitored run)" : folder.toAbsolutePath());
        TrainingResult result = session.context().trainingResult();
        if (result != null && result.status() == RunStatus.FAILED) {
            System.err.println("error: " + result.message());
            return ExitCodes.FAILURE;
        }
        return TrainingFindings.hasCritical(ranked) ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
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
            out.printf("[%2d/%d] %-28s %-14s %5.1f s%s%s%s%n", index + 1, size, check.title(),
                    result.state().name().replace('_', ' '), result.seconds(), result.findings().isEmpty()
                            ? (result.note() == null ? "" : "  (" + result.note() + ")")
                            : "  " + result.findings().stream().map(f -> f.severity().json() + ":" + f.id()).toList(),
                    result.run() == null ? "" : "  [run " + result.run() + "]",
                    check.active() && result.work() != null ? "  {" + result.work().describe() + "}" : "");
        }

        @Override
        public void progress(int index, long done, long total, String message) {
            out.printf("         %s%n", message);
        }
    }
}
