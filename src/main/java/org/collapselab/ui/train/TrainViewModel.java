package org.collapselab.ui.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.ModelSummary;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.ui.common.IntervalTexts;
import org.collapselab.core.report.RunFolders;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.common.Formats;

/**
 * The train screen's state. Training runs on the app's single training executor; its events go
 * into a {@link TrainingBuffer} that a 150 ms FX timeline drains, so the FX thread never waits on
 * training and updates stay coalesced. FX thread only (except the buffer).
 */
public final class TrainViewModel {
    static final double SMOOTHING = 0.9;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainViewModel.class);

    private final AppContext context;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("Not started");
    private final StringProperty backend = new SimpleStringProperty("Starting the maths library (ND4J)…");
    private final StringProperty banner = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty comparison = new SimpleStringProperty("");
    private final ObjectProperty<RunOutcome> lastOutcome = new SimpleObjectProperty<>();
    /** Why the runs folder cannot take runs (read-only, missing, full), or "": the screen then offers another folder. */
    private final StringProperty runsFolderProblem = new SimpleStringProperty("");
    private final List<Runnable> listeners = new ArrayList<>();
    private final Timeline pump;

    // Current run's history, read by the view on each refresh.
    private double[] iterationX = new double[1024];
    private double[] smoothedLoss = new double[1024];
    private int iterationCount;
    private double ema = Double.NaN;
    /** Last iteration of each epoch, so validation loss is drawn where its epoch ended. */
    private final java.util.Map<Integer, Long> epochEnd = new java.util.HashMap<>();
    final List<EpochMetrics> epochs = new ArrayList<>();
    LayerStatistics lastLayers;
    List<String> classes = List.of();
    int[] trueCounts = new int[0];
    // The previous run, drawn faded.
    List<double[]> previousLoss = List.of();
    List<EpochMetrics> previousEpochs = List.of();
    /** What the faded curves are: the last run on screen, or the diagnosed run during a retrain. */
    String previousName = "previous run";

    /** The diagnosed run the next run is compared with ("Retrain with fixes"), or null. */
    private RunOutcome retrainBefore;
    private RunOutcome comparedRun;
    private boolean trainedBefore;
    private EtaEstimator eta;

    private TrainingBuffer buffer;
    private CancellationToken cancel;
    private long startNanos;
    /** System.nanoTime() when the first loss point and the first epoch's metrics were handed to the view; 0 until then. */
    private long firstPointDrawnAt;
    private long firstEpochDrawnAt;
    private int totalIterations;
    private int totalEpochs;

    public TrainViewModel(AppContext context) {
        this.context = context;
        pump = new Timeline(new KeyFrame(Duration.millis(150), e -> drain()));
        pump.setCycleCount(Timeline.INDEFINITE);
    }

    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty backendProperty() { return backend; }
    public StringProperty bannerProperty() { return banner; }
    public StringProperty outcomeProperty() { return outcome; }
    /** Before → after of the last "Retrain with fixes", and why plain accuracy fell when it did. */
    public StringProperty comparisonProperty() { return comparison; }
    public StringProperty runsFolderProblemProperty() { return runsFolderProblem; }

    /**
     * Writes the session's next runs under {@code directory}, after checking that it can take them.
     * @return null when switched, else why the folder cannot be used
     */
    public String useRunsFolder(java.nio.file.Path directory) {
        assert Platform.isFxApplicationThread();
        try {
            RunFolders.checkUsable(directory);
        } catch (RunFolders.RunsFolderException e) {
            return e.getMessage();
        }
        context.useRunsDirectory(directory);
        runsFolderProblem.set("");
        context.hintProperty().set("Runs now go to " + directory.toAbsolutePath() + " for this session. Train (Ctrl+Enter) "
                + "starts one.");
        return null;
    }

    /** True when there is nothing to draw: no run trained, shown or kept as the previous one. */
    boolean empty() {
        return iterationCount == 0 && epochs.isEmpty() && previousLoss.isEmpty() && previousEpochs.isEmpty();
    }

    /**
     * Makes the next run a retrain of {@code diagnosed}: its curves are the faded "previous" ones, and the
     * finished run is compared with it. Null means a plain run (compared with whatever was on screen).
     */
    public void compareNextRunWith(RunOutcome diagnosed) {
        retrainBefore = diagnosed;
    }
    public ObjectProperty<RunOutcome> lastOutcomeProperty() { return lastOutcome; }

    /** Finished epochs of the run on screen (read-only view). */
    public List<EpochMetrics> epochs() {
        return java.util.Collections.unmodifiableList(epochs);
    }

    /**
     * Builds and trains a throwaway copy of the network on the training executor, so the first real run does not
     * pay the session's set-up; a Train pressed meanwhile simply queues behind it.
     */
    public void warmUp() {
        assert Platform.isFxApplicationThread();
        if (trainedBefore) {
            return;
        }
        progressText.set("Preparing the network libraries in the background (once per session)…");
        ExperimentConfig config = context.configProperty().get();
        context.trainingExecutor().submit(() -> {
            boolean warmed = EngineWarmUp.run(context.service().engine(), config);
            Platform.runLater(() -> {
                trainedBefore |= warmed;
                if (!running.get() && epochs.isEmpty() && iterationCount == 0) {
                    progressText.set(warmed ? "Ready to train" : "Not started");
                }
            });
        });
    }

    /** Called after each coalesced update, on the FX thread. */
    public void addRefreshListener(Runnable listener) {
        listeners.add(listener);
    }

    public void showBackend(BackendInfo info) {
        backend.set("Training runs on " + info.fullSummary());
    }

    /** The iteration at which {@code epoch} ended, or NaN when its iterations are unknown (e.g. a run without iterations.csv). */
    double epochEndIteration(int epoch) {
        Long end = epochEnd.get(epoch);
        return end == null ? Double.NaN : end;
    }

    /** Decimated smoothed loss per iteration, as (iteration, loss) pairs. */
    List<double[]> lossPoints() {
        return Decimator.minMax(iterationX, smoothedLoss, iterationCount, 500);
    }

    /**
     * Starts a run with the current config and dataset, or explains why it cannot.
     * @return null when started, else the reason
     */
    public String start() {
        assert Platform.isFxApplicationThread();
        if (running.get()) {
            return "A run is already in progress.";
        }
        ExperimentConfig config = context.configProperty().get();
        ImageDataset data = context.datasetProperty().get();
        TableDataset table = context.tableProperty().get();
        String missing = missingData(config, data, table);
        if (missing != null) {
            return missing;
        }
        // Said before training, not as a failed run: the CLI checks the same way (a probe file, so ~1 ms).
        try {
            RunFolders.checkUsable(context.runsDirectory());
        } catch (RunFolders.RunsFolderException e) {
            runsFolderProblem.set(e.getMessage());
            context.hintProperty().set("Training not started: the runs folder cannot take runs. \"Choose another "
                    + "folder for runs…\" on the Train tab.");
            return "Training not started: " + e.getMessage();
        }
        runsFolderProblem.set("");
        if (!config.data().kind().isTable()) {
            long needed = ModelSummary.of(config, data.classCount()).trainingBytes(config.training().batchSize());
            long available = Runtime.getRuntime().maxMemory() + physicalHeadroom();
            if (needed > available) {
                return String.format("This network needs about %s to train at batch %d, but about %s is available. "
                                + "Use a smaller batch, image size or dense layer.", Formats.bytes(needed),
                        config.training().batchSize(), Formats.bytes(available));
            }
        }
        comparedRun = retrainBefore;
        retrainBefore = null;
        if (comparedRun != null) {
            keepAsPrevious(comparedRun.result().iterations(), comparedRun.result().epochs(), "diagnosed run");
        } else {
            keepAsPrevious();
        }
        comparison.set(comparedRun == null ? "" : "Retraining with the fixes; the faded curves are the diagnosed run"
                + (comparedRun.runFolder() == null ? "" : " (" + comparedRun.runFolder().getFileName() + ")") + ".");
        buffer = new TrainingBuffer(() -> Platform.runLater(this::drainUrgently));
        firstPointDrawnAt = 0;
        firstEpochDrawnAt = 0;
        cancel = new CancellationToken();
        startNanos = System.nanoTime();
        // Text first: the status bar copies it the moment the run counts as running.
        progressText.set(startingText(trainedBefore));
        trainedBefore = true;
        running.set(true);
        banner.set("");
        outcome.set("");
        progress.set(0);
        eta = null;
        CancellationToken token = cancel;
        TrainingBuffer events = buffer;
        context.trainingExecutor().submit(() -> {
            RunOutcome result = null;
            String failure = null;
            try {
                // Routed by the config's data kind: CSV rows train through the table pipeline, images through the folder one.
                result = config.data().kind().isTable()
                        ? context.service().trainTable(config, table, null, events, token)
                        : context.service().train(config, data, null, events, token);
            } catch (Exception | Error e) {
                failure = inWords(e);
            }
            RunOutcome finalResult = result;
            String finalFailure = failure;
            Platform.runLater(() -> finished(finalResult, finalFailure));
        });
        pump.play();
        return null;
    }

    /** Why the config's kind of data is not there to train on, or null when it is. */
    static String missingData(ExperimentConfig config, ImageDataset images, TableDataset table) {
        if (config.data().kind().isTable()) {
            if (table == null) {
                return images != null
                        ? "The config's data.kind is " + config.data().kind().json() + " (CSV), but an image folder is "
                        + "loaded: open a .csv file (Data tab), or load an image config."
                        : "Load a CSV file first (Data tab: Open CSV file…, or drop a .csv on the window).";
            }
            if (!table.kind().json().equals(config.data().kind().json())) {
                return "The CSV file was read as " + table.kind().json() + " but the config says data.kind="
                        + config.data().kind().json() + ": choose the kind on the Data tab.";
            }
            return null;
        }
        if (images == null) {
            return table != null
                    ? "A CSV file is loaded, but the config's data.kind is images: open an image folder, or set "
                    + "data.kind to tabular or sequence (Model tab)."
                    : "Load a dataset first (Data tab, or Ctrl+O).";
        }
        if (config.data().imageSize() != images.imageSize() || config.data().channels() != images.channels()) {
            return "The image size or channels changed since the data was loaded: reload the folder (Data tab).";
        }
        return null;
    }

    public void stop() {
        if (cancel != null) {
            cancel.cancel();
            progressText.set("Stopping after this minibatch…");
        }
    }

    private void finished(RunOutcome result, String failure) {
        drain();
        pump.stop();
        running.set(false);
        if (failure != null) {
            outcome.set("Training failed: " + failure);
            progressText.set("Failed");
            comparedRun = null;
            context.hintProperty().set("Training failed: " + failure);
            if (isRunsFolderProblem(failure)) {
                runsFolderProblem.set(failure);
            }
            return;
        }
        boolean retrained = comparedRun != null;
        if (comparedRun != null) {
            comparison.set(RetrainComparison.describe(comparedRun.runFolder() == null ? "monitored run"
                            : comparedRun.runFolder().getFileName().toString(), comparedRun.result().lastEpoch(),
                    comparedRun.result().collapse(), result.result().lastEpoch(), result.result().collapse()));
            comparedRun = null;
        }
        lastOutcome.set(result);
        TrainingResult r = result.result();
        EpochMetrics last = r.lastEpoch();
        // The report says why in words (a full disk); the engine's message carries the exception that stopped it.
        RunStatus status = result.report() != null ? result.report().status() : r.status();
        String message = result.report() != null ? result.report().message() : r.message();
        if (status == RunStatus.FAILED && message != null && isRunsFolderProblem(message)) {
            runsFolderProblem.set(message);
        }
        MetricIntervals intervals = last == null ? null : MetricIntervals.of(last.confusion());
        outcome.set(status.json().toUpperCase() + (message == null ? "" : " — " + message)
                + (last == null ? "" : String.format(" · validation accuracy %s, balanced %s (majority baseline %s)",
                IntervalTexts.percent(last.validationAccuracy(), intervals == null ? null : intervals.accuracy()),
                IntervalTexts.percent(last.balancedAccuracy(), intervals == null ? null : intervals.balancedAccuracy()),
                Formats.percent(last.majorityBaseline())))
                + (result.crossValidation() == null ? "" : " · " + IntervalTexts.folds(result.crossValidation())
                + " (fold 1 shown)")
                + " · run folder " + result.runFolder().getFileName());
        progressText.set(String.format("%s in %s", status.json(), Formats.duration(r.seconds())));
        context.hintProperty().set(status == RunStatus.FAILED && message != null ? "Training failed: " + message
                : retrained
                ? "Retrained with the fixes: the before → after is above the charts; balanced accuracy is the number to watch."
                : r.collapse().collapsed() || !result.findings().isEmpty()
                ? "Training finished with findings. Next: open the Diagnose tab to see why and apply a fix."
                : "Training finished. Change a setting and retrain to compare (the previous curves stay faded).");
        listeners.forEach(Runnable::run);
    }

    private void drain() {
        if (buffer == null) {
            return;
        }
        List<Object> events = buffer.drain();
        if (events.isEmpty()) {
            return;
        }
        for (Object event : events) {
            if (event instanceof RunStarted started) {
                classes = started.classes();
                totalEpochs = started.config().training().epochs();
                totalIterations = started.iterationsPerEpoch() * totalEpochs;
                eta = new EtaEstimator(totalIterations);
                showBackend(started.backend());
                progressText.set("Network built (" + String.format("%,d", started.parameterCount())
                        + " parameters); running the first minibatch…");
            } else if (event instanceof IterationSample sample) {
                addIteration(sample);
            } else if (event instanceof LayerStatistics layers) {
                lastLayers = layers;
            } else if (event instanceof EpochMetrics metrics) {
                epochs.add(metrics);
                trueCounts = metrics.confusion().actualCounts();
                CollapseVerdict verdict = CollapseVerdict.of(epochs);
                if (verdict.collapsed()) {
                    banner.set(String.format("Collapsed: %.0f%% of predictions are '%s' since epoch %d — see the Diagnose tab",
                            100 * metrics.predictionShare(), verdict.dominantClass(), verdict.sinceEpoch()));
                } else {
                    banner.set("");
                }
            }
        }
        if (running.get() && totalIterations > 0 && iterationCount > 0) {
            double done = (double) iterationCount / totalIterations;
            progress.set(done);
            double now = System.nanoTime() / 1e9;
            double elapsed = now - startNanos / 1e9;
            double left = eta == null ? Double.NaN : eta.update(iterationCount, now);
            progressText.set(String.format("Epoch %d · iteration %d / %d · elapsed %s · %s",
                    Math.min(epochs.size() + 1, totalEpochs), iterationCount, totalIterations,
                    Formats.duration(elapsed), Double.isNaN(left) ? "time left: measuring…" : "about " + Formats.duration(left) + " left"));
        }
        listeners.forEach(Runnable::run);
        noteFirstDrawn();
    }

    /** A drain the training thread asked for (first point, an epoch); the pump's next tick would be up to 150 ms later. */
    private void drainUrgently() {
        if (running.get()) {
            drain();
        }
    }

    private void noteFirstDrawn() {
        long now = System.nanoTime();
        if (firstPointDrawnAt == 0 && iterationCount > 0) {
            firstPointDrawnAt = now;
        }
        if (firstEpochDrawnAt == 0 && !epochs.isEmpty()) {
            firstEpochDrawnAt = now;
            RunLatency latency = latency();
            LOG.info("latency after Train: {}", latency);
        }
    }

    /**
     * Where the time from Train to the first feedback went in the run on screen: seconds from Train to the network
     * built (the run's RunStarted event), to the first minibatch done, to the first loss point handed to the chart, to
     * the first epoch's metrics computed and drawn; NaN for what has not happened. FX thread.
     */
    public RunLatency latency() {
        TrainingBuffer b = buffer;
        return b == null ? RunLatency.NONE : new RunLatency(since(b.startedAt), since(b.firstIterationAt),
                since(firstPointDrawnAt), since(b.firstEpochAt), since(firstEpochDrawnAt));
    }

    private double since(long nanos) {
        return nanos == 0 ? Double.NaN : (nanos - startNanos) / 1e9;
    }

    /** Seconds after Train; see {@link #latency()}. */
    public record RunLatency(double networkBuilt, double firstMinibatch, double firstPointDrawn, double firstEpoch,
                             double firstEpochDrawn) {
        static final RunLatency NONE = new RunLatency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "network built %.3f s, first minibatch %.3f s, first point drawn "
                    + "%.3f s, first epoch %.3f s, drawn %.3f s", networkBuilt, firstMinibatch, firstPointDrawn,
                    firstEpoch, firstEpochDrawn);
        }
    }

    /**
     * What "Starting" does, said while it does it. The first run of a session also loads DL4J's classes and
     * warms up the native kernels, which took about 6 s before the first minibatch in a walkthrough on a laptop.
     */
    static String startingText(boolean trainedBefore) {
        return trainedBefore
                ? "Starting: fitting the normalizer and building the network…"
                : "Starting: loading the deep-learning libraries and building the network graph (the first run of a "
                + "session takes a few seconds longer)…";
    }

    private void addIteration(IterationSample sample) {
        if (iterationCount == iterationX.length) {
            iterationX = Arrays.copyOf(iterationX, iterationCount * 2);
            smoothedLoss = Arrays.copyOf(smoothedLoss, iterationCount * 2);
        }
        double loss = sample.loss();
        if (Double.isFinite(loss)) {
            ema = Double.isNaN(ema) ? loss : SMOOTHING * ema + (1 - SMOOTHING) * loss;
        }
        iterationX[iterationCount] = sample.iteration();
        epochEnd.merge(sample.epoch(), sample.iteration(), Math::max);
        smoothedLoss[iterationCount] = Double.isFinite(loss) ? ema : Double.NaN;
        iterationCount++;
    }

    /** Shows a finished run (from the runs list) as if it had just trained. */
    public void show(List<IterationSample> iterations, List<EpochMetrics> runEpochs, String title) {
        keepAsPrevious();
        for (IterationSample s : iterations) {
            addIteration(s);
        }
        epochs.addAll(runEpochs);
        if (!runEpochs.isEmpty()) {
            ConfusionMatrix c = runEpochs.get(runEpochs.size() - 1).confusion();
            classes = c.labels();
            trueCounts = c.actualCounts();
            CollapseVerdict verdict = CollapseVerdict.of(epochs);
            banner.set(verdict.collapsed() ? String.format("Collapsed: %.0f%% of predictions are '%s' since epoch %d",
                    100 * c.predictionShare(), verdict.dominantClass(), verdict.sinceEpoch()) : "");
        }
        outcome.set(title);
        progress.set(1);
        progressText.set("Showing a saved run");
        listeners.forEach(Runnable::run);
    }

    private void keepAsPrevious() {
        if (iterationCount > 0 || !epochs.isEmpty()) {
            previousLoss = lossPoints();
            previousEpochs = List.copyOf(epochs);
            previousName = "previous run";
        }
        clearCurrent();
    }

    /** Keeps a given run (the diagnosed one) as the faded previous curves, whatever was on screen. */
    private void keepAsPrevious(List<IterationSample> iterations, List<EpochMetrics> runEpochs, String name) {
        clearCurrent();
        for (IterationSample s : iterations) {
            addIteration(s);
        }
        previousLoss = lossPoints();
        previousEpochs = List.copyOf(runEpochs);
        previousName = name;
        clearCurrent();
    }

    private void clearCurrent() {
        iterationCount = 0;
        epochEnd.clear();
        ema = Double.NaN;
        epochs.clear();
        lastLayers = null;
    }

    /** A failure as the user should read it: the full disk or runs folder in words, never an exception's class. */
    static String inWords(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RunFolders.RunsFolderException) {
                return t.getMessage();
            }
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(NO_SPACE)) {
                return t.getMessage().toLowerCase(java.util.Locale.ROOT).startsWith(NO_SPACE) ? t.getMessage()
                        : "no space left on device for the run folder; free some space, or choose another folder for runs";
            }
        }
        return e.getMessage() != null ? e.getMessage()
                : "an unexpected error (" + e.getClass().getSimpleName() + "); the log has the details";
    }

    private static final String NO_SPACE = "no space left on device";

    private static boolean isRunsFolderProblem(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        return lower.contains(NO_SPACE) || lower.contains("choose another folder for runs");
    }

    private static long physicalHeadroom() {
        // Native ND4J memory lives outside the heap; JavaCPP allows up to about twice the heap by default.
        return Runtime.getRuntime().maxMemory();
    }
}
