package org.collapselab.ui.diagnose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.util.Duration;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.ui.AppContext;

/**
 * The Diagnose screen's state: a {@link DiagnosticSession} over the app's current dataset and config,
 * its steps as {@link StepItem}s, and the commands of the stepper (run step, skip, next, run all with
 * cause ranking, stop, apply fix, retrain, export). Checks and trials run on the app's single training
 * executor; the session's observer callbacks go into a queue that a 150 ms FX timeline drains, so the
 * FX thread never waits and updates stay coalesced (style §2.2). FX thread only, except the queue.
 */
public final class DiagnoseViewModel {
    /** What the worker thread reports; drained on the FX thread. */
    private sealed interface Event permits StepChanged, CurrentChanged, Progress {
    }

    private record StepChanged(int index, StepResult result) implements Event {
    }

    private record CurrentChanged(int index) implements Event {
    }

    /** {@code index} −1: the cause ranking. */
    private record Progress(int index, double fraction, String message) implements Event {
    }

    private final AppContext context;
    private final Consumer<ExperimentConfig> applyConfig;
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList(StepItem::observables);
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObservableList<Finding> ranked = FXCollections.observableArrayList();
    private final StringProperty comparison = new SimpleStringProperty("");
    private final ObservableSet<String> appliedFixes = FXCollections.observableSet();
    private final ObjectProperty<RunOutcome> diagnosedRun = new SimpleObjectProperty<>();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final Timeline pump;
    private TrialBudget trialBudget = TrialBudget.standard();
    private DiagnosticSession session;
    /** The data the session diagnoses: an {@link ImageDataset} or a {@link TableDataset} (CSV rows). */
    private Object sessionData;
    private ExperimentConfig sessionConfig;
    private CancellationToken cancel;
    private RunOutcome lastOutcome;
    private RunOutcome beforeRetrain;
    private boolean awaitingRetrain;

    public DiagnoseViewModel(AppContext context, Consumer<ExperimentConfig> applyConfig) {
        this.context = context;
        this.applyConfig = applyConfig;
        pump = new Timeline(new KeyFrame(Duration.millis(150), e -> drain()));
        pump.setCycleCount(Timeline.INDEFINITE);
        context.datasetProperty().addListener((o, a, d) -> reset());
        context.tableProperty().addListener((o, a, t) -> reset());
        context.configProperty().addListener((o, a, c) -> configChanged());
        reset();
    }

