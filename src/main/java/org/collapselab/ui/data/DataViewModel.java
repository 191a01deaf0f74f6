package org.collapselab.ui.data;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ClassBalance;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableKindDetector;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.DataKindSwitch;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.ui.AppContext;

/** Loads an image folder or a CSV file in the background and exposes it with its statistics. FX thread. */
public final class DataViewModel {
    private final AppContext context;
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("Drop an image folder or a .csv file anywhere on the window, or choose one.");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<DatasetStatistics> statistics = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<LoadedTable> table = new SimpleObjectProperty<>();
    private CancellationToken cancel;
    /** Where config changes made by loading go: the Model screen's editor in the app, the context alone in tests. */
    private Consumer<ExperimentConfig> configSink;
    /** The data kind the last CSV load guessed and put in the config, so the next file is guessed afresh. */
    private DataKind guessedKind;

    public DataViewModel(AppContext context) {
        this.context = context;
        this.configSink = context.configProperty()::set;
    }

    /** Sends the config changes that loading makes (data kind, label column, fitting layers) to {@code sink}. */
    public void setConfigSink(Consumer<ExperimentConfig> sink) {
        this.configSink = sink;
    }

    public BooleanProperty loadingProperty() { return loading; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
    public ObjectProperty<DatasetStatistics> statisticsProperty() { return statistics; }
    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObjectProperty<ImageDataset> datasetProperty() { return context.datasetProperty(); }
    /** The loaded CSV file with what the Data screen shows of it, or null while images (or nothing) are loaded. */
    public ObjectProperty<LoadedTable> tableProperty() { return table; }

    /**
     * Starts loading {@code path}: a {@code .csv} file as CSV data, anything else as an image folder with the current
     * image size and channels; a load in progress is cancelled.
     */
    public void load(Path path) {
        if (TableExperiment.isCsv(path)) {
            loadCsv(path, null, null);
        } else {
            loadFolder(path);
        }
    }

    private void loadFolder(Path dir) {
        cancel();
        ExperimentConfig config = context.configProperty().get();
        CancellationToken token = new CancellationToken();
        cancel = token;
        int size = config.data().imageSize();
        int channels = config.data().channels();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                assert !javafx.application.Platform.isFxApplicationThread();
                updateMessage("Scanning " + dir + " …");
                ImageDataset data = new DatasetLoader().load(dir, size, channels, (done, total, text) -> {
                    if (total > 0) {
                        updateProgress(done, total);
                    }
                    updateMessage(text + " " + done + (total > 0 ? " / " + total : ""));
                }, token);
                updateMessage("Measuring " + data.count() + " images …");
                // Statistics walk every image: done here so the FX thread only lays out the result.
                return new Loaded(data, DatasetStatistics.of(data));
            }
        };
        loading.set(true);
        error.set("");
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finish();
            ImageDataset data = task.getValue().data();
            folder.set(dir);
            table.set(null);
            context.tableProperty().set(null);
            ExperimentConfig current = context.configProperty().get();
            if (current.data().kind().isTable()) {
                configSink.accept(DataKindSwitch.adapt(current, DataKind.IMAGES, null));
            }
            guessedKind = null;
            context.datasetProperty().set(data);
            statistics.set(task.getValue().statistics());
            context.preferences().put("lastDataset", dir.toAbsolutePath().toString());
            message.set(String.format("%s — %d images in %d classes%s", dir.getFileName(), data.count(), data.classCount(),
                    data.skipped().isEmpty() ? "" : ", " + data.skipped().size() + " skipped"));
            DatasetStatistics stats = task.getValue().statistics();
            boolean imbalanced = stats.balance().verdict() == ClassBalance.Verdict.STRONG;
            context.hintProperty().set(String.format("Data loaded: %d classes, %d images%s → check the Model tab, then Train (Ctrl+Enter).",
                    data.classCount(), data.count(), imbalanced
                            ? String.format(", imbalanced %.0f:1 (consider class weights)", stats.imbalanceRatio()) : ""));
        });
        task.setOnFailed(e -> {
            finish();
            failed(dir, task.getException());
        });
        context.loadingExecutor().submit(task);
    }

    private void failed(Path path, Throwable t) {
        if (t instanceof CancelledException) {
            message.set("Loading cancelled.");
            return;
        }
        String reason = t.getMessage() == null ? t.toString() : t.getMessage();
        String kept = stillLoaded();
        error.set(reason + (kept.isEmpty() ? "" : System.lineSeparator() + kept));
        message.set("Could not load " + path);
        // Ctrl+O works from every tab: the status bar's hint is where a user on another tab sees the failure.
        context.hintProperty().set("Could not load " + path.getFileName() + ": " + reason
                + (reason.endsWith(".") ? "" : ".") + (kept.isEmpty() ? "" : " " + kept));
    }

    /** Says which dataset is still in use after a failed load, or "" when none was loaded. */
    private String stillLoaded() {
        ImageDataset data = context.datasetProperty().get();
        Path previous = folder.get();
        TableDataset rows = context.tableProperty().get();
        if (rows != null && previous != null) {
            return String.format("The previous data, %s (%d rows in %d classes), is still loaded.",
                    previous.getFileName(), rows.count(), rows.classCount());
        }
        if (data == null || previous == null) {
            return "";
        }
        return String.format("The previous dataset, %s (%d images in %d classes), is still loaded.",
                previous.getFileName(), data.count(), data.classCount());
    }

    /**
     * Loads a CSV file as {@code kind} (null: the config's kind when it set one, else guessed from the header) with
     * the label in {@code labelColumn} (null: the config's, else a column named label, class or target, else the
     * last), then makes the config fit it ({@link DataKindSwitch}). Loading, the split, the standardizer and the
     * statistics all run on the loading executor.
     */
    public void loadCsv(Path file, DataKind kind, String labelColumn) {
        cancel();
        ExperimentConfig config = context.configProperty().get();
        DataKind configKind = config.data().kind();
        boolean configSaysKind = configKind.isTable() && configKind != guessedKind;
        String label = labelColumn != null ? labelColumn : sameFile(file) || configSaysKind ? config.data().labelColumn() : null;
        CancellationToken token = new CancellationToken();
        cancel = token;
        Task<LoadedTable> task = new Task<>() {
            @Override
            protected LoadedTable call() throws Exception {
                assert !javafx.application.Platform.isFxApplicationThread();
                updateMessage("Reading " + file.getFileName() + " …");
                DataKind chosen = kind;
                String how;
                if (chosen != null) {
                    how = "read as " + chosen.json() + " (chosen)";
                } else if (configSaysKind) {
                    chosen = configKind;
                    how = "read as " + chosen.json() + " (the config's data.kind)";
                } else {
                    TableKindDetector.Detection guess = TableKindDetector.detect(file);
                    chosen = guess.kind() == TableKind.SEQUENCE ? DataKind.SEQUENCE : DataKind.TABULAR;
                    how = "read as " + chosen.json() + ": " + guess.reason();
                }
                ExperimentConfig adapted = DataKindSwitch.adapt(config, chosen, label);
                TableDataset data = TableExperiment.load(file, adapted);
                token.throwIfCancelled();
                updateMessage("Measuring " + data.count() + " rows …");
                return LoadedTable.of(file, data, adapted, how, kind == null && !configSaysKind ? chosen : null);
            }
        };
        loading.set(true);
        error.set("");
        progress.set(-1);
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finish();
            LoadedTable loaded = task.getValue();
            guessedKind = loaded.guessed();
            folder.set(file);
            // The table first: the config listeners then compare the new config with the file it was read with,
            // and the screens that clear on "no images" already see the CSV file.
            context.tableProperty().set(loaded.data());
            table.set(loaded);
            statistics.set(null);
            context.datasetProperty().set(null);
            if (!loaded.config().equals(context.configProperty().get())) {
                configSink.accept(loaded.config());
            }
            context.preferences().put("lastDataset", file.toAbsolutePath().toString());
            TableDataset data = loaded.data();
            message.set(String.format("%s — %d %s rows in %d classes%s", file.getFileName(), data.count(),
                    data.kind().json(), data.classCount(),
                    data.skipped().isEmpty() ? "" : ", " + data.skipped().size() + " skipped"));
            ClassBalance balance = loaded.statistics().balance();
            context.hintProperty().set(String.format("CSV loaded: %d classes, %d rows%s → check the Model tab, then Train (Ctrl+Enter).",
                    data.classCount(), data.count(), balance.verdict() == ClassBalance.Verdict.STRONG
                            ? String.format(", imbalanced %.0f:1 (consider class weights)", balance.ratio()) : ""));
        });
        task.setOnFailed(e -> {
            finish();
            failed(file, task.getException());
        });
        context.loadingExecutor().submit(task);
    }

    /** The same CSV file again as {@code kind} with the label in {@code labelColumn} (the Data screen's choices). */
    public void reloadCsv(DataKind kind, String labelColumn) {
        LoadedTable current = table.get();
        if (current != null) {
            loadCsv(current.file(), kind, labelColumn);
        }
    }

    private boolean sameFile(Path file) {
        LoadedTable current = table.get();
        return current != null && current.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    /** Reloads the current folder or CSV file, e.g. after the image size or channels changed. */
    public void reload() {
        LoadedTable current = table.get();
        if (current != null) {
            loadCsv(current.file(), current.data().kind() == TableKind.SEQUENCE ? DataKind.SEQUENCE : DataKind.TABULAR,
                    current.data().labelColumn());
        } else if (folder.get() != null) {
            load(folder.get());
        }
    }

    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    private void finish() {
        progress.unbind();
        message.unbind();
        loading.set(false);
        cancel = null;
    }

    private record Loaded(ImageDataset data, DatasetStatistics statistics) {
    }
}
