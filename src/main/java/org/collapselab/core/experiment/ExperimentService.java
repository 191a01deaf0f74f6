package org.collapselab.core.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.DiagnosticCatalog;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.RunFolders;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The application service that the GUI and the CLI share: load the inputs of an experiment, run it into a run
 * folder, set up and run a diagnosis, and write its report. The front ends only adapt these calls (JavaFX properties,
 * console output). Blocking methods; call them from a worker thread. Thread-safe apart from the sessions it returns.
 */
public final class ExperimentService {
    /** Suffix of the run folder of a diagnosis's monitored run. */
    public static final String DIAGNOSE_SUFFIX = "-diagnose";
    /** The diagnosis report written next to a run's own report.html, so exporting never overwrites it. */
    public static final String DIAGNOSIS_HTML = "diagnosis.html";

    private final TrainingEngine engine;
    private final ExperimentRunner runner;
    /** Volatile: the GUI may switch to another runs folder between runs (a read-only or full one). */
    private volatile Path runsDirectory;
    private final DatasetLoader loader = new DatasetLoader();
    private volatile CachedValidation cachedValidation;

    public ExperimentService(TrainingEngine engine, Path runsDirectory) {
        this.engine = Objects.requireNonNull(engine);
        this.runner = new ExperimentRunner(engine);
        this.runsDirectory = runsDirectory;
    }

    public TrainingEngine engine() {
        return engine;
    }

    public Path runsDirectory() {
        return runsDirectory;
    }

    /** Writes the next runs under {@code directory}; runs already started keep their folders. */
    public void useRunsDirectory(Path directory) {
        this.runsDirectory = Objects.requireNonNull(directory);
    }

    /** The training folder decoded at the config's image size and channels. */
    public ImageDataset loadData(Path root, ExperimentConfig config, ProgressObserver progress, CancellationToken cancel)
            throws DataException {
        return loader.load(root, config.data().imageSize(), config.data().channels(), progress, cancel);
    }

    /**
     * The separate validation folder that {@code data.validationPath} names, decoded with the training classes, or
     * null when the config names none. The last one loaded is kept, so retraining does not decode it again.
     */
    public ImageDataset loadValidation(ExperimentConfig config, ImageDataset train, ProgressObserver progress,
                                       CancellationToken cancel) throws DataException {
        String path = config.data().validationPath();
        if (path == null || path.isBlank()) {
            return null;
        }
        CachedValidation cached = cachedValidation;
        CachedValidation key = new CachedValidation(Path.of(path).toAbsolutePath().normalize(), train.classes(),
                config.data().imageSize(), config.data().channels(), null);
        if (cached != null && cached.sameSource(key)) {
            return cached.data();
        }
        ImageDataset data = loader.load(Path.of(path), train.classes(), config.data().imageSize(),
                config.data().channels(), progress, cancel);
        cachedValidation = key.with(data);
        return data;
    }

    /** A folder decoded like the training images and labelled by the training classes (images to predict). */
    public ImageDataset loadLike(Path root, ImageDataset training, ExperimentConfig config, ProgressObserver progress,
                                 CancellationToken cancel) throws DataException {
        return loader.load(root, training.classes(), config.data().imageSize(), config.data().channels(), progress,
                cancel);
    }

    /** True when the config names a validation folder that has not been loaded yet (a GUI loads it off the FX thread). */
    public boolean validationPending(ExperimentConfig config, ImageDataset train) {
        String path = config.data().validationPath();
        if (path == null || path.isBlank()) {
            return false;
        }
        CachedValidation cached = cachedValidation;
        return cached == null || !cached.sameSource(new CachedValidation(Path.of(path).toAbsolutePath().normalize(),
                train.classes(), config.data().imageSize(), config.data().channels(), null));
    }

    /** Images to classify with a trained model: decoded like its training images, labelled by its classes. */
    public static ImageDataset loadForPrediction(Path root, TrainedModel model, ProgressObserver progress,
                                                 CancellationToken cancel) throws DataException {
        ExperimentConfig config = model.config();
        return new DatasetLoader().load(root, model.classes(), config.data().imageSize(), config.data().channels(),
                progress, cancel);
    }

    /**
     * Rows of a CSV file to classify with a model trained on CSV rows: read as its config says and aligned to its
     * columns and classes.
     */
    public static TableDataset loadRowsForPrediction(Path csv, org.collapselab.core.training.TableModel model)
            throws DataException {
        TableDataset rows = TableExperiment.load(csv, model.config());
        try {
            return rows.alignedTo(model.kind(), model.channels(), model.featureNames(), model.featureColumns(),
                    model.classes());
        } catch (IllegalArgumentException e) {
            throw new DataException(csv + ": " + e.getMessage());
        }
    }