    public ObservableList<StepItem> steps() { return steps; }
    public IntegerProperty currentProperty() { return current; }
    public BooleanProperty runningProperty() { return running; }
    /** True when the config changed since the session's results: they describe the old config. */
    public BooleanProperty staleProperty() { return stale; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    /** The findings ranked as causes, with their fix trials (after Run all). */
    public ObservableList<Finding> ranked() { return ranked; }
    /** The before/after comparison of the last "Retrain with fixes". */
    public StringProperty comparisonProperty() { return comparison; }
    /** Finding ids whose fix was applied to the config. */
    public ObservableSet<String> appliedFixes() { return appliedFixes; }
    /** The training run the session diagnosed (its run folder is where the report goes), or null. */
    public ObjectProperty<RunOutcome> diagnosedRunProperty() { return diagnosedRun; }

    /** The config the session's results are about. */
    public ExperimentConfig sessionConfig() { return sessionConfig; }

    /**
     * Replaces the trial allowance (tests use a small one); the default is the command line's, restarted for each
     * action (Run step, Run all). Applies to the next session.
     */
    public void trialBudget(TrialBudget budget) {
        this.trialBudget = budget;
        reset();
    }

    /** A new session over the current dataset and config; all steps pending. Ignored while running. */
    public void reset() {
        assert Platform.isFxApplicationThread();
        if (running.get()) {
            return;
        }
        ExperimentConfig config = context.configProperty().get();
        // Routed by the config's data kind, as the Train tab does: CSV rows or image folders.
        boolean table = config != null && config.data().kind().isTable();
        ImageDataset images = context.datasetProperty().get();
        TableDataset rows = context.tableProperty().get();
        Object data = table ? rows : images;
        session = null;
        sessionData = data;
        sessionConfig = config;
        stale.set(false);
        ranked.clear();
        appliedFixes.clear();
        diagnosedRun.set(null);
        progress.set(0);
        progressText.set("");
        if (data == null || config == null) {
            steps.clear();
            if (config != null && (table ? images : rows) != null) {
                progressText.set(table
                        ? "The config's data.kind is " + config.data().kind().json() + " (CSV), but an image folder "
                        + "is loaded: open a .csv file (Data tab), or load an image config."
                        : "A CSV file is loaded, but the config's data.kind is images: set data.kind to "
                        + rows.kind().json() + " (Model tab), or open an image folder.");
            }
            return;
        }
        if (table && !rows.kind().json().equals(config.data().kind().json())) {
            steps.clear();
            progressText.set("The CSV file was read as " + rows.kind().json() + " but the config says data.kind="
                    + config.data().kind().json() + ": choose the kind on the Data tab.");
            return;
        }
        if (!table && context.service().validationPending(config, images)) {
            loadValidationThenReset(config, images);
            return;
        }
        RunOutcome reuse = lastOutcome != null && config.equals(lastOutcome.report() == null ? null
                : lastOutcome.report().config()) && count(data) == datasetCount(lastOutcome) ? lastOutcome : null;
        if (reuse != null) {
            diagnosedRun.set(reuse);
        }
        DiagnosticSession s;
        try {
            Consumer<RunOutcome> monitored = outcome -> Platform.runLater(() -> diagnosedRun.set(outcome));
            s = table
                    ? context.service().newTableDiagnosis(config, rows, null, reuse, trialBudget, null,
                            monitoredObserver(), monitored)
                    : context.service().newDiagnosis(config, images, null, reuse, trialBudget, null,
                            monitoredObserver(), monitored, CancellationToken.none());
        } catch (DataException | RuntimeException e) {
            steps.clear();
            progressText.set("Cannot diagnose this data with this config: " + e.getMessage());
            return;
        }
        s.addObserver(new DiagnosticSession.Observer() {
            @Override
            public void stepChanged(int index, DiagnosticCheck check, StepResult result) {
                events.add(new StepChanged(index, result));
            }

            @Override
            public void currentChanged(int index) {
                events.add(new CurrentChanged(index));
            }

            @Override
            public void progress(int index, long done, long total, String message) {
                events.add(new Progress(index, total > 0 ? (double) done / total : -1, message));
            }
        });
        session = s;
        List<StepItem> items = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            items.add(new StepItem(i, s.checks().get(i)));
        }
        steps.setAll(items);
        current.set(0);
    }

    /** Whether {@code outcome} trained the session's config on its data (so the session may judge it). */
    private boolean judges(RunOutcome outcome) {
        return outcome.report() != null && sessionConfig != null && sessionConfig.equals(outcome.report().config())
                && sessionData != null && count(sessionData) == datasetCount(outcome);
    }

    /** Images or rows in the loaded data (both kinds count what the run report calls train + validation). */
    private static int count(Object data) {
        return data instanceof TableDataset rows ? rows.count() : ((ImageDataset) data).count();
    }

    private static int datasetCount(RunOutcome outcome) {
        var d = outcome.report() == null ? null : outcome.report().dataset();
        return d == null ? -1 : d.train() + d.validation();
    }

    private void configChanged() {
        if (running.get()) {
            stale.set(true);
            return;
        }
        boolean anyResult = steps.stream().anyMatch(s -> s.result().state() != CheckState.PENDING);
        if (anyResult) {
            stale.set(!context.configProperty().get().equals(sessionConfig));
        } else {
            reset();
        }
    }

    /** Selects step {@code index} as the session's current step (where Run step and Skip act). */
    public void select(int index) {
        if (session != null && !running.get() && index >= 0 && index < steps.size()) {
            session.moveTo(index);
            current.set(index);
        }
    }

    /** Runs the current step on the worker thread. */
    public void runStep() {
        DiagnosticSession s = session;
        int index = current.get();
        if (s != null && index < s.size()) {
            submit("Running " + s.checks().get(index).title() + "…", token -> s.run(index, token));
        }
    }

    /** Marks the current step skipped and moves to the next one. */
    public void skip() {
        if (session != null && !running.get()) {
            session.skip();
            drain();
        }
    }

    /** Moves to the next step without running the current one. */
    public void next() {
        if (session != null && !running.get()) {
            session.next();
            drain();
        }
    }

    /** Runs every passive step that can run on the facts so far (data and config checks; monitoring after a run). */
    public void runPassive() {
        DiagnosticSession s = session;
        if (s == null) {
            return;
        }
        submit("Running the quick checks…", token -> context.service().runQuickChecks(s, token));
    }

