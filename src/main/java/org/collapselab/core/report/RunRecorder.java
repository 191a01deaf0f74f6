package org.collapselab.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.Json;

/**
 * Keeps a run folder current while training runs (design §6): config.json before the first
 * iteration, then metrics.csv and an atomically replaced report.json with status "running" after
 * every epoch, so a run killed at any moment leaves a readable folder. {@link #finish} writes the
 * model and the final report. Training thread only.
 *
 * <p>When a write fails (typically a full disk), the recorder stops the training by throwing from the observer
 * method, and {@link #finish} ends the run as "failed" with the reason in words. report.json is only ever replaced
 * whole, so it keeps the last complete version; a {@link SpaceReserve} is given back to write that final report.
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
    private final SpaceReserve reserve;
    private BackendInfo backend;
    private String writeFailure;
    private CrossValidation crossValidation;

    public RunRecorder(Path folder, ExperimentConfig config, RunReport.DatasetSection dataset) throws IOException {
        this.folder = folder;
        this.config = config;
        this.dataset = dataset;
        try {
            Files.createDirectories(folder);
            lock = RunLock.acquire(folder);
        } catch (IOException e) {
            throw new IOException(describe("create the run folder " + folder, e), e);
        }
        try {
            reserve = SpaceReserve.claim(folder);
            ConfigCodec.write(config, folder.resolve(CONFIG_FILE));
            writeReport(report(RunStatus.RUNNING, null, List.of()));
        } catch (IOException e) {
            lock.release();
            throw new IOException(describe("write " + CONFIG_FILE + " and " + RunReport.FILE + " in " + folder, e), e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The k-fold results to write into the final section (k-fold runs only); set before {@link #finish}. */
    public void crossValidation(CrossValidation value) {
        crossValidation = value;
    }

    /** Why the run folder could not be written, in words, or null while every write succeeded. */
    public String writeFailure() {
        return writeFailure;
    }

    @Override
    public void onStarted(RunStarted started) {
        backend = started.backend();
        rewrite(report(RunStatus.RUNNING, null, List.of()), RunReport.FILE);
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
            throw failed(MetricsCsvWriter.METRICS_FILE, e);
        }
        rewrite(report(RunStatus.RUNNING, null, List.of()), RunReport.FILE);
    }

    /**
     * Saves the model (if any) and the final report with the findings; returns that report. After a failed write the
     * report says "failed" with the reason, and keeps the epochs recorded before it.
     */
    public RunReport finish(TrainingResult result, List<Finding> findings) throws IOException {
        try {
            // A run that failed with an exception comes back without its epochs; keep the ones recorded.
            List<EpochMetrics> finalEpochs = result.epochs().isEmpty() ? List.copyOf(epochs) : result.epochs();
            List<IterationSample> finalIterations = result.iterations().isEmpty() ? List.copyOf(iterations)
                    : result.iterations();
            if (writeFailure == null && result.model() != null && !result.epochs().isEmpty()) {
                try {
                    result.model().save(folder.resolve(MODEL_FILE));
                } catch (IOException | UncheckedIOException e) {
                    writeFailure = describe("write " + MODEL_FILE + " in " + folder, e);
                    Files.deleteIfExists(folder.resolve(MODEL_FILE + ".tmp"));
                }
            }
            if (writeFailure == null) {
                try {
                    MetricsCsvWriter.writeMetrics(folder, finalEpochs);
                    MetricsCsvWriter.writeIterations(folder, finalIterations);
                } catch (IOException e) {
                    writeFailure = describe("write " + MetricsCsvWriter.METRICS_FILE + " in " + folder, e);
                }
            }
            epochs.clear();
            epochs.addAll(finalEpochs);
            RunReport report = writeFailure == null ? report(result.status(), result.message(), findings)
                    : report(RunStatus.FAILED, writeFailure, findings);
            try {
                writeReport(report);
            } catch (IOException e) {
                // Give back the reserved space and try once more: the report is what the user reads first.
                reserve.release();
                report.write(folder);
            }
            return report;
        } finally {
            reserve.release();
            lock.release();
        }
    }

    private RunReport report(RunStatus status, String message, List<Finding> findings) {
        EpochMetrics last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        return new RunReport(RunReport.SCHEMA, status, message, dataset, config, backend,
                epochs.stream().map(RunReport.EpochReport::of).toList(),
                last == null ? null : RunReport.FinalSection.of(last).withCrossValidation(crossValidation),
                CollapseVerdict.of(epochs), findings);
    }

    /** Writes report.json and keeps the reserve at twice its size, so the final, longer report fits. */
    private void writeReport(RunReport report) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(report);
        Json.writeAtomically(folder.resolve(RunReport.FILE), bytes);
        reserve.ensure(Math.max(SpaceReserve.MINIMUM_BYTES, 2L * bytes.length));
    }

    private void rewrite(RunReport report, String file) {
        try {
            writeReport(report);
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    private UncheckedIOException failed(String file, IOException e) {
        writeFailure = describe("write " + file + " in " + folder, e);
        return new UncheckedIOException(writeFailure, e);
    }

    /** "no space left on device while …" for a full disk, else the file system's reason; says where the run stopped. */
    private String describe(String action, Exception e) {
        String after = epochs.isEmpty() ? "" : " after epoch " + epochs.get(epochs.size() - 1).epoch();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return "no space left on device while trying to " + action + after + "; free some space, or choose "
                        + "another folder for runs";
            }
        }
        return "cannot " + action + after + ": " + e.getMessage();
    }
}
