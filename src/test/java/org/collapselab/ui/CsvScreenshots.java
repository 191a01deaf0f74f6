package org.collapselab.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import org.collapselab.core.data.samples.CsvSamples;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Opens the real app on the two sample CSV files and saves the Data screen of each (data-tabular.png with the
 * histograms of one feature, data-sequence.png with the example series) and the Train screen after training the
 * sequence sample with the reference 1-D CNN for EPOCHS epochs (train-sequence.png). Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp "target/classes:target/test-classes:target/lib/*"
 * org.collapselab.ui.CsvScreenshots assets [EPOCHS [check]]}. Not a test.
 */
public final class CsvScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        // "check" as the third argument: also the other Data tabs, the Model and Diagnose tabs, and no training.
        boolean extra = args.length > 2 && args[2].equals("check");
        System.setProperty("collapselab.prefs", "org/collapselab/csv-screenshots");
        System.setProperty("collapselab.runs", "target/csv-screenshot-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/csv-screenshots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        ScreenshotTour.waitFor(() -> window.context().statusProperty().get().startsWith("Ready"), 180);
        Path samples = AppContext.sampleDataDirectory();

        ScreenshotTour.fx(() -> window.loadDataset(samples.resolve(CsvSamples.TABULAR)));
        ScreenshotTour.waitFor(() -> window.context().tableProperty().get() != null
                && window.context().tableProperty().get().source().getFileName().toString().equals(CsvSamples.TABULAR), 120);
        ScreenshotTour.fx(() -> {
            tabs(window).getSelectionModel().select(2);
            @SuppressWarnings("unchecked")
            ComboBox<String> feature = (ComboBox<String>) window.root().lookup("#histogramFeature");
            feature.setValue("support_calls");
        });
        Thread.sleep(2500);
        ScreenshotTour.shoot(null, out.resolve("data-tabular.png"));
        if (extra) {
            for (int tab : new int[]{0, 1, 3, 4}) {
                ScreenshotTour.fx(() -> tabs(window).getSelectionModel().select(tab));
                Thread.sleep(1200);
                ScreenshotTour.shoot(null, out.resolve("check-tabular-" + tab + ".png"));
            }
        }

        ScreenshotTour.fx(() -> window.loadDataset(samples.resolve(CsvSamples.SEQUENCES)));
        ScreenshotTour.waitFor(() -> window.context().tableProperty().get() != null
                && window.context().tableProperty().get().source().getFileName().toString().equals(CsvSamples.SEQUENCES), 120);
        ScreenshotTour.fx(() -> tabs(window).getSelectionModel().select(3));
        Thread.sleep(2500);
        ScreenshotTour.shoot(null, out.resolve("data-sequence.png"));
        if (extra) {
            for (int tab : new int[]{0, 1, 2, 4}) {
                ScreenshotTour.fx(() -> tabs(window).getSelectionModel().select(tab));
                Thread.sleep(1200);
                ScreenshotTour.shoot(null, out.resolve("check-sequence-" + tab + ".png"));
            }
            ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(1));
            Thread.sleep(1200);
            ScreenshotTour.shoot(null, out.resolve("check-model.png"));
            ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(3));
            Thread.sleep(1200);
            ScreenshotTour.shoot(null, out.resolve("check-diagnose.png"));
            Platform.exit();
            System.exit(0);
        }

        ExperimentConfig config = window.context().configProperty().get();
        ScreenshotTour.fx(() -> window.modelScreen().apply(config.withTraining(config.training().withEpochs(epochs))));
        ScreenshotTour.fx(window::trainNow);
        ScreenshotTour.waitFor(() -> !window.trainModel().runningProperty().get()
                && window.trainModel().epochs().size() >= epochs, 900);
        Thread.sleep(2000);
        ScreenshotTour.shoot(null, out.resolve("train-sequence.png"));
        Platform.exit();
        System.exit(0);
    }

    private static TabPane tabs(MainWindow window) {
        return (TabPane) window.root().lookup("#csvTabs");
    }
}