    /** A new, unique run folder under the runs directory, named after the time and {@code name}. */
    public Path newRunFolder(String name) throws IOException {
        return RunFolders.create(runsDirectory, name);
    }

    /**
     * One run on {@code data} (validated on the folder that {@code data.validationPath} names, else on a stratified
     * split) recorded in {@code folderOrNull}, or in a new run folder when it is null.
     */
    public RunOutcome train(ExperimentConfig config, ImageDataset data, Path folderOrNull, TrainingObserver observer,
                            CancellationToken cancel) throws IOException, DataException {
        ImageDataset validation = loadValidation(config, data, ProgressObserver.NONE, cancel);
        Path folder = folderOrNull != null ? folderOrNull : newRunFolder(config.name());
        return runner.run(config, data, validation, folder, observer, cancel);
    }

    /**
     * One run on the rows of a CSV file ({@link TableExperiment}: seeded stratified split, training-split
     * standardizer, MultiLayerNetwork) recorded in {@code folderOrNull}, or in a new run folder when it is null.
     */
    public RunOutcome trainTable(ExperimentConfig config, org.collapselab.core.data.csv.TableDataset data,
                                 Path folderOrNull, TrainingObserver observer, CancellationToken cancel)
            throws IOException {
        Path folder = folderOrNull != null ? folderOrNull : newRunFolder(config.name());
        return TableExperiment.run(config, data, folder, observer, cancel);
    }

    /**
     * A guided diagnosis of {@code config} on {@code data}: the catalogue's checks, trial runs within {@code budget},
     * and a monitored run that trains into {@code monitoredFolderOrNull} (else a new run folder named
     * {@code <name>-diagnose}), reporting to {@code monitoredObserver} and handing its outcome to {@code onMonitoredRun}.
     */
    public DiagnosticSession newDiagnosis(ExperimentConfig config, ImageDataset data, ImageDataset predictSetOrNull,
                                          TrialBudget budget, Path monitoredFolderOrNull,
                                          TrainingObserver monitoredObserver,
                                          Consumer<RunOutcome> onMonitoredRun, CancellationToken loadCancel)
            throws DataException {
        return newDiagnosis(config, data, predictSetOrNull, null, budget, monitoredFolderOrNull, monitoredObserver,
                onMonitoredRun, loadCancel);
    }

