package org.collapselab.core.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.Split;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.MissingPolicy;
import org.collapselab.core.data.csv.PreparedTable;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.diagnostics.ConfigFindings;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.MonitoringFindings;
import org.collapselab.core.model.DataConfig;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.MissingValues;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.dl4j.TableTrainer;
import org.collapselab.core.util.CancellationToken;

/**
 * One experiment on a CSV file, end to end: read it as the config's {@code data.kind} says, split it (seeded,
 * stratified), fill empty cells with training means and fit the standardizer on the training rows
 * ({@link PreparedTable}), train ({@link TableTrainer}), and record the run folder (config.json, metrics.csv,
 * report.json) with the data, config and monitoring findings, as image runs are. Blocking; call from a worker thread.
 */
public final class TableExperiment {
    private TableExperiment() {
    }

    /** Whether {@code path} names a CSV file (by its extension) rather than an image folder. */
    public static boolean isCsv(Path path) {
        return path != null && path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** How the config says to read the file; {@code data.kind} must be tabular or sequence. */
    public static CsvOptions csvOptions(DataConfig data) {
        if (!data.kind().isTable()) {
            throw new IllegalArgumentException("data.kind is images; set data.kind=tabular or data.kind=sequence to read a CSV file");
        }
        return new CsvOptions(data.kind() == DataKind.SEQUENCE ? TableKind.SEQUENCE : TableKind.TABULAR,
                data.labelColumn(), data.missing() == MissingValues.MEAN ? MissingPolicy.MEAN : MissingPolicy.DROP,
                data.sequenceChannels(), CsvOptions.DEFAULT_MAX_LEVELS);
    }

    public static TableDataset load(Path csv, ExperimentConfig config) throws DataException {
        return CsvLoader.load(csv, csvOptions(config.data()));
    }

    /** Rows of another file (to predict or to compare) read like {@code training}: same columns, same classes. */
    public static TableDataset loadLike(Path csv, TableDataset training, ExperimentConfig config) throws DataException {
        TableDataset rows = load(csv, config);
        try {
            return rows.alignedTo(training);
        } catch (IllegalArgumentException e) {
            throw new DataException(csv + ": " + e.getMessage());
        }
    }

    /** The loaded rows split and fitted as {@code config} says. */
    public static PreparedTable prepare(TableDataset data, ExperimentConfig config) {
        return PreparedTable.of(data, config.data().validationFraction(), config.data().seed());
    }

    /** Trains on {@code data} into {@code runFolderOrNull} (nothing is written when it is null). */
    public static RunOutcome run(ExperimentConfig config, TableDataset data, Path runFolderOrNull,
                                 TrainingObserver observer, CancellationToken cancel) throws IOException {
        int folds = config.data().folds();
        List<Split> splits = folds >= 2 ? Split.folds(data.labels(), data.classCount(), folds, config.data().seed())
                : null;
        PreparedTable table = splits == null ? prepare(data, config) : PreparedTable.of(data, splits.get(0));
        RunRecorder recorder = runFolderOrNull == null ? null : new RunRecorder(runFolderOrNull, config,
                datasetSection(data, table.split().train().length, table.split().validation().length));
        TrainingObserver all = recorder == null ? observer : TrainingObserver.all(recorder, observer);
        // Fold 1 is the run the user watches and whose model is kept; the other folds only add their metrics.
        TrainingResult result = TableTrainer.train(config, table, all, cancel);
        CrossValidation crossValidation = splits == null ? null : otherFolds(config, data, splits, table, result, cancel);
        if (recorder != null) {
            recorder.crossValidation(crossValidation);
        }
        List<Finding> findings = new ArrayList<>(DataFindings.of(data, config));
        findings.addAll(ConfigFindings.of(config, data.classCount()));
        findings.addAll(MonitoringFindings.of(config, data.classCount(), result));
        findings = org.collapselab.core.diagnostics.Uncertainty.whenValidationTooSmall(findings);
        RunReport report = recorder == null ? null : recorder.finish(result, findings);
        return new RunOutcome(result, runFolderOrNull, report, findings, crossValidation);
    }

    /**
     * Trains folds 2..k without monitoring, each imputed and standardized on its own training rows, and returns every
     * fold's figures, fold 1's from {@code firstResult}.
     */
    private static CrossValidation otherFolds(ExperimentConfig config, TableDataset data, List<Split> splits,
                                              PreparedTable first, TrainingResult firstResult, CancellationToken cancel) {
        List<CrossValidation.Fold> results = new ArrayList<>();
        results.add(CrossValidation.Fold.of(1, first.split().train().length, first.split().validation().length,
                firstResult));
        for (int f = 1; f < splits.size() && !cancel.isCancelled(); f++) {
            PreparedTable fold = PreparedTable.of(data, splits.get(f));
            TrainingResult trained = TableTrainer.train(config, fold, TrainingObserver.NONE, cancel,
                    MonitoringOptions.OFF);
            results.add(CrossValidation.Fold.of(f + 1, fold.split().train().length, fold.split().validation().length,
                    trained));
        }
        return CrossValidation.of(results);
    }

    /** The report's dataset section: the file, class counts and the skipped rows by line. */
    public static RunReport.DatasetSection datasetSection(TableDataset data, int train, int validation) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] perClass = data.classCounts();
        for (int c = 0; c < data.classCount(); c++) {
            counts.put(data.classes().get(c), perClass[c]);
        }
        return new RunReport.DatasetSection(String.valueOf(data.source()), data.classes(), counts, train, validation,
                data.skipped().stream().map(s -> new RunReport.SkippedEntry(data.source() + ":" + s.line(), s.reason()))
                        .toList());
    }
}
