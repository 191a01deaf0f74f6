package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.ui.diagnose.DiagnoseViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user tripped over, at the 1360 px width of the walkthrough: the retrain flow on the Train tab,
 * honest progress, layouts that fit, folder-load errors seen from any tab, and thumbnails by class.
 */
@Tag("gui")
class UxFlowTest extends WorkbenchFxTest {
    private static final double WIDTH = 1360;
    static Path imbalanced;

    @BeforeAll
    static void imbalancedFolder() throws Exception {
        // 120 circles first: the squares' thumbnails start 12 rows down.
        imbalanced = shared.resolve("imbalanced");
        ShapesGenerator.generate(imbalanced, ShapesGenerator.Options.balanced(6, 16, 3).withCounts(120, 6, 6));
    }

    @Override
    protected Path data() {
        return imbalanced;
    }

    @Override
    protected void opened(Stage stage) {
        stage.setWidth(WIDTH);
        stage.setHeight(820);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::stopTraining);
        waitUntil(() -> !window.trainModel().runningProperty().get(), 30);
    }

    private void loaded() {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
    }

    @Test
    void emptyTrainTabShowsWhatWillAppearInsteadOfEmptyAxes(FxRobot robot) {
        robot.clickOn("#trainTab");
        Label placeholder = robot.lookup("#trainPlaceholder").queryAs(Label.class);
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertTrue(placeholder.isVisible(), "placeholder shown");
        assertFalse(loss.getParent().isVisible(), "no 0–125 axes before any run");
    }

    @Test
    void classRowJumpsToItsThumbnailsAndAThumbnailOpensLarger(FxRobot robot) {
        loaded();
        TableView<?> classes = robot.lookup("#classTable").queryAs(TableView.class);
        ListView<?> thumbnails = robot.lookup("#thumbnails").queryAs(ListView.class);
        waitUntil(() -> classes.getItems().size() == 3 && thumbnails.getItems().size() == 14, 30);
        robot.interact(() -> classes.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, thumbnails.getSelectionModel().getSelectedIndex(), "first row of the second class");
        Node squareThumb = robot.lookup("#thumbnails .image-view").match(n -> n.getId() != null
                && n.getId().startsWith("thumb-") && thumbRowClass(n).equals(window.context().datasetProperty().get()
                .classes().get(1))).query();
        assertTrue(squareThumb.isVisible() && squareThumb.getScene() != null, "the class's thumbnails are on screen");

        robot.clickOn(squareThumb);
        WaitForAsyncUtils.waitForFxEvents();
        Label caption = robot.lookup("#previewCaption").queryAs(Label.class);
        int index = Integer.parseInt(squareThumb.getId().substring("thumb-".length()));
        var data = window.context().datasetProperty().get();
        assertTrue(caption.getText().startsWith(data.path(index).getFileName().toString()), caption.getText());
        assertTrue(caption.getText().contains(data.info(index).width() + "×" + data.info(index).height() + " px"),
                caption.getText());
        assertTrue(caption.getText().contains(" KB") || caption.getText().contains(" MB"), "file size");
    }

    private static String thumbRowClass(Node thumb) {
        Node row = thumb.getParent().getParent();
        return ((Label) ((javafx.scene.layout.HBox) row).getChildren().get(0)).getText().isEmpty() ? "" :
                ((Label) ((javafx.scene.layout.HBox) row).getChildren().get(0)).getText();
    }

    @Test
    void failedLoadFromAnotherTabIsReportedThereAndSaysTheOldDatasetStays(FxRobot robot) {
        loaded();
        robot.clickOn("#trainTab");
        Path missing = shared.resolve("no-such-folder");
        robot.interact(() -> window.dataModel().load(missing));
        waitUntil(() -> !window.dataModel().loadingProperty().get()
                && !window.dataModel().errorProperty().get().isEmpty(), 30);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Train", window.tabs().getSelectionModel().getSelectedItem().getText(), "stays on the tab");
        String hint = robot.lookup(".next-step").queryAs(Label.class).getText();
        assertTrue(hint.startsWith("Could not load no-such-folder"), hint);
        assertTrue(hint.contains("The previous dataset, imbalanced (132 images in 3 classes), is still loaded."), hint);
        assertTrue(window.dataModel().errorProperty().get().contains("is still loaded"), "said on the Data tab too");
        assertEquals(132, window.context().datasetProperty().get().count());
    }

    @Test
    void statusHintAndDiagnoseProgressFitTheWindow(FxRobot robot) {
        loaded();
        robot.interact(() -> {
            window.context().statusProperty().set("Ready · CPU (x86_64 · 16 threads · AVX2 · OpenBLAS 0.3.21 · nd4j-native)");
            window.context().hintProperty().set("Training finished with findings. Next: open the Diagnose tab to see "
                    + "why and apply a fix.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label hint = robot.lookup(".next-step").queryAs(Label.class);
        assertTrue(hint.getWidth() >= hint.prefWidth(-1) - 0.5, "hint cut: " + hint.getWidth() + " < " + hint.prefWidth(-1));
        assertTrue(hint.localToScene(hint.getBoundsInLocal()).getMaxX() <= WIDTH, "hint inside the window");

        robot.clickOn("#diagnoseTab");
        DiagnoseViewModel diagnose = window.diagnoseScreen().model();
        robot.interact(() -> diagnose.progressTextProperty().set("Learning-rate range test: trial 7 of 12 at learning "
                + "rate 3.2e-02, 4 of 40 minibatches, loss 1.0986, smoothed 1.1012, best so far 0.9876 at 1.0e-03"));
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#diagnoseProgressText").queryAs(Label.class);
        Node progressArea = window.root().lookup("#diagnoseProgressBar");
        Bounds area = progressArea.localToScene(progressArea.getBoundsInLocal());
        assertTrue(text.getWidth() <= 200.5, "the message is cut with an ellipsis, not widened: " + text.getWidth());
        // The bar's room: the progress area keeps its preferred width (text and, while running, the bar) on screen.
        assertTrue(area.getMaxX() <= WIDTH && area.getWidth() >= progressArea.prefWidth(-1) - 0.5, "on screen: " + area);
        assertTrue(window.root().lookup("#exportReport").getScene() != null
                && robot.lookup("#exportReport").tryQuery().isPresent(), "every button still in the toolbar");
    }

    @Test
    void retrainWithFixesComparesWithTheDiagnosedRunOnTheTrainTab(FxRobot robot) {
        loaded();
        DiagnoseViewModel diagnose = window.diagnoseScreen().model();
        // The diagnosed run: two epochs.
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(2)));
        AtomicReference<String> statusWhileTraining = new AtomicReference<>();
        robot.interact(() -> window.context().statusProperty().addListener((o, a, status) -> {
            if (window.trainModel().runningProperty().get()) {
                statusWhileTraining.compareAndSet(null, status);
            }
        }));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        assertTrue(statusWhileTraining.get().startsWith("Training · Starting: loading the deep-learning libraries"),
                "status while training: " + statusWhileTraining.get());
        RunOutcome diagnosed = window.trainModel().lastOutcomeProperty().get();
        waitUntil(() -> diagnose.diagnosedRunProperty().get() == diagnosed, 30);
        String statusBefore = window.context().statusProperty().get();
        AtomicReference<String> statusWhileDiagnosing = new AtomicReference<>();
        robot.interact(() -> window.context().statusProperty().addListener((o, a, status) -> {
            if (diagnose.runningProperty().get()) {
                statusWhileDiagnosing.compareAndSet(null, status);
            }
        }));
        robot.interact(diagnose::runPassive);
        waitUntil(() -> !diagnose.runningProperty().get(), 120);
        assertTrue(statusWhileDiagnosing.get() != null && statusWhileDiagnosing.get().startsWith("Diagnosing · "),
                "status while diagnosing: " + statusWhileDiagnosing.get());
        assertEquals(statusBefore, window.context().statusProperty().get(), "back to the line before the diagnosis");

        // A fix changes the config; an unrelated one-epoch run trains in between.
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(1)));
        waitUntil(() -> diagnose.staleProperty().get(), 10);
        robot.clickOn("#diagnoseTab");
        Button restart = robot.lookup("#restartSession").queryAs(Button.class);
        assertTrue(restart.getWidth() >= restart.prefWidth(-1) - 0.5, "Start over not truncated");
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != diagnosed
                && !window.trainModel().runningProperty().get(), 180);

        robot.clickOn("#diagnoseTab");
        robot.clickOn("#retrainWithFixes");
        assertEquals("Train", window.tabs().getSelectionModel().getSelectedItem().getText());
        waitUntil(() -> !window.trainModel().runningProperty().get()
                && window.trainModel().comparisonProperty().get().startsWith("Retrained"), 180);
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        javafx.scene.chart.NumberAxis iterations = (javafx.scene.chart.NumberAxis) loss.getXAxis();
        assertTrue((iterations.getUpperBound() - iterations.getLowerBound()) / iterations.getTickUnit() <= 5,
                "a few round iteration ticks, not labels running together");
        LineChart<?, ?> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        var faded = accuracy.getData().stream().filter(s -> s.getName().equals("diagnosed run (validation)")).findFirst();
        assertTrue(faded.isPresent(), "the faded run is the diagnosed one");
        assertEquals(2, faded.get().getData().size(), "the two-epoch diagnosed run, not the one-epoch run before");
        String comparison = robot.lookup("#retrainComparison").queryAs(Label.class).getText();
        assertTrue(comparison.contains("compared with the diagnosed run (" + diagnosed.runFolder().getFileName() + ")"),
                comparison);
        assertTrue(comparison.contains("balanced accuracy") && comparison.contains("→"), comparison);
        assertFalse(diagnose.staleProperty().get(), "the config-changed banner is gone after the retrain");
        robot.clickOn("#diagnoseTab");
        assertTrue(robot.lookup("#retrainedNote").tryQuery().isPresent(), "says the steps describe the diagnosed config");
        assertFalse(window.context().statusProperty().get().startsWith("Training"), "status back after the run");
    }
}