    /**
     * As above, with a finished run of the same config and data ({@code finishedRunOrNull}) whose result the
     * training checks read instead of training again.
     */
    public DiagnosticSession newDiagnosis(ExperimentConfig config, ImageDataset data, ImageDataset predictSetOrNull,
                                          RunOutcome finishedRunOrNull, TrialBudget budget, Path monitoredFolderOrNull,
                                          TrainingObserver monitoredObserver,
                                          Consumer<RunOutcome> onMonitoredRun, CancellationToken loadCancel)
            throws DataException {
        ImageDataset validation = loadValidation(config, data, ProgressObserver.NONE, loadCancel);
        DiagnosticContext.Builder builder = DiagnosticContext.builder(config, data);
        if (finishedRunOrNull != null) {
            builder.trainingRun(finishedRunOrNull.result(), runName(finishedRunOrNull));
        }
        DiagnosticContext ctx = builder
                .validationSet(validation)
                .predictSet(predictSetOrNull)
                .trials(new CachingTrialRunner(engine, budget))
                .monitoredRun((context, token) -> {
                    try {
                        Path folder = monitoredFolderOrNull != null ? monitoredFolderOrNull
                                : newRunFolder(context.config().name() + DIAGNOSE_SUFFIX);
                        RunOutcome outcome = runner.run(context.config(), context.dataset(), context.validationSet(),
                                folder, monitoredObserver, token);
                        onMonitoredRun.accept(outcome);
                        context.trainingRun(outcome.result(), runName(outcome));
                        return outcome.result();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
        return new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
    }

    /**
     * A guided diagnosis of {@code config} on the rows of a CSV file: the same catalogue (the image-only steps say they
     * do not apply, the CSV-only ones run), trials on the rows within {@code budget}, and a monitored run recorded like
     * {@link #trainTable} into {@code monitoredFolderOrNull} (else a new {@code <name>-diagnose} folder). The GUI's
     * Diagnose screen calls this for CSV data exactly as {@link #newDiagnosis} for images.
     *
     * @param predictRowsOrNull rows to predict, loaded like the training rows ({@link #loadTableLike}), or null
     * @param finishedRunOrNull a finished run of the same config and data whose result the training checks read
     */
    public DiagnosticSession newTableDiagnosis(ExperimentConfig config, TableDataset data, TableDataset predictRowsOrNull,
                                               RunOutcome finishedRunOrNull, TrialBudget budget,
                                               Path monitoredFolderOrNull, TrainingObserver monitoredObserver,
                                               Consumer<RunOutcome> onMonitoredRun) {
        DiagnosticContext.Builder builder = DiagnosticContext.forTable(config, data);
        if (finishedRunOrNull != null) {
            builder.trainingResult(finishedRunOrNull.result());
        }
        DiagnosticContext ctx = builder
                .predictSet(predictRowsOrNull)
                .trials(new CachingTrialRunner(engine, budget))
                .monitoredRun((context, token) -> {
                    try {
                        Path folder = monitoredFolderOrNull != null ? monitoredFolderOrNull
                                : newRunFolder(context.config().name() + DIAGNOSE_SUFFIX);
                        RunOutcome outcome = TableExperiment.run(context.config(), data, folder, monitoredObserver,
                                token);
                        onMonitoredRun.accept(outcome);
                        return outcome.result();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
        return new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
    }

    /** Rows of another CSV file read as {@code config} says, with the training table's columns and classes. */
    public static TableDataset loadTableLike(Path csv, TableDataset training, ExperimentConfig config)
            throws DataException {
        return TableExperiment.loadLike(csv, training, config);
    }

    /** Every step in order, then the cause ranking by trial runs of the fixes; returns the ranked findings. */
    public List<Finding> runFullDiagnosis(DiagnosticSession session, ProgressObserver rankingProgress,
                                          CancellationToken cancel) {
        session.moveTo(0);
        session.runAll(cancel);
        if (cancel.isCancelled()) {
            return List.of();
        }
        return session.rankCauses(rankingProgress, cancel);
    }

    /**
     * The quick checks: every pending step that trains nothing (data, config, and a finished run with the checks
     * that judge it). Without a run, the steps that judge one are marked waiting; steps that do not apply say why.
     */
    public void runQuickChecks(DiagnosticSession session, CancellationToken cancel) {
        for (int i = 0; i < session.size() && !cancel.isCancelled(); i++) {
            var check = session.checks().get(i);
            var state = session.state(i);
            boolean waiting = check.readsTrainingRun() && session.context().trainingResult() == null;
            if ((state == CheckState.PENDING || state == CheckState.WAITING)
                    && (check.quick(session.context()) || waiting)) {
                session.run(i, cancel);
            }
        }
    }

    /** The name a run goes by in a diagnosis: its run folder's, or null without one. */
    static String runName(RunOutcome outcome) {
        return outcome.runFolder() == null ? null : outcome.runFolder().getFileName().toString();
    }

    /**
     * Records a diagnosis in the run folder it diagnosed: the findings (ranked when given) into report.json, the steps
     * into steps.json, and, when {@code html} is set, a diagnosis report ({@value #DIAGNOSIS_HTML}, with the before →
     * after of a retrain when one is given) that leaves the run's own report.html alone.
     *
     * @return the HTML file written, or null when none was asked for or the folder has no report
     */
    public Path writeDiagnosis(Path runFolder, DiagnosticSession session, List<Finding> findings, boolean html,
                               String retrainComparisonOrNull) throws IOException {
        if (runFolder == null || !Files.isRegularFile(runFolder.resolve(RunReport.FILE))) {
            return null;
        }
        RunReport report = RunReport.read(runFolder).withFindings(findings);
        report.write(runFolder);
        StepsReport steps = session == null ? null : StepsReport.of(session);
        if (steps != null) {
            steps.write(runFolder);
        }
        if (!html) {
            return null;
        }
        Path file = runFolder.resolve(DIAGNOSIS_HTML);
        HtmlReportWriter.write(report, steps, retrainComparisonOrNull, file);
        return file;
    }

    private record CachedValidation(Path path, List<String> classes, int size, int channels, ImageDataset data) {
        boolean sameSource(CachedValidation other) {
            return path.equals(other.path) && classes.equals(other.classes) && size == other.size
                    && channels == other.channels;
        }

        CachedValidation with(ImageDataset loaded) {
            return new CachedValidation(path, classes, size, channels, loaded);
        }
    }
}
