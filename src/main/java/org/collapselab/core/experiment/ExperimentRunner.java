package org.collapselab.core.experiment;

import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Split;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.diagnostics.checks.ValidationSizeCheck;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.util.CancellationToken;

/**
 * One experiment end to end, shared by the GUI and the CLI: split the data, record the run folder,
 * train, compute findings and write the final report. Blocking; call from a worker thread.
 */
public final class ExperimentRunner {

    private final TrainingEngine engine;
    private final FindingSource findingSource;

    public ExperimentRunner(TrainingEngine engine) {
        this(engine, ExperimentRunner::standardFindings);
    }

    public ExperimentRunner(TrainingEngine engine, FindingSource findingSource) {
        this.engine = engine;
        this.findingSource = findingSource;
    }

    /** Config findings, then what the run's outcome and its monitoring show. */
    public static List<Finding> standardFindings(ExperimentConfig config, DataView train, DataView validation,
                                                 TrainingResult result) {
        List<Finding> findings = new java.util.ArrayList<>(
                org.collapselab.core.diagnostics.ConfigFindings.of(config, train.dataset().classCount()));
        findings.addAll(org.collapselab.core.diagnostics.MonitoringFindings.of(config, train.dataset().classCount(), result));
        List<Finding> tooSmall = ValidationSizeCheck.findings(config, validation, null);
        if (!tooSmall.isEmpty()) {
            findings.addAll(0, tooSmall);
        }
        return Uncertainty.whenValidationTooSmall(findings);
    }

    public TrainingEngine engine() {
        return engine;
    }

    public RunOutcome run(ExperimentConfig config, ImageDataset data, ImageDataset validationOrNull, Path runFolderOrNull,
                          TrainingObserver observer, CancellationToken cancel) throws IOException {
        return run(config, data, validationOrNull, runFolderOrNull, observer, cancel, MonitoringOptions.DEFAULT);
    }

    public RunOutcome run(ExperimentConfig config, ImageDataset data, ImageDataset validationOrNull, Path runFolderOrNull,
                          TrainingObserver observer, CancellationToken cancel, MonitoringOptions monitoring)
            throws IOException {
        int folds = validationOrNull == null ? config.data().folds() : 1;
        List<Split> splits = folds >= 2
                ? Split.folds(data.labels(), data.classCount(), folds, config.data().seed()) : null;
        TrainingViews views = splits == null ? TrainingViews.of(config.data(), data, validationOrNull)
                : new TrainingViews(new DataView(data, splits.get(0).train()), new DataView(data, splits.get(0).validation()));
        RunRecorder recorder = runFolderOrNull == null ? null
                : new RunRecorder(runFolderOrNull, config, datasetSection(data, views.train().count(), views.validation().count()));
        TrainingObserver all = recorder == null ? observer : TrainingObserver.all(recorder, observer);
        // Fold 1 is the run the user watches and whose model is kept; the other folds only add their metrics.
        TrainingResult result = engine.train(new TrainingRequest(config, views.train(), views.validation(), monitoring), all, cancel);
        CrossValidation crossValidation = splits == null ? null : otherFolds(config, data, splits, views, result, cancel);
        if (recorder != null) {
            recorder.crossValidation(crossValidation);
        }
        List<Finding> findings = findingSource.findings(config, views.train(), views.validation(), result);
        RunReport report = recorder == null ? null : recorder.finish(result, findings);
        return new RunOutcome(result, runFolderOrNull, report, findings, crossValidation);
    }

    /** Trains folds 2..k without monitoring and returns every fold's figures, fold 1's from {@code first}. */
    private CrossValidation otherFolds(ExperimentConfig config, ImageDataset data, List<Split> splits, TrainingViews first,
                                       TrainingResult firstResult, CancellationToken cancel) {
        List<CrossValidation.Fold> results = new ArrayList<>();
        results.add(CrossValidation.Fold.of(1, first.train().count(), first.validation().count(), firstResult));
        for (int f = 1; f < splits.size() && !cancel.isCancelled(); f++) {
            DataView train = new DataView(data, splits.get(f).train());
            DataView validation = new DataView(data, splits.get(f).validation());
            TrainingResult fold = engine.train(new TrainingRequest(config, train, validation, MonitoringOptions.OFF),
                    TrainingObserver.NONE, cancel);
            results.add(CrossValidation.Fold.of(f + 1, train.count(), validation.count(), fold));
        }
        return CrossValidation.of(results);
    }

    public static RunReport.DatasetSection datasetSection(ImageDataset data, int train, int validation) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] perClass = data.classCounts();
        for (int c = 0; c < data.classCount(); c++) {
            counts.put(data.classes().get(c), perClass[c]);
        }
        return new RunReport.DatasetSection(String.valueOf(data.root()), data.classes(), counts, train, validation,
                data.skipped().stream().map(s -> new RunReport.SkippedEntry(String.valueOf(s.file()), s.reason())).toList());
    }
}