    /** Runs all pending steps in order, then ranks the causes by trial runs of their fixes. */
    public void runAll() {
        DiagnosticSession s = session;
        if (s == null) {
            return;
        }
        submit("Running all steps…", token -> {
            List<Finding> result = context.service().runFullDiagnosis(s, (done, total, message) -> events.add(
                    new Progress(-1, total > 0 ? (double) done / total : -1, message)), token);
            if (!token.isCancelled()) {
                Platform.runLater(() -> ranked.setAll(result));
            }
        });
    }

    /** Stops the running step or Run all at the next check point (cooperative). */
    public void stop() {
        if (cancel != null) {
            cancel.cancel();
            progressText.set("Stopping…");
        }
    }

    private void submit(String message, Consumer<CancellationToken> work) {
        assert Platform.isFxApplicationThread();
        if (running.get() || session == null) {
            return;
        }
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        progress.set(-1);
        progressText.set(message);
        pump.play();
        if (session.context().trials() != null) {
            session.context().trials().budget().restartClock();
        }
        context.trainingExecutor().submit(() -> {
            assert !Platform.isFxApplicationThread();
            String failure = null;
            try {
                work.accept(token);
            } catch (RuntimeException | Error e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String finalFailure = failure;
            Platform.runLater(() -> finished(token, finalFailure));
        });
    }

    private void finished(CancellationToken token, String failure) {
        drain();
        pump.stop();
        running.set(false);
        progress.set(token.isCancelled() ? 0 : 1);
        progressText.set(failure != null ? "Failed: " + failure : token.isCancelled() ? "Stopped." : "Done.");
        if (!context.configProperty().get().equals(sessionConfig)) {
            stale.set(true);
        }
    }

    /** Applies the worker's events to the step items; called by the pump and when work ends. FX thread. */
    void drain() {
        Progress last = null;
        for (Event e = events.poll(); e != null; e = events.poll()) {
            if (e instanceof StepChanged changed && changed.index() < steps.size()) {
                StepItem item = steps.get(changed.index());
                item.resultProperty().set(changed.result());
                if (changed.result().state() != CheckState.RUNNING) {
                    item.progressProperty().set("");
                }
            } else if (e instanceof CurrentChanged moved) {
                current.set(moved.index());
            } else if (e instanceof Progress p) {
                last = p;
                if (p.index() >= 0 && p.index() < steps.size()) {
                    steps.get(p.index()).progressProperty().set(p.message());
                }
            }
        }
        if (last != null && running.get()) {
            progress.set(last.fraction());
            progressText.set(last.message());
        }
    }

    /** Loads the config's validation folder on the loading thread, then builds the session. FX thread. */
    private void loadValidationThenReset(ExperimentConfig config, ImageDataset data) {
        steps.clear();
        progressText.set("Loading the validation folder " + config.data().validationPath() + "…");
        CompletableFuture.runAsync(() -> {
            try {
                context.service().loadValidation(config, data, ProgressObserver.NONE, CancellationToken.none());
            } catch (DataException e) {
                throw new CompletionException(e);
            }
        }, context.loadingExecutor()).whenCompleteAsync((done, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                progressText.set("Cannot load the validation folder: " + cause.getMessage());
            } else if (config.equals(context.configProperty().get()) && data == context.datasetProperty().get()) {
                reset();
            }
        }, Platform::runLater);
    }

    /** Progress of the monitored run of the TRAINING phase (a real run with a run folder, like the Train tab's). */
    private TrainingObserver monitoredObserver() {
        return new TrainingObserver() {
            @Override
            public void onEpoch(EpochMetrics m) {
                int total = sessionConfig.training().epochs();
                events.add(new Progress(indexOf("monitored-run"), (double) m.epoch() / total, String.format(
                        "epoch %d / %d · balanced accuracy %.2f", m.epoch(), total, m.balancedAccuracy())));
            }
        };
    }

