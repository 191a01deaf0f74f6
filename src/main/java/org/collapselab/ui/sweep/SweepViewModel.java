package org.collapselab.ui.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.experiment.sweep.LocalTrialExecutor;
import org.collapselab.core.experiment.sweep.Objective;
import org.collapselab.core.experiment.sweep.RunTrialWork;
import org.collapselab.core.experiment.sweep.SweepListener;
import org.collapselab.core.experiment.sweep.SweepOutcome;
import org.collapselab.core.experiment.sweep.SweepParameter;
import org.collapselab.core.experiment.sweep.SweepPlan;
import org.collapselab.core.experiment.sweep.SweepRunner;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.SweepSpecParser;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The Sweep dialog's state: the parameter specs (one {@code PATH=SPEC} per line, as on the command line), strategy,
 * halving and parallel trials; the planned trial count and an estimated time from the last run's epoch time; the live
 * trials table; Stop; and the best trial's config for Apply best. The sweep runs on its own thread; every change
 * of the properties is handed to {@code fx} (Platform::runLater in the app, the calling thread in tests).
 */
public final class SweepViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExperimentConfig base;
    private final ImageDataset dataset;
    private final Path sweepsDirectory;
    private final Path runsDirectory;
    private final Executor fx;
    private final StringProperty params = new SimpleStringProperty(
            "training.learningRate=log:1e-4..1e-2:5\ndata.balance=none,class-weights");
    private final StringProperty strategy = new SimpleStringProperty(SweepSpec.GRID);
    private final IntegerProperty trials = new SimpleIntegerProperty(10);
    private final BooleanProperty halving = new SimpleBooleanProperty(false);
    private final IntegerProperty parallel = new SimpleIntegerProperty(1);
    private final StringProperty plan = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<TrialResult> best = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObservableList<TrialResult> rows = FXCollections.observableArrayList();
    /** Balanced accuracy per epoch of each trial (key: its folder name), for the overlaid curves. */
    private final ObservableMap<String, ObservableList<Double>> curves = FXCollections.observableMap(new LinkedHashMap<>());
    private volatile CancellationToken cancel = new CancellationToken();
    private SweepSpec lastSpec;

    public SweepViewModel(ExperimentConfig base, ImageDataset dataset, Path runsDirectory, Executor fx) {
        this.base = base;
        this.dataset = dataset;
        this.runsDirectory = runsDirectory;
        this.sweepsDirectory = runsDirectory.toAbsolutePath().resolveSibling("sweeps");
        this.fx = fx;
        parallel.set(LocalTrialExecutor.defaultParallel(Runtime.getRuntime().availableProcessors(), base));
        params.addListener((o, a, b) -> refreshPlan());
        strategy.addListener((o, a, b) -> refreshPlan());
        trials.addListener((o, a, b) -> refreshPlan());
        halving.addListener((o, a, b) -> refreshPlan());
        parallel.addListener((o, a, b) -> refreshPlan());
        refreshPlan();
    }

    public StringProperty paramsProperty() { return params; }
    public StringProperty strategyProperty() { return strategy; }
    public IntegerProperty trialsProperty() { return trials; }
    public BooleanProperty halvingProperty() { return halving; }
    public IntegerProperty parallelProperty() { return parallel; }
    public StringProperty planProperty() { return plan; }
    public StringProperty errorProperty() { return error; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty runningProperty() { return running; }
    public ObjectProperty<TrialResult> bestProperty() { return best; }
    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObservableList<TrialResult> rows() { return rows; }
    public ObservableMap<String, ObservableList<Double>> curves() { return curves; }

    /** The sweep the inputs describe; throws naming the first bad parameter. */
    /** Epochs of the config the sweep starts from. */
    public int baseEpochs() {
        return base.training().epochs();
    }

    public SweepSpec spec() throws ConfigException {
        List<String> lines = Arrays.stream(params.get().split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new ConfigException("parameters", "give at least one PATH=SPEC line");
        }
        List<SweepParameter> parameters = SweepSpecParser.parse(base, lines);
        int epochs = base.training().epochs();
        String root = dataset == null ? "" : String.valueOf(dataset.root());
        return new SweepSpec(SweepSpec.SCHEMA, base.name(), root, System.getProperty(Engines.PROPERTY, Engines.AUTO), base,
                parameters, strategy.get(), Math.max(1, trials.get()), base.data().seed(), Objective.BALANCED_ACCURACY,
                halving.get(), SweepSpec.DEFAULT_ETA, SweepSpec.defaultMinEpochs(epochs, SweepSpec.DEFAULT_ETA));
    }

    /** Updates the trial count and the estimate, or the error naming the parameter. */
    public void refreshPlan() {
        try {
            SweepSpec spec = spec();
            List<SweepPlan.Rung> rungs = SweepPlan.rungs(spec, SweepPlan.configurations(spec).size());
            int trialEpochs = SweepPlan.trialEpochs(rungs);
            OptionalDouble epochSeconds = lastEpochSeconds(runsDirectory);
            String estimate = epochSeconds.isPresent()
                    ? String.format(Locale.ROOT, "about %s (%.1f s per epoch in the last run, %d at a time)",
                    duration(epochSeconds.getAsDouble() * trialEpochs / Math.max(1, parallel.get())),
                    epochSeconds.getAsDouble(), parallel.get())
                    : "time unknown until a run has finished";
            plan.set(SweepPlan.trialCount(rungs) + " trials, " + trialEpochs + " trial-epochs; " + estimate);
            error.set("");
        } catch (ConfigException e) {
            plan.set("");
            error.set(e.errors().stream().map(ConfigError::toString).reduce((a, b) -> a + "\n" + b).orElse(e.getMessage()));
        }
    }

    /** Starts the sweep on its own thread. */
    public void start() {
        if (running.get() || dataset == null) {
            if (dataset == null) {
                error.set("Load a dataset on the Data screen first.");
            }
            return;
        }
        SweepSpec spec;
        try {
            spec = spec();
        } catch (ConfigException e) {
            refreshPlan();
            return;
        }
        lastSpec = spec;
        Path target = sweepsDirectory.resolve(spec.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                + LocalDateTime.now().format(STAMP));
        cancel = new CancellationToken();
        CancellationToken token = cancel;
        rows.clear();
        curves.clear();
        best.set(null);
        summary.set("");
        folder.set(target);
        running.set(true);
        ExperimentService loader = new ExperimentService(Engines.defaultEngine(), runsDirectory);
        RunTrialWork.DataSource images = (config, c) -> {
            ImageDataset train = config.data().imageSize() == dataset.imageSize() && config.data().channels() == dataset.channels()
                    ? dataset : loader.loadData(dataset.root(), config, ProgressObserver.NONE, c);
            return new ImageDataset[]{train, loader.loadValidation(config, train, ProgressObserver.NONE, c)};
        };
        RunTrialWork work = new RunTrialWork(spec, target, () -> Engines.named(spec.engine()), images,
                trial -> new TrainingObserver() {
                    @Override
                    public void onEpoch(EpochMetrics metrics) {
                        double value = metrics.balancedAccuracy();
                        fx.execute(() -> curves.computeIfAbsent(trial.folderName(), k -> FXCollections.observableArrayList())
                                .add(value));
                    }
                });
        SweepListener listener = new SweepListener() {
            @Override
            public void trialFinished(TrialResult result) {
                fx.execute(() -> rows.add(result));
            }
        };
        Thread thread = new Thread(() -> {
            try {
                SweepOutcome outcome = SweepRunner.run(spec, target, new LocalTrialExecutor(Math.max(1, parallel.get())),
                        work, listener, token);
                fx.execute(() -> {
                    best.set(outcome.best());
                    summary.set((outcome.complete() ? "" : "Stopped; finished trials kept. ") + outcome.summary());
                    running.set(false);
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    error.set("The sweep failed: " + e.getMessage());
                    running.set(false);
                });
            }
        }, "sweep");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the running trials at their next minibatch; finished trials stay in trials.csv. */
    public void stop() {
        cancel.cancel();
    }

    /** The base config with the best trial's values (its epochs stay the base config's). */
    public ExperimentConfig bestConfig() throws ConfigException {
        TrialResult b = best.get();
        if (b == null || lastSpec == null) {
            return null;
        }
        List<String> sets = b.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return ConfigCodec.withOverrides(lastSpec.base(), sets);
    }

    /** Mean epoch time of the most recent run folder with epochs, if any. */
    static OptionalDouble lastEpochSeconds(Path runsDirectory) {
        if (runsDirectory == null || !Files.isDirectory(runsDirectory)) {
            return OptionalDouble.empty();
        }
        try (Stream<Path> folders = Files.list(runsDirectory)) {
            for (Path run : folders.filter(p -> Files.isRegularFile(p.resolve(RunReport.FILE)))
                    .sorted(Comparator.comparing(SweepViewModel::modified).reversed()).limit(5).toList()) {
                try {
                    RunReport report = RunReport.read(run);
                    OptionalDouble mean = report.epochs().stream().mapToDouble(RunReport.EpochReport::seconds).average();
                    if (mean.isPresent()) {
                        return mean;
                    }
                } catch (IOException unreadable) {
                    // try the next one
                }
            }
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve(RunReport.FILE)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60.0) + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
