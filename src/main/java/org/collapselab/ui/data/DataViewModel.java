package org.collapselab.ui.data;

import java.nio.file.Path;
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
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.ui.AppContext;

/** Loads a dataset folder in the background and exposes it with its statistics. FX thread. */
public final class DataViewModel {
    private final AppContext context;
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("Drop an image folder anywhere on the window, or choose one.");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<DatasetStatistics> statistics = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private CancellationToken cancel;

    public DataViewModel(AppContext context) {
        this.context = context;
    }

    public BooleanProperty loadingProperty() { return loading; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
    public ObjectProperty<DatasetStatistics> statisticsProperty() { return statistics; }
    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObjectProperty<ImageDataset> datasetProperty() { return context.datasetProperty(); }

    /** Starts loading {@code dir} with the current image size and channels; a load in progress is cancelled. */
    public void load(Path dir) {
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
            Throwable t = task.getException();
            if (t instanceof CancelledException) {
                message.set("Loading cancelled.");
            } else {
                String reason = t.getMessage() == null ? t.toString() : t.getMessage();
                String kept = stillLoaded();
                error.set(reason + (kept.isEmpty() ? "" : System.lineSeparator() + kept));
                message.set("Could not load " + dir);
                // Ctrl+O works from every tab: the status bar's hint is where a user on another tab sees the failure.
                context.hintProperty().set("Could not load " + dir.getFileName() + ": " + reason
                        + (reason.endsWith(".") ? "" : ".") + (kept.isEmpty() ? "" : " " + kept));
            }
        });
        context.loadingExecutor().submit(task);
    }

    /** Says which dataset is still in use after a failed load, or "" when none was loaded. */
    private String stillLoaded() {
        ImageDataset data = context.datasetProperty().get();
        Path previous = folder.get();
        if (data == null || previous == null) {
            return "";
        }
        return String.format("The previous dataset, %s (%d images in %d classes), is still loaded.",
                previous.getFileName(), data.count(), data.classCount());
    }

    /** Reloads the current folder, e.g. after the image size or channels changed. */
    public void reload() {
        if (folder.get() != null) {
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
