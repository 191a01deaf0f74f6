package org.collapselab.core.experiment.sweep;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;

/**
 * A trial as a normal run: the base config with the trial's overrides goes through {@link ExperimentRunner#run} (or,
 * for a CSV file, {@link TableExperiment#run}) into
 * {@code <sweep>/trial-NNN/} (config.json, metrics.csv, report.json, model.zip as for any run). Whatever the run throws
 * (a bad combination of values, out of memory, a native error) becomes a {@code failed} row with the reason.
 */
public final class RunTrialWork implements TrialWork {
    /** The images a trial trains on; a sweep over image size or channels needs more than one load. */
    @FunctionalInterface
    public interface DataSource {
        /** The training images and the validation images (null: split from the training ones) for this config. */
        ImageDataset[] load(ExperimentConfig config, CancellationToken cancel) throws Exception;
    }

    /** The rows of a CSV file a trial trains on, read as the trial's config says. */
    @FunctionalInterface
    public interface TableSource {
        TableDataset load(ExperimentConfig config) throws Exception;
    }

    private final SweepSpec spec;
    private final Path sweepFolder;
    private final Supplier<TrainingEngine> engines;
    private final DataSource data;
    private final TableSource table;
    private final Function<Trial, TrainingObserver> observers;

    public RunTrialWork(SweepSpec spec, Path sweepFolder, Supplier<TrainingEngine> engines, DataSource data,
                        Function<Trial, TrainingObserver> observers) {
        this(spec, sweepFolder, engines, data, null, observers);
    }

    private RunTrialWork(SweepSpec spec, Path sweepFolder, Supplier<TrainingEngine> engines, DataSource data,
                         TableSource table, Function<Trial, TrainingObserver> observers) {
        this.spec = spec;
        this.sweepFolder = sweepFolder;
        this.engines = engines;
        this.data = data;
        this.table = table;
        this.observers = observers;
    }

    /** Trials on the rows of a CSV file: each one a {@link TableExperiment} run into its trial folder. */
    public static RunTrialWork onTable(SweepSpec spec, Path sweepFolder, TableSource table,
                                       Function<Trial, TrainingObserver> observers) {
        return new RunTrialWork(spec, sweepFolder, null, null, table, observers);
    }

    @Override
    public TrialResult run(Trial trial, CancellationToken cancel) {
        long start = System.nanoTime();
        try {
            ExperimentConfig config = ConfigCodec.withOverrides(spec.base(), trial.overrides(spec.name()));
            Path folder = sweepFolder.resolve(trial.folderName());
            RunOutcome outcome;
            if (table != null) {
                TableDataset rows = table.load(config);
                java.nio.file.Files.createDirectories(folder);
                outcome = TableExperiment.run(config, rows, folder, observers.apply(trial), cancel);
            } else {
                ImageDataset[] images = data.load(config, cancel);
                java.nio.file.Files.createDirectories(folder);
                outcome = new ExperimentRunner(engines.get()).run(config, images[0], images[1], folder,
                        observers.apply(trial), cancel);
            }
            return result(trial, outcome, seconds(start));
        } catch (CancelledException e) {
            return stopped(trial, seconds(start));
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            // One bad trial must not end the sweep: record it and go on.
            String reason = e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return TrialResult.failed(trial, reason, seconds(start));
        }
    }

    private TrialResult result(Trial trial, RunOutcome outcome, double seconds) {
        return row(spec, trial, outcome.report(), seconds);
    }

    /** The trials.csv row of a trial from its run folder's report (a local run, or one sent back by a cluster). */
    public static TrialResult row(SweepSpec spec, Trial trial, RunReport report, double seconds) {
        RunReport.EpochReport last = report.epochs().isEmpty() ? null : report.epochs().get(report.epochs().size() - 1);
        String status = report.status().json();
        String reason = report.status() == RunStatus.COMPLETED ? "" : String.valueOf(report.message());
        String top = report.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> -f.severity().ordinal()).thenComparingInt(Finding::rank))
                .map(Finding::id).findFirst().orElse("");
        boolean collapsed = report.collapse() != null && report.collapse().collapsed();
        TrialResult row = new TrialResult(trial.index(), trial.rung(), trial.epochs(), trial.parameters(), status,
                Double.NaN, last == null ? Double.NaN : last.balancedAccuracy(),
                last == null ? Double.NaN : last.validationAccuracy(), last == null ? Double.NaN : last.macroF1(),
                last == null ? Double.NaN : last.validationLoss(), collapsed,
                collapsed && report.collapse().dominantClass() != null ? report.collapse().dominantClass() : "",
                top, seconds, trial.folderName(), reason);
        return row.withObjective(spec.objective().of(row));
    }

    private static TrialResult stopped(Trial trial, double seconds) {
        TrialResult failed = TrialResult.failed(trial, "stopped", seconds);
        return new TrialResult(failed.trial(), failed.rung(), failed.epochs(), failed.parameters(), RunStatus.STOPPED.json(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "", "", seconds, failed.runFolder(),
                "stopped");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