    private int indexOf(String checkId) {
        for (int i = 0; i < session.size(); i++) {
            if (session.checks().get(i).id().equals(checkId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Applies a finding's fix to the app's current config.
     *
     * @return a line for the user: what changed, or why it could not
     */
    public String applyFix(Finding finding) {
        Map<String, Object> set = finding.fix() == null ? Map.of() : finding.fix().set();
        if (set.isEmpty()) {
            return "This fix is not a config change: " + (finding.fix() == null ? "" : finding.fix().description());
        }
        try {
            ExperimentConfig fixed = CauseRanker.apply(context.configProperty().get(), set);
            applyConfig.accept(fixed);
            appliedFixes.add(finding.id());
            return "Applied " + describe(set) + ". Press “Retrain with fixes” to see the effect.";
        } catch (ConfigException e) {
            return "Could not apply: " + e.getMessage();
        }
    }

    /** "data.balance = class-weights, …"; layers counted from 1: "layer 5, activation (model.layers[4].activation) = relu". */
    public static String describe(Map<String, Object> set) {
        List<String> parts = new ArrayList<>();
        new LinkedHashMap<>(set).forEach((k, v) -> parts.add(org.collapselab.core.model.ConfigPaths.forUser(k) + " = " + v));
        return String.join(", ", parts);
    }

    /** Retrain with the (fixed) current config through the app's train flow; the next finished run is the "after". */
    public void retrainWithFixes(Runnable train) {
        beforeRetrain = diagnosedRun.get() != null ? diagnosedRun.get() : lastOutcome;
        awaitingRetrain = true;
        comparison.set("Retraining with " + (appliedFixes.isEmpty() ? "the current config"
                : "the applied fixes " + appliedFixes) + "…");
        train.run();
    }

    /** A training run finished (Train tab or retrain): remember it, and compare it with the run before the fixes. */
    public void runFinished(RunOutcome outcome) {
        lastOutcome = outcome;
        if (outcome == null) {
            return;
        }
        if (awaitingRetrain) {
            awaitingRetrain = false;
            // The retrain answered "config changed… Retrain with fixes": the warning has done its job.
            stale.set(false);
            comparison.set(compare(beforeRetrain, outcome));
        } else if (session != null && !running.get() && ranked.isEmpty() && judges(outcome)) {
            // The latest run of the session's config and data is the one its steps judge, not the first.
            session.useTrainingRun(outcome.result(), outcome.runFolder() == null ? null
                    : outcome.runFolder().getFileName().toString());
            diagnosedRun.set(outcome);
            drain();
        } else if (diagnosedRun.get() == null && !running.get() && steps.stream().allMatch(
                s -> s.result().state() == CheckState.PENDING)) {
            reset();
        }
    }

    /** Balanced accuracy, top-class share and the collapse verdict before → after, plus each fix trial's before → after. */
    String compare(RunOutcome before, RunOutcome after) {
        StringBuilder s = new StringBuilder();
        EpochMetrics a = after.result().lastEpoch();
        EpochMetrics b = before == null ? null : before.result().lastEpoch();
        if (a == null) {
            return "The retrained run produced no epoch.";
        }
        if (b == null) {
            s.append(String.format("After: balanced accuracy %.2f, top-class share %.0f%%, collapsed %s (no run before "
                    + "the fixes to compare with).", a.balancedAccuracy(), 100 * a.predictionShare(), yes(after)));
        } else {
            s.append(String.format("Balanced accuracy %.2f → %.2f%nTop-class share of predictions %.0f%% → %.0f%%%n"
                            + "Collapsed %s → %s", b.balancedAccuracy(), a.balancedAccuracy(), 100 * b.predictionShare(),
                    100 * a.predictionShare(), yes(before), yes(after)));
        }
        return s.toString();
    }

    private static String yes(RunOutcome o) {
        return o.result().collapse() != null && o.result().collapse().collapsed() ? "yes" : "no";
    }

    /** The findings for the report: ranked after Run all, else every finding so far in step order. */
    public List<Finding> reportFindings() {
        if (!ranked.isEmpty()) {
            return List.copyOf(ranked);
        }
        return session == null ? List.of() : CauseRanker.mergeById(session.findings());
    }

    /**
     * Writes the HTML report of the diagnosed run with the session's findings into its run folder.
     *
     * @return the file written
     */
    public Path exportReport() throws IOException {
        RunOutcome run = diagnosedRun.get() != null ? diagnosedRun.get() : lastOutcome;
        if (run == null || run.runFolder() == null) {
            throw new IOException("no run folder yet: run the monitored training step (or train once) first");
        }
        Path html = context.service().writeDiagnosis(run.runFolder(), session, reportFindings(), true,
                comparison.get());
        if (html == null) {
            throw new IOException("the run folder " + run.runFolder() + " has no report.json");
        }
        return html;
    }

    /** Finding ids of steps in a given state (tests). */
    Set<String> stepIds(CheckState state) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        steps.stream().filter(s -> s.result().state() == state).forEach(s -> ids.add(s.check().id()));
        return ids;
    }
}
