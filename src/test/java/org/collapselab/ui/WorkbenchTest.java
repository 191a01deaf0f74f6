package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.event.ActionEvent;
import javafx.scene.control.TextField;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench end to end, headless through Monocle, with real loading and real (tiny) training. */
@Tag("gui")
class WorkbenchTest extends WorkbenchFxTest {
    @Test
    void openingTheFolderFillsTheClassTable(FxRobot robot) {
        TableView<?> table = robot.lookup("#classTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 3, 30);
        assertEquals(3, table.getItems().size());
        Label summary = robot.lookup("#dataSummary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("30 images in 3 classes: all 16×16 pixels"), summary.getText());
        assertTrue(summary.getText().contains("24 go to training and 6 to validation"), summary.getText());
    }

    @Test
    void networkViewShowsANormalizedTrainingBatch(FxRobot robot) {
        javafx.scene.layout.TilePane tiles = robot.lookup("#networkView").queryAs(javafx.scene.layout.TilePane.class);
        waitUntil(() -> tiles.getChildren().stream().filter(n -> n.getStyleClass().contains("network-input")).count() == 16, 60);
        Label caption = (Label) ((VBox) tiles.getChildren().get(0)).getChildren().get(1);
        assertTrue(caption.getText().matches("(?s)\\w+\\s+\\[0\\.\\d\\d, [01]\\.\\d\\d]"),
                "scaled inputs lie in [0, 1]: " + caption.getText());
    }

    @Test
    void learningRateSliderSetsTheConfigOnALogScale(FxRobot robot) {
        robot.clickOn("#modelTab");
        Slider slider = robot.lookup("#learningRate").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(-2));
        assertEquals(0.01, window.context().configProperty().get().training().learningRate(), 1e-12);
        assertEquals("0.01", robot.lookup("#learningRateValue").queryAs(TextField.class).getText());
    }

    @Test
    void invalidConfigShowsTheFieldAndTheReason(FxRobot robot) {
        robot.clickOn("#modelTab");
        TextField l2 = robot.lookup("#l2").queryAs(TextField.class);
        robot.interact(() -> {
            l2.setText("lots");
            l2.fireEvent(new ActionEvent());
        });
        VBox errors = robot.lookup("#configErrors").queryAs(VBox.class);
        String text = errors.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .reduce("", String::concat);
        assertTrue(text.contains("training.l2: must be a number, got text \"lots\""), text);
        assertEquals(0.0, window.context().configProperty().get().training().l2(), "the last valid config is kept");
        robot.interact(() -> {
            l2.setText("0.0001");
            l2.fireEvent(new ActionEvent());
        });
        assertTrue(errors.getChildren().isEmpty(), "errors clear once the value is valid");
        assertEquals(0.0001, window.context().configProperty().get().training().l2());
    }

    @Test
    void trainingOneEpochFillsTheChartsAndTheConfusionMatrix(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 120);
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertFalse(loss.getData().get(0).getData().isEmpty(), "loss points plotted");
        LineChart<?, ?> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(1, accuracy.getData().get(1).getData().size(), "one validation accuracy point");
        List<Node> cells = List.copyOf(robot.lookup(".confusion-cell").queryAll());
        assertEquals(9, cells.size());
        int total = cells.stream().mapToInt(n -> Integer.parseInt(((Label) n).getText())).sum();
        assertEquals(6, total, "every validation image is counted once");
        Path folder = window.trainModel().lastOutcomeProperty().get().runFolder();
        assertEquals(RunStatus.COMPLETED, RunReport.read(folder).status());

        // Reopen the run from the Runs tab: its curves come back, the live ones stay as a faded overlay.
        robot.clickOn("#runsTab");
        TableView<?> runsTable = robot.lookup("#runsTable").queryAs(TableView.class);
        waitUntil(() -> runsTable.getItems().size() == 1, 10);
        robot.interact(() -> runsTable.getSelectionModel().select(0));
        robot.clickOn("#openRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, accuracy.getData().get(1).getData().size(), "the saved run's validation accuracy");
        assertFalse(loss.getData().get(0).getData().isEmpty(), "the saved run's loss curve");
        assertTrue(loss.getData().stream().anyMatch(s -> s.getName().equals("previous run")
                && s.getNode().getStyleClass().contains("previous-series")), "the earlier curve is kept, faded");
    }

    @Test
    void stopEndsARunMidwayAndMarksItStopped(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(500)));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().epochs().size() >= 1, 120);
        robot.clickOn("#stopButton");
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 30);
        var outcome = window.trainModel().lastOutcomeProperty().get();
        assertEquals(RunStatus.STOPPED, outcome.result().status());
        assertEquals(RunStatus.STOPPED, RunReport.read(outcome.runFolder()).status());
        assertTrue(outcome.result().epochs().size() < 500);
    }

    @Test
    void fxThreadStaysResponsiveWhileTraining(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        AtomicLong last = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        AnimationTimer pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                if (previous != 0) {
                    worst.accumulateAndGet(now - previous, Math::max);
                }
            }
        };
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(4)));
        robot.interact(pulse::start);
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        robot.interact(pulse::stop);
        double stallMs = worst.get() / 1e6;
        System.out.printf("longest FX-thread stall during training: %.0f ms%n", stallMs);
        assertTrue(stallMs < 2000, "FX thread stalled for " + stallMs + " ms");
    }
}
