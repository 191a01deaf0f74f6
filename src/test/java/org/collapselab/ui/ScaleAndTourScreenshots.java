package org.collapselab.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.ui.diagnose.DiagnoseViewModel;

/**
 * The real app at 200 % text size (View menu) on the sample: assets/data-200.png, assets/train-200.png (after a
 * three-epoch run), assets/diagnose-200.png (its quick checks), model-200.png and runs-200.png, then at 100 % with the first-run tour open: assets/first-run-tour.png. Run under Xvfb like
 * {@link ScreenshotTour}: {@code mvn -o -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.collapselab.ui.ScaleAndTourScreenshots}. Not a test.
 */
public final class ScaleAndTourScreenshots {
    /** The stepper after its quick checks on the three-epoch run, showing the first step with a finding. */
    private static void diagnose(MainWindow window, Path out) throws Exception {
        DiagnoseViewModel model = window.diagnoseScreen().model();
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(3));
        ScreenshotTour.waitFor(() -> !model.steps().isEmpty(), 30);
        ScreenshotTour.fx(model::runPassive);
        ScreenshotTour.waitFor(() -> !model.runningProperty().get(), 300);
        ScreenshotTour.fx(() -> model.steps().stream().filter(s -> s.result().state() == CheckState.FOUND)
                .findFirst().ifPresent(s -> model.select(s.index())));
        Thread.sleep(1500);
        ScreenshotTour.shoot(null, out.resolve("diagnose-200.png"));
    }

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
        diagnose(window, out);
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(1));
        Thread.sleep(1500);
        ScreenshotTour.shoot(null, out.resolve("model-200.png"));
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(4));
        Thread.sleep(2500);
        ScreenshotTour.shoot(null, out.resolve("runs-200.png"));
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
