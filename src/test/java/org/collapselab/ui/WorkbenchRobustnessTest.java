package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicking fast, closing mid-run and oversized networks: the workbench keeps working and loses nothing. */
@Tag("gui")
class WorkbenchRobustnessTest extends WorkbenchFxTest {
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 10, 16, 11);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void rapidTrainAndStopClicksRaiseNoException(FxRobot robot) throws Throwable {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(200)));
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            for (int i = 0; i < 15; i++) {
                robot.clickOn("#toolbarTrain");
                robot.clickOn("#stopButton");
                robot.type(javafx.scene.input.KeyCode.ESCAPE);
            }
            waitUntil(() -> !window.trainModel().runningProperty().get(), 60);
            WaitForAsyncUtils.checkException();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
    }

    @Test
    void closingTheWindowDuringTrainingMarksTheRunStopped(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(300)));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().epochs().size() >= 1, 120);
        // What CollapseLabApp.stop() does when the window closes.
        robot.interact(window::stopTraining);
        window.context().shutdown();
        Path run;
        try (Stream<Path> folders = Files.list(runs)) {
            run = folders.findFirst().orElseThrow();
        }
        RunReport report = RunReport.read(run);
        assertEquals(RunStatus.STOPPED, report.status());
        assertEquals("stopped", report.displayStatus(run));
        assertTrue(Files.exists(run.resolve("model.zip")));
    }

    @Test
    void aNetworkThatDoesNotFitInMemoryIsRefusedWithTheNumbers(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        var huge = ConfigCodec.withOverrides(uncheckedConfig(1), List.of(
                "model.layers=[{\"type\":\"dense\",\"units\":65536,\"activation\":\"relu\"},"
                        + "{\"type\":\"dense\",\"units\":65536,\"activation\":\"relu\"}]"));
        robot.interact(() -> window.modelScreen().apply(huge));
        String[] refusal = new String[1];
        robot.interact(() -> refusal[0] = window.trainModel().start());
        assertNotNull(refusal[0], "training must be refused");
        assertTrue(refusal[0].contains("needs about") && refusal[0].contains("GB") && refusal[0].contains("available"),
                refusal[0]);
        assertTrue(!window.trainModel().runningProperty().get());
    }
}
