package org.collapselab.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import org.collapselab.core.model.ConfigCodec;

/**
 * The real app at 200 % text size (View menu) on the sample: assets/data-200.png and assets/train-200.png (after a
 * three-epoch run), then at 100 % with the first-run tour open: assets/first-run-tour.png. Run under Xvfb like
 * {@link ScreenshotTour}: {@code mvn -o -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.collapselab.ui.ScaleAndTourScreenshots}. Not a test.
 */
public final class ScaleAndTourScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        String node = "org/collapselab/scale-screenshots";
        System.setProperty("collapselab.prefs", node);
        System.setProperty("collapselab.runs", "target/scale-runs");
        System.setProperty("collapselab.textSize", "200");
        java.util.prefs.Preferences.userRoot().node(node).clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        ScreenshotTour.waitFor(() -> window.context().datasetProperty().get() != null, 60);
        ScreenshotTour.waitFor(() -> window.context().statusProperty().get().startsWith("Ready"), 180);
        Thread.sleep(1500);
        ScreenshotTour.shoot(null, out.resolve("data-200.png"));
        ScreenshotTour.fx(() -> window.modelScreen().apply(ConfigCodec.defaults().withTraining(
                ConfigCodec.defaults().training().withEpochs(3))));
        ScreenshotTour.fx(window::trainNow);
        ScreenshotTour.waitFor(() -> !window.trainModel().runningProperty().get()
                && window.trainModel().lastOutcomeProperty().get() != null, 600);
        Thread.sleep(2000);
        ScreenshotTour.shoot(null, out.resolve("train-200.png"));
        ScreenshotTour.fx(() -> {
            window.setTextSize(100);
            window.showTour();
        });
        Thread.sleep(1500);
        ScreenshotTour.shoot(null, out.resolve("first-run-tour.png"));
        Platform.exit();
        System.exit(0);
    }
}
