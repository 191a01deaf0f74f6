package org.collapselab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import org.collapselab.core.data.samples.CsvSamples;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.ui.diagnose.DiagnoseViewModel;
import org.collapselab.ui.diagnose.StepItem;

/**
 * Opens the real app on the tabular sample CSV, runs the Diagnose tab's quick checks and saves the tab with the
 * first CSV-only step that found something (diagnose-csv.png). Run under Xvfb with the test classpath:
 * {@code java -cp "target/classes:target/test-classes:DEPS" org.collapselab.ui.CsvDiagnoseScreenshots assets}.
 * Not a test.
 */
public final class CsvDiagnoseScreenshots {
    private static final List<String> CSV_STEPS =
            List.of("spurious-feature", "constant-feature", "features-not-scaled", "duplicate-rows", "class-imbalance");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        System.setProperty("collapselab.prefs", "org/collapselab/csv-diagnose-screenshots");
        System.setProperty("collapselab.runs", "target/csv-diagnose-screenshot-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/csv-diagnose-screenshots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        ScreenshotTour.waitFor(() -> window.context().statusProperty().get().startsWith("Ready"), 180);
        ScreenshotTour.fx(() -> window.loadDataset(AppContext.sampleDataDirectory().resolve(CsvSamples.TABULAR)));
        DiagnoseViewModel model = window.diagnoseScreen().model();
        ScreenshotTour.waitFor(() -> window.context().tableProperty().get() != null && !model.steps().isEmpty(), 120);
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(3));
        ScreenshotTour.fx(model::runPassive);
        Thread.sleep(500);
        ScreenshotTour.waitFor(() -> !model.runningProperty().get(), 300);
        StepItem shown = CSV_STEPS.stream()
                .map(id -> model.steps().stream().filter(s -> s.check().id().equals(id)).findFirst().orElseThrow())
                .filter(s -> s.result().state() == CheckState.FOUND).findFirst()
                .orElse(model.steps().get(0));
        for (StepItem s : model.steps()) {
            System.out.println(s.check().id() + " " + s.result().state() + " " + s.result().note());
        }
        ScreenshotTour.fx(() -> model.select(shown.index()));
        Thread.sleep(1500);
        ScreenshotTour.shoot(null, out.resolve("diagnose-csv.png"));
        Platform.exit();
        System.exit(0);
    }
}
