package org.collapselab.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;

/**
 * Keeps a run folder current while training runs (design §6): config.json before the first
 * iteration, then metrics.csv and an atomically replaced report.json with status "running" after
 * every epoch, so a run killed at any moment leaves a readable folder. {@link #finish} writes the
 * model and the final report. Training thread only.
 */
public final class RunRecorder implements TrainingObserver {
    public static final String CONFIG_FILE = "config.json";
    public static final String MODEL_FILE = "model.zip";

    private final Path folder;
    private final ExperimentConfig config;
    private final RunReport.DatasetSection dataset;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<IterationSample> iterations = new ArrayList<>();
    private final RunLock lock;
    private BackendInfo backend;

    public RunRecorder(Path folder, ExperimentConfig config, RunReport.DatasetSection dataset) throws IOException {
        this.folder = folder;
        this.config = config;
        this.dataset = dataset;
        Files.createDirectories(folder);
        lock = RunLock.acquire(folder);
        ConfigCodec.write(config, folder.resolve(CONFIG_FILE));
        report(RunStatus.RUNNING, null, List.of()).write(folder);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void onStarted(RunStarted started) {
        backend = started.backend();
        rewrite(report(RunStatus.RUNNING, null, List.of()));
    }

    @Override
    public void onIteration(IterationSample sample) {
        iterations.add(sample);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        epochs.add(metrics);
        try {
            MetricsCsvWriter.writeMetrics(folder, epochs);
            MetricsCsvWriter.writeIterations(folder, iterations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rewrite(report(RunStatus.RUNNING, null, List.of()));
    }

    /** Saves the model (if any) and the final report with the findings; returns that report. */
    public RunReport finish(TrainingResult result, List<Finding> findings) throws IOException {
        if (result.model() != null && !result.epochs().isEmpty()) {
            result.model().save(folder.resolve(MODEL_FILE));
        }
        MetricsCsvWriter.writeMetrics(folder, result.epochs());
        MetricsCsvWriter.writeIterations(folder, result.iterations());
        epochs.clear();
        epochs.addAll(result.epochs());
        RunReport report = report(result.status(), result.message(), findings);
        report.write(folder);
        lock.release();
        return report;
    }

    private RunReport report(RunStatus status, String message, List<Finding> findings) {
        EpochMetrics last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        return new RunReport(RunReport.SCHEMA, status, message, dataset, config, backend,
                epochs.stream().map(RunReport.EpochReport::of).toList(),
                last == null ? null : RunReport.FinalSection.of(last), CollapseVerdict.of(epochs), findings);
    }

    private void rewrite(RunReport report) {
        try {
            report.write(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
