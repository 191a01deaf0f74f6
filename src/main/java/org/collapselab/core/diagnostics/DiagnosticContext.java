package org.collapselab.core.diagnostics;

import org.collapselab.core.training.TrialRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.LabelledData;
import org.collapselab.core.data.csv.PreparedTable;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.Split;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;

/**
 * The facts a diagnostic session works on: the config, the data (an image folder or the rows of a CSV file) and its
 * split, an optional set of inputs to predict, the monitored training result once there is one, and the {@link TrialRunner}
 * for experiments. Checks may share derived facts (e.g. the suggested learning rate) through
 * {@link #fact}/{@link #remember}. Thread-safe for one worker plus readers.
 */
public final class DiagnosticContext {
    /** Key of the learning rate suggested by the range test (a Double). */
    public static final String SUGGESTED_LEARNING_RATE = "suggestedLearningRate";

    private final ExperimentConfig config;
    private final LabelledData data;
    private final ImageDataset validationSet;
    private final LabelledData predictSet;
    private final DataView train;
    private final DataView validation;
    private final TrialRunner trials;
    private final MonitoredRun monitoredRun;
    private final int classCount;
    private final Map<String, Object> facts = new ConcurrentHashMap<>();
    private final Map<String, List<ChartData>> charts = new ConcurrentHashMap<>();
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private volatile TrainingResult trainingResult;
    private volatile String trainingRunName;

    /** How the TRAINING phase launches the monitored run (the CLI records it in the run folder). */
    @FunctionalInterface
    public interface MonitoredRun {
        TrainingResult run(DiagnosticContext ctx, CancellationToken cancel);
    }

    private DiagnosticContext(Builder b) {
        this.config = b.config;
        this.validationSet = b.validationSet;
        this.predictSet = b.predictSet;
        if (b.data instanceof TableDataset table) {
            // The split, and empty cells filled with training means, exactly as a training run prepares them.
            PreparedTable prepared = PreparedTable.of(table, config.data().validationFraction(), config.data().seed());
            this.data = prepared.data();
            this.train = new DataView(data, prepared.split().train());
            this.validation = new DataView(data, prepared.split().validation());
        } else {
            this.data = b.data;
            TrainingViews views = data == null ? null
                    : TrainingViews.of(config.data(), (ImageDataset) data, validationSet);
            this.train = views == null ? null : views.train();
            this.validation = views == null ? null : views.validation();
        }
        this.classCount = data == null ? b.classCount : data.classCount();
        this.trials = b.trials;
        this.monitoredRun = b.monitoredRun;
        this.trainingResult = b.trainingResult;
        this.trainingRunName = b.trainingRunName;
    }

    public static Builder builder(ExperimentConfig config, ImageDataset dataset) {
        return new Builder(config, dataset, dataset.classCount());
    }

    /**
     * A context on the rows of a CSV file: split and imputed as a training run on {@code table} does it; trials
     * standardize with a fit on their training rows.
     */
    public static Builder forTable(ExperimentConfig config, TableDataset table) {
        return new Builder(config, table, table.classCount());
    }

    /**
     * A context without images, for the checks that read only the config and a finished run's monitoring
     * (a saved run, a config being edited). Checks that need the dataset must not be run on it.
     */
    public static Builder withoutData(ExperimentConfig config, int classCount) {
        return new Builder(config, null, classCount);
    }

    public ExperimentConfig config() { return config; }
    /** The images, or null when the data is a CSV table ({@link #table()}) or there is none. */
    public ImageDataset dataset() { return data instanceof ImageDataset images ? images : null; }
    /** The rows of a CSV file (empty cells filled with training means), or null for images. */
    public TableDataset table() { return data instanceof TableDataset table ? table : null; }
    /** The data of either kind, or null in a context without data. */
    public LabelledData data() { return data; }
    /** The separate validation folder, or null when validation is a split of {@link #dataset()}. */
    public ImageDataset validationSet() { return validationSet; }
    /** Inputs the user wants to predict (the {@code predict} command), images or rows like the data's, or null. */
    public LabelledData predictSet() { return predictSet; }
    public DataView train() { return train; }
    public DataView validation() { return validation; }
    /** Null when experiments are not available (passive checks only). */
    public TrialRunner trials() { return trials; }
    public int classCount() { return classCount; }

    public TrainingResult trainingResult() { return trainingResult; }

    public void trainingResult(TrainingResult result) { this.trainingResult = result; }

    /** The training run the checks judge and its name (the run folder's), replacing the one before. */
    public void trainingRun(TrainingResult result, String name) {
        this.trainingRunName = name;
        this.trainingResult = result;
    }

    /**
     * The name of the run {@link #trainingResult()} came from (its run folder), or null when it has none (a
     * monitored run trained without a folder, as the scorecard does).
     */
    public String trainingRunName() { return trainingRunName; }

    /** Runs the monitored training through the configured hook, or as a full-length trial when none was given. */
    public TrainingResult runMonitoredTraining(CancellationToken cancel) {
        if (monitoredRun != null) {
            return monitoredRun.run(this, cancel);
        }
        return trials.train(config, train, validation, org.collapselab.core.training.MonitoringOptions.DEFAULT, cancel);
    }

