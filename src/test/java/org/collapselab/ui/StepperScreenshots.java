package org.collapselab.ui;

import static org.collapselab.ui.ScreenshotTour.fx;
import static org.collapselab.ui.ScreenshotTour.shoot;
import static org.collapselab.ui.ScreenshotTour.waitFor;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.ui.diagnose.DiagnoseViewModel;

/**
 * The stepper's states and ranking on a small imbalanced set, for looking at (run under Xvfb like
 * {@link ScreenshotTour}, with the output folder as the argument): the quick checks before any run (the steps on the
 * run wait), after a three-epoch Train-tab run (they name it), and the ranked causes after Run all. Not a test.
 */
public final class StepperScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/stepper-shots");
        System.setProperty("collapselab.prefs", "org/collapselab/stepper-shots");
        System.setProperty("collapselab.runs", "target/stepper-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/stepper-shots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        // A small imbalanced set (60:5:5 shapes of 32 px) keeps Run all within minutes on a busy two-core machine.
        Path data = Path.of(args.length > 1 ? args[1] : "target/stepper-data");
        if (!java.nio.file.Files.isDirectory(data)) {
            org.collapselab.core.data.samples.ShapesGenerator.generate(data,
                    org.collapselab.core.data.samples.ShapesGenerator.Options.balanced(60, 32, 11).withCounts(60, 5, 5));
        }
        fx(() -> window.loadDataset(data));
        waitFor(() -> window.context().datasetProperty().get() != null
                && window.context().datasetProperty().get().classCounts()[0] == 60, 120);
        fx(() -> window.modelScreen().apply(ConfigCodec.defaults().withTraining(
                ConfigCodec.defaults().training().withEpochs(3))));
        DiagnoseViewModel model = window.diagnoseScreen().model();
        fx(() -> model.trialBudget(TrialBudget.of(0, 1, 60)));
        fx(() -> window.tabs().getSelectionModel().select(3));
        waitFor(() -> !model.steps().isEmpty(), 60);
        fx(model::runPassive);
        waitFor(() -> !model.runningProperty().get(), 300);
        fx(() -> model.select(index(model, "loss-dynamics")));
        Thread.sleep(1000);
        shoot(null, out.resolve("stepper-waiting.png"));

        fx(window::trainNow);
        waitFor(() -> window.trainModel().lastOutcomeProperty().get() != null
                && !window.trainModel().runningProperty().get(), 900);
        fx(() -> window.tabs().getSelectionModel().select(3));
        waitFor(() -> model.diagnosedRunProperty().get() != null, 60);
        fx(model::runPassive);
        waitFor(() -> !model.runningProperty().get(), 300);
        fx(() -> model.select(index(model, "overfitting")));
        Thread.sleep(1000);
        shoot(null, out.resolve("stepper-not-applicable.png"));
        fx(() -> model.select(index(model, "collapsed-predictions")));
        Thread.sleep(1000);
        shoot(null, out.resolve("stepper-examined-run.png"));

        fx(model::runAll);
        waitFor(() -> !model.runningProperty().get() && !model.ranked().isEmpty(), 1500);
        Thread.sleep(1500);
        shoot(null, out.resolve("stepper-ranked.png"));
        Platform.exit();
        System.exit(0);
    }

    private static int index(DiagnoseViewModel model, String checkId) {
        return model.steps().stream().filter(s -> s.check().id().equals(checkId)).findFirst().orElseThrow().index();
    }
}
