package org.collapselab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.report.MetricsCsvWriter;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;

/** Rebuilds a saved run's chart data from its report.json and iterations.csv. */
public final class RunHistory {
    private RunHistory() {
    }

    public static List<IterationSample> iterations(Path runFolder) {
        Path file = runFolder.resolve(MetricsCsvWriter.ITERATIONS_FILE);
        List<IterationSample> samples = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return samples;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String[] parts = lines.get(i).split(",");
                if (parts.length >= 3) {
                    samples.add(new IterationSample(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                            parts[2].isEmpty() ? Double.NaN : Double.parseDouble(parts[2]), Double.NaN));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a damaged history only loses the loss curve
        }
        return samples;
    }

    /**
     * Epoch metrics from the report, each with its own confusion matrix; reports written before epochs stored
     * theirs fall back to the final matrix.
     */
    public static List<EpochMetrics> epochs(RunReport report) {
        List<EpochMetrics> epochs = new ArrayList<>();
        if (report.finalResult() == null || report.finalResult().confusion() == null) {
            return epochs;
        }
        ConfusionMatrix last = report.finalResult().confusion().toMatrix();
        for (RunReport.EpochReport e : report.epochs()) {
            ConfusionMatrix confusion = e.confusion() == null ? last : e.confusion().toMatrix();
            epochs.add(new EpochMetrics(e.epoch(), e.trainLoss(), e.validationLoss(), e.trainAccuracy(),
                    e.validationAccuracy(), e.balancedAccuracy(), e.macroF1(), e.predictionShare(),
                    confusion.majorityBaseline(), e.seconds(), confusion));
        }
        return epochs;
    }
}