    @SuppressWarnings("unchecked")
    public <T> T fact(String key) {
        return (T) facts.get(key);
    }

    public void remember(String key, Object value) {
        facts.put(key, value);
    }

    /** A check publishes a chart of its measurements for step {@code checkId} (shown by the stepper, kept in its result). */
    public void chart(String checkId, ChartData chart) {
        charts.computeIfAbsent(checkId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(chart);
    }

    /** The charts published for step {@code checkId} since it last started. */
    public List<ChartData> charts(String checkId) {
        return List.copyOf(charts.getOrDefault(checkId, List.of()));
    }

    /** Forgets the charts and the waiting note of step {@code checkId} (the session calls it when the step (re)starts). */
    public void clearCharts(String checkId) {
        charts.remove(checkId);
        waiting.remove(checkId);
    }

    /**
     * A check that judges the training run when there is one, and only screens without it, says so here: the session
     * then marks its step waiting with {@code note} and its charts, and drops its findings (they stay a screen).
     */
    public void waitForTrainingRun(String checkId, String note) {
        waiting.put(checkId, note);
    }

    /** The note of step {@code checkId} when it said it waits for a training run since it last started, else null. */
    public String waitingNote(String checkId) {
        return waiting.get(checkId);
    }

    /** Memoised fact: computes it once per context. */
    @SuppressWarnings("unchecked")
    public <T> T fact(String key, Supplier<T> compute) {
        Object value = facts.get(key);
        if (value == null) {
            value = compute.get();
            facts.put(key, value);
        }
        return (T) value;
    }

    /** The config of a short trial: {@link TrialBudget#trialEpochs()} epochs at most, no early stopping. */
    public ExperimentConfig trialConfig(ExperimentConfig base) {
        int epochs = Math.min(base.training().epochs(), trials.budget().trialEpochs());
        return base.withTraining(base.training().withEpochs(epochs).withEarlyStoppingPatience(0));
    }

    /** A stratified, seeded sample of at most {@code limit} samples of the view, keeping class shares. */
    public static DataView cap(DataView view, int limit, long seed) {
        if (view.count() <= limit) {
            return view;
        }
        LabelledData data = view.data();
        int[] labels = new int[view.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = view.label(i);
        }
        double keep = (double) limit / view.count();
        Split split = Split.stratified(labels, data.classCount(), 1 - keep, seed);
        int[] chosen = Arrays.stream(split.train()).map(i -> view.indices()[i]).sorted().toArray();
        return new DataView(data, chosen);
    }

    /**
     * Tabular rows a trial may use per image of the budget's limit. A dense network on a few dozen features costs a
     * small fraction of an image's convolutions per sample, and a short trial on a few hundred imbalanced rows is too
     * short to learn anything: on the unscaled and learning-rate CSV scenarios every 4-epoch trial on 300 rows ended
     * at 0.50–0.53, fix or not. Series rows keep the image limit (their 1-D convolutions cost like an image).
     */
    public static final int TABULAR_ROWS_PER_TRIAL_IMAGE = 10;

    /**
     * Trial views: the training view capped at the budget's image limit (tabular rows at
     * {@link #TABULAR_ROWS_PER_TRIAL_IMAGE} times it), validation capped at half of it.
     */
    public DataView[] trialViews() {
        TableDataset rows = table();
        int limit = trials.budget().maxTrialImages() * (rows != null && rows.kind() == TableKind.TABULAR
                ? TABULAR_ROWS_PER_TRIAL_IMAGE : 1);
        return new DataView[]{cap(train, limit, config.data().seed()),
                cap(validation, Math.max(50, limit / 2), config.data().seed() + 1)};
    }

    /** Chance level of balanced accuracy, 1 / C. */
    public double chance() {
        return 1.0 / Math.max(1, classCount());
    }

    /** A seeded random permutation of the given labels (label-shuffle test). */
    public static int[] shuffled(int[] labels, long seed) {
        int[] copy = labels.clone();
        Random random = new Random(seed);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }

    public static final class Builder {
        private final ExperimentConfig config;
        private final LabelledData data;
        private ImageDataset validationSet;
        private LabelledData predictSet;
        private TrialRunner trials;
        private MonitoredRun monitoredRun;
        private TrainingResult trainingResult;
        private String trainingRunName;
        private final int classCount;

        private Builder(ExperimentConfig config, LabelledData data, int classCount) {
            this.config = config;
            this.data = data;
            this.classCount = classCount;
        }

        public Builder validationSet(ImageDataset value) { this.validationSet = value; return this; }
        public Builder predictSet(LabelledData value) { this.predictSet = value; return this; }
        public Builder trials(TrialRunner value) { this.trials = value; return this; }
        public Builder monitoredRun(MonitoredRun value) { this.monitoredRun = value; return this; }
        public Builder trainingResult(TrainingResult value) { this.trainingResult = value; return this; }
        /** A finished run to judge instead of training one, and its name (its run folder's). */
        public Builder trainingRun(TrainingResult value, String name) {
            this.trainingResult = value;
            this.trainingRunName = name;
            return this;
        }

        public DiagnosticContext build() {
            return new DiagnosticContext(this);
        }
    }

    /** Convenience for tests: the finding ids of a list. */
    public static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }
}
