package org.collapselab.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.util.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Writes metrics.csv (one row per epoch) and iterations.csv with Tablesaw, atomically. */
public final class MetricsCsvWriter {
    public static final String METRICS_FILE = "metrics.csv";
    public static final String ITERATIONS_FILE = "iterations.csv";

    private MetricsCsvWriter() {
    }

    public static Table metricsTable(List<EpochMetrics> epochs) {
        return Table.create("metrics",
                IntColumn.create("epoch", epochs.stream().mapToInt(EpochMetrics::epoch).toArray()),
                DoubleColumn.create("trainLoss", epochs.stream().mapToDouble(EpochMetrics::trainLoss).toArray()),
                DoubleColumn.create("validationLoss", epochs.stream().mapToDouble(EpochMetrics::validationLoss).toArray()),
                DoubleColumn.create("trainAccuracy", epochs.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray()),
                DoubleColumn.create("validationAccuracy", epochs.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray()),
                DoubleColumn.create("balancedAccuracy", epochs.stream().mapToDouble(EpochMetrics::balancedAccuracy).toArray()),
                DoubleColumn.create("macroF1", epochs.stream().mapToDouble(EpochMetrics::macroF1).toArray()),
                DoubleColumn.create("predictionShare", epochs.stream().mapToDouble(EpochMetrics::predictionShare).toArray()),
                DoubleColumn.create("majorityBaseline", epochs.stream().mapToDouble(EpochMetrics::majorityBaseline).toArray()),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(EpochMetrics::seconds).toArray()));
    }

    public static void writeMetrics(Path runFolder, List<EpochMetrics> epochs) throws IOException {
        write(runFolder.resolve(METRICS_FILE), metricsTable(epochs));
    }

    public static void writeIterations(Path runFolder, List<IterationSample> iterations) throws IOException {
        Table table = Table.create("iterations",
                IntColumn.create("iteration", iterations.stream().mapToInt(s -> (int) s.iteration()).toArray()),
                IntColumn.create("epoch", iterations.stream().mapToInt(IterationSample::epoch).toArray()),
                DoubleColumn.create("loss", iterations.stream().mapToDouble(IterationSample::loss).toArray()));
        write(runFolder.resolve(ITERATIONS_FILE), table);
    }

    private static void write(Path file, Table table) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write().csv(bytes);
        Json.writeAtomically(file, bytes.toByteArray());
    }
}
