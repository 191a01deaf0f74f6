package org.collapselab.ui.tryit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.collapselab.core.experiment.ModelTryout;
import org.collapselab.core.experiment.TryResult;
import org.collapselab.core.explain.OcclusionMap;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.ProgressObserver;

/**
 * The state of the "Try the model" view: the run's model, the last result (dropped images, a folder, or the
 * validation mistakes), the selected image and its occlusion map. The model loads, classifies and explains on one
 * worker thread of its own (the model is not thread-safe; training keeps its executor); results come back on the FX
 * thread, progress at most once per pulse. Properties are read and written on the FX thread.
 */
public final class TryModelViewModel {
    private final Path runFolder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "try-model");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<ModelTryout> tryout = new SimpleObjectProperty<>();
    private final ObjectProperty<TryResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<OcclusionMap> occlusion = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("Loading the model…");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty mapTiming = new SimpleStringProperty("");
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private volatile double progressValue;
    private volatile String progressText = "";
    private CancellationToken current = new CancellationToken();
    private CancellationToken currentMap = new CancellationToken();

    public TryModelViewModel(Path runFolder) {
        this.runFolder = runFolder;
        busy.set(true);
        submit(token -> ModelTryout.open(runFolder), loaded -> {
            tryout.set(loaded);
            status.set("Drop an image or a folder of images here, or choose them. The model of this run classes them as "
                    + String.join(", ", loaded.classes()) + ".");
        });
    }

    public Path runFolder() { return runFolder; }
    public ObjectProperty<ModelTryout> tryoutProperty() { return tryout; }
    public ObjectProperty<TryResult> resultProperty() { return result; }
    public ObjectProperty<Integer> selectedProperty() { return selected; }
    public ObjectProperty<OcclusionMap> occlusionProperty() { return occlusion; }
    public BooleanProperty busyProperty() { return busy; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty mapTimingProperty() { return mapTiming; }

    /** Classifies dropped or chosen files and folders. */
    public void classify(List<Path> given) {
        ModelTryout model = tryout.get();
        if (model == null || given.isEmpty()) {
            return;
        }
        start("Reading " + (given.size() == 1 ? given.get(0).getFileName() : given.size() + " items") + "…");
        submit(token -> model.classify(given, observer(), token), this::show);
    }

    /** Classifies the run's validation images and keeps the misclassified ones. */
    public void validationMistakes() {
        ModelTryout model = tryout.get();
        if (model == null) {
            return;
        }
        start("Loading the run's validation images…");
        submit(token -> model.validationMistakes(observer(), token), this::show);
    }

    /** Stops the running classification (between batches). */
    public void cancel() {
        current.cancel();
    }

    /** Selects image {@code index} of the result and computes where the model looks in it. */
    public void select(Integer index) {
        selected.set(index);
        occlusion.set(null);
        mapTiming.set("");
        currentMap.cancel();
        TryResult shown = result.get();
        ModelTryout model = tryout.get();
        if (index == null || shown == null || model == null || index < 0 || index >= shown.count()) {
            return;
        }
        CancellationToken token = new CancellationToken();
        currentMap = token;
        worker.submit(() -> {
            if (token.isCancelled()) {
                return;
            }
            long start = System.nanoTime();
            try {
                OcclusionMap map = model.occlusion(shown, index);
                double millis = (System.nanoTime() - start) / 1e6;
                Platform.runLater(() -> {
                    if (!token.isCancelled()) {
                        occlusion.set(map);
                        mapTiming.set(String.format(Locale.ROOT, "%d × %d grey patches of %d px, %.0f ms",
                                (map.size() - map.patch()) / map.stride() + 1, (map.size() - map.patch()) / map.stride() + 1,
                                map.patch(), millis));
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> error.set("Could not compute where the model looks: " + message(e)));
            }
        });
    }

    /** Stops the worker; the view's window is closing. */
    public void close() {
        current.cancel();
        currentMap.cancel();
        worker.shutdownNow();
    }

    private void show(TryResult shown) {
        result.set(shown);
        status.set(summary(shown));
        select(shown.count() > 0 ? 0 : null);
    }

    static String summary(TryResult r) {
        if (r.labelled() && r.confusionOrNull() != null && r.count() < r.confusionOrNull().total()) {
            return String.format(Locale.ROOT, "%d of the %d validation images are misclassified (accuracy %.1f%%, "
                            + "balanced %.1f%%).", r.count(), r.confusionOrNull().total(),
                    100 * r.confusionOrNull().accuracy(), 100 * r.confusionOrNull().balancedAccuracy());
        }
        if (r.labelled()) {
            return String.format(Locale.ROOT, "%d images from class folders: accuracy %.1f%%, balanced accuracy %.1f%%, "
                            + "%d misclassified.", r.count(), 100 * r.confusionOrNull().accuracy(),
                    100 * r.confusionOrNull().balancedAccuracy(), r.mistakes());
        }
        return r.count() == 1 ? "1 image classified." : r.count() + " images classified.";
    }

    /** The warning shown when the images are unlike the training images; empty when they are alike. */
    public static String fingerprintWarning(TryResult r) {
        if (!r.unlikeTraining()) {
            return "";
        }
        return String.format(Locale.ROOT, "These images are unlike the training images: their pixel statistics moved "
                + "by %.2f training standard deviations (more than %.1f). A model shown inputs unlike its training data "
                + "tends to give one answer to all of them; prepare them like the training images (same source, "
                + "lighting, colour handling).", r.shift(), ModelTryout.MISMATCH_SHIFT);
    }

    private void start(String text) {
        current.cancel();
        current = new CancellationToken();
        error.set("");
        status.set(text);
        progress.set(-1);
        busy.set(true);
    }

    private ProgressObserver observer() {
        return (done, total, message) -> {
            progressValue = total > 0 ? (double) done / total : -1;
            progressText = message + (total > 0 ? "" : String.format(Locale.ROOT, " (%,d)", done));
            if (progressPending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    progressPending.set(false);
                    if (busy.get()) {
                        progress.set(progressValue);
                        status.set(progressText);
                    }
                });
            }
        };
    }

    private interface Work<T> {
        T run(CancellationToken token) throws Exception;
    }

    private <T> void submit(Work<T> work, java.util.function.Consumer<T> onDone) {
        CancellationToken token = current;
        worker.submit(() -> {
            assert !Platform.isFxApplicationThread();
            try {
                T value = work.run(token);
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    onDone.accept(value);
                });
            } catch (CancelledException e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    status.set("Cancelled.");
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    status.set("");
                    error.set(message(e));
                });
            }
        });
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
