package org.collapselab.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.Json;

/** The content of a run folder's report.json (design §6), as written and read back. Immutable. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunReport(int schema, RunStatus status, String message, DatasetSection dataset, ExperimentConfig config,
                        BackendInfo backend, List<EpochReport> epochs, @JsonProperty("final") FinalSection finalResult,
                        CollapseVerdict collapse, List<Finding> findings) {
    public static final int SCHEMA = 1;
    public static final String FILE = "report.json";

    public RunReport {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Reads {@code runFolder/report.json}. */
    public static RunReport read(Path runFolder) throws IOException {
        Path file = runFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE + " in " + runFolder + " — is this a run folder?");
        }
        return Json.MAPPER.readValue(file.toFile(), RunReport.class);
    }

    /**
     * The status to show for the run in {@code runFolder}: "interrupted" when the report still says
     * running but no process is training it (killed, crashed, power lost), else the report's own status.
     */
    public String displayStatus(Path runFolder) {
        return displayStatus(status, runFolder);
    }

    /** As {@link #displayStatus(Path)}, for a report's status read without the rest of it (the runs table). */
    public static String displayStatus(RunStatus status, Path runFolder) {
        if (status == RunStatus.RUNNING && !RunLock.isHeld(runFolder)) {
            return "interrupted";
        }
        return status == null ? "unknown" : status.json();
    }

    public void write(Path runFolder) throws IOException {
        Json.writeAtomically(runFolder.resolve(FILE), this);
    }

    public RunReport withStatus(RunStatus newStatus, String newMessage) {
        return new RunReport(schema, newStatus, newMessage, dataset, config, backend, epochs, finalResult, collapse, findings);
    }

    public RunReport withFindings(List<Finding> newFindings) {
        return new RunReport(schema, status, message, dataset, config, backend, epochs, finalResult, collapse, newFindings);
    }

    /** Dataset facts: counts per class in class order. */
    public record DatasetSection(String path, List<String> classes, Map<String, Integer> counts, int train,
                                 int validation, List<SkippedEntry> skipped) {
    }

    public record SkippedEntry(String file, String reason) {
    }

    /**
     * One epoch; {@code confusion} (beyond design §6's fields) lets a reopened run replay the confusion
     * matrix epoch by epoch. Reports written before it have none.
     */
    public record EpochReport(int epoch, double trainLoss, double validationLoss, double trainAccuracy,
                              double validationAccuracy, double balancedAccuracy, double macroF1, double predictionShare,
                              double seconds, ConfusionSection confusion) {
        public EpochReport(int epoch, double trainLoss, double validationLoss, double trainAccuracy,
                           double validationAccuracy, double balancedAccuracy, double macroF1, double predictionShare,
                           double seconds) {
            this(epoch, trainLoss, validationLoss, trainAccuracy, validationAccuracy, balancedAccuracy, macroF1,
                    predictionShare, seconds, null);
        }

        public static EpochReport of(EpochMetrics m) {
            return new EpochReport(m.epoch(), m.trainLoss(), m.validationLoss(), m.trainAccuracy(), m.validationAccuracy(),
                    m.balancedAccuracy(), m.macroF1(), m.predictionShare(), m.seconds(),
                    m.confusion() == null ? null : new ConfusionSection(m.confusion().labels(), m.confusion().counts()));
        }
    }

    /**
     * The last epoch's metrics with their 95% intervals ({@code …Low}/{@code …High}: Wilson for accuracy, a seeded
     * bootstrap of {@code bootstrapResamples} class-stratified resamples for balanced accuracy and macro-F1; see
     * {@link MetricIntervals}); null in reports written before them. {@code crossValidation} is set for k-fold runs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FinalSection(double validationAccuracy, Double validationAccuracyLow, Double validationAccuracyHigh,
                               double balancedAccuracy, Double balancedAccuracyLow, Double balancedAccuracyHigh,
                               double macroF1, Double macroF1Low, Double macroF1High, Integer bootstrapResamples,
                               double majorityBaseline, double predictionShare, List<String> neverPredicted,
                               ConfusionSection confusion, CrossValidation crossValidation) {

        @JsonCreator
        public FinalSection {
        }

        /** Without intervals given: computed from {@code confusion} when it has counts. */
        public FinalSection(double validationAccuracy, double balancedAccuracy, double macroF1, double majorityBaseline,
                            double predictionShare, List<String> neverPredicted, ConfusionSection confusion) {
            this(validationAccuracy, balancedAccuracy, macroF1, majorityBaseline, predictionShare, neverPredicted,
                    confusion, confusion == null ? null : MetricIntervals.of(confusion.toMatrix()), null);
        }

        private FinalSection(double validationAccuracy, double balancedAccuracy, double macroF1, double majorityBaseline,
                             double predictionShare, List<String> neverPredicted, ConfusionSection confusion,
                             MetricIntervals i, CrossValidation crossValidation) {
            this(validationAccuracy, i == null ? null : i.accuracy().low(), i == null ? null : i.accuracy().high(),
                    balancedAccuracy, i == null ? null : i.balancedAccuracy().low(),
                    i == null ? null : i.balancedAccuracy().high(), macroF1, i == null ? null : i.macroF1().low(),
                    i == null ? null : i.macroF1().high(), i == null ? null : i.resamples(), majorityBaseline,
                    predictionShare, neverPredicted, confusion, crossValidation);
        }

        public static FinalSection of(EpochMetrics m) {
            ConfusionMatrix c = m.confusion();
            return new FinalSection(m.validationAccuracy(), m.balancedAccuracy(), m.macroF1(), m.majorityBaseline(),
                    m.predictionShare(), c.neverPredicted(), new ConfusionSection(c.labels(), c.counts()));
        }

        public FinalSection withCrossValidation(CrossValidation value) {
            return new FinalSection(validationAccuracy, validationAccuracyLow, validationAccuracyHigh, balancedAccuracy,
                    balancedAccuracyLow, balancedAccuracyHigh, macroF1, macroF1Low, macroF1High, bootstrapResamples,
                    majorityBaseline, predictionShare, neverPredicted, confusion, value);
        }

        /** The interval of validation accuracy, or null when the report has none. */
        public MetricIntervals.Interval accuracyInterval() {
            return interval(validationAccuracyLow, validationAccuracyHigh);
        }

        public MetricIntervals.Interval balancedAccuracyInterval() {
            return interval(balancedAccuracyLow, balancedAccuracyHigh);
        }

        public MetricIntervals.Interval macroF1Interval() {
            return interval(macroF1Low, macroF1High);
        }

        private static MetricIntervals.Interval interval(Double low, Double high) {
            return low == null || high == null ? null : new MetricIntervals.Interval(low, high);
        }
    }

    public record ConfusionSection(List<String> labels, int[][] counts) {
        public ConfusionMatrix toMatrix() {
            return new ConfusionMatrix(labels, counts);
        }
    }
}
