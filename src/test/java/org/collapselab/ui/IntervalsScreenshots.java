package org.collapselab.ui;

import java.nio.file.Path;
import javafx.application.Application;
import org.collapselab.core.model.ConfigCodec;

/**
 * The Train screen after a finished run on the bundled shapes sample, its metrics with 95% intervals, saved as
 * assets/train-intervals.png (run under Xvfb like {@link ScreenshotTour}). Not a test.
 */
public final class IntervalsScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        System.setProperty("collapselab.prefs", "org/collapselab/intervals-screenshots");
        System.setProperty("collapselab.runs", "target/intervals-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/intervals-screenshots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        ScreenshotTour.waitFor(() -> window.context().datasetProperty().get() != null, 120);
        ScreenshotTour.waitFor(() -> window.context().statusProperty().get().startsWith("Ready"), 240);
        int epochs = Integer.getInteger("epochs", 4);
        // -Dkfold=FOLDER: a 3-fold run on that (small) folder instead, saved as train-kfold.png.
        String kfold = System.getProperty("kfold");
        if (kfold != null) {
            ScreenshotTour.fx(() -> window.loadDataset(Path.of(kfold)));
            ScreenshotTour.waitFor(() -> window.context().datasetProperty().get() != null
                    && window.context().datasetProperty().get().root().toString().equals(kfold), 120);
        }
        ScreenshotTour.fx(() -> window.modelScreen().apply(ConfigCodec.defaults().withTraining(
                ConfigCodec.defaults().training().withEpochs(epochs)).withData(
                ConfigCodec.defaults().data().withFolds(kfold == null ? 1 : 3))));
        ScreenshotTour.fx(window::trainNow);
        ScreenshotTour.waitFor(() -> !window.trainModel().runningProperty().get()
                && window.trainModel().epochs().size() >= epochs, 1200);
        Thread.sleep(2000);
        ScreenshotTour.shoot(null, out.resolve(kfold == null ? "train-intervals.png" : "train-kfold.png"));
        javafx.application.Platform.exit();
        System.exit(0);
    }
}
