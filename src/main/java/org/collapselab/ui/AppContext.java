package org.collapselab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.training.TrainingEngine;

/**
 * The composition root and the state shared by the screens: the current dataset and config, the
 * engine, and the two background executors (one for training, one for loading). FX thread only,
 * except the executors themselves.
 */
public final class AppContext {
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>();
    /** The CSV data, when a CSV file rather than an image folder is loaded (then {@link #dataset} is null). */
    private final ObjectProperty<TableDataset> table = new SimpleObjectProperty<>();
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>(ConfigCodec.defaults());
    private final StringProperty status = new SimpleStringProperty("Starting…");
    private final StringProperty hint = new SimpleStringProperty("");
    private final TrainingEngine engine;
    private final ExperimentService service;
    private final ExecutorService trainingExecutor = Executors.newSingleThreadExecutor(daemon("training"));
    private final ExecutorService loadingExecutor = Executors.newSingleThreadExecutor(daemon("loading"));
    private final Preferences preferences;
    /** Where runs are written; the user may pick another folder for the session when this one is unusable. */
    private final ObjectProperty<Path> runsDirectory = new SimpleObjectProperty<>();

    public AppContext(Preferences preferences, Path runsDirectory) {
        this.preferences = preferences;
        this.runsDirectory.set(runsDirectory);
        this.engine = org.collapselab.core.experiment.Engines.defaultEngine();
        this.service = new ExperimentService(engine, runsDirectory);
    }

    public ObjectProperty<ImageDataset> datasetProperty() { return dataset; }
    public ObjectProperty<TableDataset> tableProperty() { return table; }
    public ObjectProperty<ExperimentConfig> configProperty() { return config; }

    /** Classes of the loaded data, images or CSV; {@code fallback} when none is loaded. */
    public int classCount(int fallback) {
        if (dataset.get() != null) {
            return dataset.get().classCount();
        }
        return table.get() != null ? table.get().classCount() : fallback;
    }
    public StringProperty statusProperty() { return status; }
    public StringProperty hintProperty() { return hint; }
    public TrainingEngine engine() { return engine; }
    /** The experiment service the screens share with the command line. */
    public ExperimentService service() { return service; }
    public ExecutorService trainingExecutor() { return trainingExecutor; }
    public ExecutorService loadingExecutor() { return loadingExecutor; }
    public Preferences preferences() { return preferences; }
    public Path runsDirectory() { return runsDirectory.get(); }
    /** Read-only view of the runs folder; change it with {@link #useRunsDirectory}. */
    public javafx.beans.value.ObservableValue<Path> runsDirectoryProperty() { return runsDirectory; }

    /** Writes the next runs of this session under {@code directory} (not remembered across sessions). */
    public void useRunsDirectory(Path directory) {
        service.useRunsDirectory(directory);
        runsDirectory.set(directory);
    }

    /** Where the bundled samples are: next to the working directory, or next to the installed app. */
    public static Path sampleDataDirectory() {
        Path local = Path.of("sample-data");
        if (Files.isDirectory(local)) {
            return local.toAbsolutePath();
        }
        String app = System.getProperty("jpackage.app-path");
        if (app != null) {
            Path installed = Path.of(app).getParent().resolveSibling("lib").resolve("app").resolve("sample-data");
            if (Files.isDirectory(installed)) {
                return installed;
            }
        }
        return local.toAbsolutePath();
    }

    /** Stops background work; waits briefly so a running training can write its run folder as stopped. */
    public void shutdown() {
        trainingExecutor.shutdown();
        loadingExecutor.shutdownNow();
        try {
            trainingExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
