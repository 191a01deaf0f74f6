package org.collapselab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.ui.diagnose.DiagnoseViewModel;

/**
 * Drives the real app through its main screens and saves screenshots into assets/ (run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -o -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.collapselab.ui.ScreenshotTour}). Not a test.
 */
public final class ScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        System.setProperty("collapselab.prefs", "org/collapselab/screenshot-tour");
        System.setProperty("collapselab.runs", "target/tour-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/screenshot-tour").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        waitFor(() -> window.context().datasetProperty().get() != null, 60);
        waitFor(() -> window.context().statusProperty().get().startsWith("Ready"), 120);
        Thread.sleep(1500);
        shoot(out.resolve("data-screen.png"));
        fx(() -> window.tabs().getSelectionModel().select(1));
        Thread.sleep(800);
        shoot(out.resolve("model-screen.png"));
        fx(() -> window.modelScreen().apply(ConfigCodec.defaults().withTraining(
                ConfigCodec.defaults().training().withEpochs(8))));
        fx(window::trainNow);
        waitFor(() -> window.trainModel().epochs().size() >= 3, 400);
        Thread.sleep(4000);
        shoot(out.resolve("train-screen.png"));
        fx(() -> window.trainModel().stop());
        waitFor(() -> !window.trainModel().runningProperty().get(), 60);
        fx(() -> window.loadDataset(AppContext.sampleDataDirectory().resolve("shapes-imbalanced")));
        waitFor(() -> window.context().datasetProperty().get() != null
                && window.context().datasetProperty().get().classCounts()[0] > 200, 60);
        fx(() -> window.modelScreen().apply(ConfigCodec.defaults().withTraining(
                ConfigCodec.defaults().training().withEpochs(4))));
        fx(window::trainNow);
        waitFor(() -> !window.trainModel().runningProperty().get() && window.trainModel().epochs().size() >= 4, 400);
        Thread.sleep(1500);
        shoot(out.resolve("train-collapsed.png"));
        fx(() -> window.tabs().getSelectionModel().select(3));
        diagnose(window, out);
        // The Runs screen's pictures (runs-table.png, compare.png) come from RunsScreenshots, over several runs.
        Platform.exit();
        System.exit(0);
    }

    /**
     * The stepper on the collapsed imbalanced run: the quick checks, the monitored run (reusing the Train tab's
     * run), the class-balance step with its histogram, and the learning-rate range test with its chart.
     */
    private static void diagnose(MainWindow window, Path out) throws Exception {
        DiagnoseViewModel model = window.diagnoseScreen().model();
        fx(() -> model.trialBudget(TrialBudget.of(0, 2, 300)));
        waitFor(() -> !model.steps().isEmpty(), 30);
        fx(model::runPassive);
        waitFor(() -> !model.runningProperty().get(), 300);
        fx(() -> model.select(index(model, "monitored-run")));
        fx(model::runStep);
        waitFor(() -> !model.runningProperty().get(), 600);
        fx(model::runPassive);
        waitFor(() -> !model.runningProperty().get(), 300);
        fx(() -> model.select(index(model, "monitored-run")));
        Thread.sleep(1000);
        shoot(out.resolve("diagnose-screen.png"));
        fx(() -> model.select(index(model, "class-imbalance")));
        Thread.sleep(1000);
        shoot(out.resolve("diagnose-stepper.png"));
        fx(() -> model.select(index(model, "lr-range-test")));
        fx(model::runStep);
        waitFor(() -> !model.runningProperty().get(), 600);
        Thread.sleep(1000);
        shoot(out.resolve("diagnose-lr-range.png"));
    }

    private static int index(DiagnoseViewModel model, String checkId) {
        return model.steps().stream().filter(s -> s.check().id().equals(checkId)).findFirst().orElseThrow().index();
    }

    private static void shoot(Path file) throws Exception {
        shoot(null, file);
    }

    /** Saves a snapshot of {@code windowOrNull} (the main window when null) as a PNG. */
    static void shoot(Window windowOrNull, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Window window = windowOrNull != null ? windowOrNull : Window.getWindows().get(0);
                WritableImage image = window.getScene().snapshot(null);
                File target = file.toFile();
                target.getParentFile().mkdirs();
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target);
                System.out.println("saved " + file);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting");
            }
            Thread.sleep(200);
        }
    }

}
