package org.collapselab.core.experiment.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.sweep.RunTrialWork;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.Trial;
import org.collapselab.core.experiment.sweep.TrialExecutor;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.experiment.sweep.TrialWork;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.CancellationToken;

/**
 * A sweep's trials on Spark: each trial's config goes out as a task, its run folder comes back into
 * {@code <sweep>/trial-NNN/} and becomes its trials.csv row exactly as a local trial's does, so {@code --resume} works
 * the same. The local {@link TrialWork} is not used: executors run the same {@code ExperimentRunner} themselves.
 */
public final class SparkTrialExecutor implements TrialExecutor {
    private final SparkTrials spark;
    private final SweepSpec spec;
    private final Path sweepFolder;
    private final ImageDataset data;
    private final ImageDataset validation;
    private final Path csv;

    public SparkTrialExecutor(SparkTrials spark, SweepSpec spec, Path sweepFolder, ImageDataset data,
                              ImageDataset validationOrNull) {
        this(spark, spec, sweepFolder, data, validationOrNull, null);
    }

    private SparkTrialExecutor(SparkTrials spark, SweepSpec spec, Path sweepFolder, ImageDataset data,
                               ImageDataset validationOrNull, Path csv) {
        this.spark = spark;
        this.spec = spec;
        this.sweepFolder = sweepFolder;
        this.data = data;
        this.validation = validationOrNull;
        this.csv = csv;
    }

    /** A sweep on the rows of a CSV file: the file travels to the executors ({@link SparkTrials#runOnCsv}). */
    public static SparkTrialExecutor onCsv(SparkTrials spark, SweepSpec spec, Path sweepFolder, Path csv) {
        return new SparkTrialExecutor(spark, spec, sweepFolder, null, null, csv);
    }

    @Override
    public void run(List<Trial> trials, TrialWork work, Consumer<TrialResult> finished, CancellationToken cancel)
            throws InterruptedException {
        Map<String, Trial> byId = new HashMap<>();
        List<SparkTrialTask> tasks = new ArrayList<>();
        for (Trial trial : trials) {
            try {
                String json = ConfigCodec.toJson(ConfigCodec.withOverrides(spec.base(), trial.overrides(spec.name())));
                tasks.add(new SparkTrialTask(trial.folderName(), json, false));
                byId.put(trial.folderName(), trial);
            } catch (ConfigException e) {
                finished.accept(TrialResult.failed(trial, "ConfigException: " + e.getMessage(), 0));
            }
        }
        Consumer<SparkTrialResult> onResult = result -> {
            Trial trial = byId.get(result.id());
            TrialResult row = row(trial, result);
            if (row != null && !(cancel.isCancelled() && RunStatus.STOPPED.json().equals(row.status()))) {
                finished.accept(row);
            }
        };
        if (csv == null) {
            spark.run(data, validation, tasks, onResult, cancel);
            return;
        }
        try {
            spark.runOnCsv(csv, tasks, onResult, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv + " to send it to the Spark executors", e);
        }
    }

    private TrialResult row(Trial trial, SparkTrialResult result) {
        if (result.failure() != null) {
            return "cancelled".equals(result.failure()) ? null : TrialResult.failed(trial, result.failure(), 0);
        }
        Path folder = sweepFolder.resolve(trial.folderName());
        try {
            result.unpackInto(folder);
            RunReport report = RunReport.read(folder);
            double seconds = report.epochs().stream().mapToDouble(RunReport.EpochReport::seconds).sum();
            return RunTrialWork.row(spec, trial, report, seconds);
        } catch (IOException | RuntimeException e) {
            return TrialResult.failed(trial, "its run folder could not be written: " + e.getMessage(), 0);
        }
    }

    @Override
    public int parallelism() {
        return spark.concurrentTrials();
    }
}
