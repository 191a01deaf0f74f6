package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.control.Label;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.ui.diagnose.DiagnoseViewModel;
import org.collapselab.ui.diagnose.StepItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Diagnose stepper on a loaded CSV file (headless through Monocle): the quick checks run on the rows, the CSV-only
 * check finds the constant column, the training checks wait for a run, and an active step runs on the rows.
 */
@Tag("gui")
class CsvDiagnoseStepperTest extends WorkbenchFxTest {
    static Path csv;

    /** 40 rows, 32:8, a learnable rule on x and y, and a "region" column that is the same in every row. */
    @BeforeAll
    static void tinyCsvWithAConstantColumn() throws Exception {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("x,y,region,label\n");
        for (int r = 0; r < 40; r++) {
            boolean rare = r % 5 == 0;
            double x = random.nextGaussian() + (rare ? 2 : 0);
            double y = random.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,7,%s%n", x, y, rare ? "fraud" : "ok"));
        }
        csv = Files.writeString(shared.resolve("tiny-constant.csv"), text);
    }

    @Override
    protected Path data() {
        return MainWindow.droppedData(csv);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> model().stop());
        robot.interact(window::stopTraining);
        waitUntil(() -> !model().runningProperty().get() && !window.trainModel().runningProperty().get(), 60);
    }

    private DiagnoseViewModel model() {
        return window.diagnoseScreen().model();
    }

    private StepItem step(String id) {
        return model().steps().stream().filter(s -> s.check().id().equals(id)).findFirst().orElseThrow();
    }

    private void assertNoStepFailed() {
        for (StepItem s : model().steps()) {
            assertNotEquals(CheckState.FAILED, s.result().state(), s.check().id() + " FAILED: " + s.result().note());
        }
    }

    @Test
    void quickChecksAndAnActiveStepRunOnTheCsvRows(FxRobot robot) {
        waitUntil(() -> window.context().tableProperty().get() != null && !model().steps().isEmpty(), 60);
        assertEquals(DataKind.TABULAR, window.context().configProperty().get().data().kind());
        robot.clickOn("#diagnoseTab");
        robot.interact(() -> model().trialBudget(TrialBudget.of(0, 1, 40)));
        assertTrue(model().steps().stream().allMatch(s -> s.result().state() == CheckState.PENDING));

        robot.clickOn("#runPassive");
        waitUntil(() -> !model().runningProperty().get()
                && step("constant-feature").result().state() != CheckState.PENDING, 120);
        WaitForAsyncUtils.waitForFxEvents();
        StepItem constant = step("constant-feature");
        assertEquals(CheckState.FOUND, constant.result().state(), constant.result().note());
        List<Finding> found = constant.result().findings();
        assertTrue(found.stream().anyMatch(f -> f.id().equals("constant-feature")
                && (f.title() + " " + f.explanation()).contains("region")), "the finding names the column: " + found);
        StepItem imbalance = step("class-imbalance");
        assertEquals(CheckState.FOUND, imbalance.result().state(), "32:8 on the CSV rows");
        assertTrue(imbalance.result().findings().get(0).explanation().contains("80% of the rows"),
                "a CSV file has rows, not images: " + imbalance.result().findings().get(0).explanation());
        assertEquals(CheckState.WAITING, step("loss-dynamics").result().state(), "it needs a training run first");
        assertNoStepFailed();

        robot.clickOn("#step-constant-feature");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Constant columns", robot.lookup("#stepTitle").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#finding-constant-feature").query());

        // One active step on the rows: the loss before any training.
        robot.interact(() -> model().select(model().steps().indexOf(step("initial-loss"))));
        robot.interact(() -> model().runStep());
        waitUntil(() -> !model().runningProperty().get()
                && step("initial-loss").result().state() != CheckState.PENDING, 120);
        WaitForAsyncUtils.waitForFxEvents();
        CheckState initial = step("initial-loss").result().state();
        assertTrue(initial == CheckState.PASSED || initial == CheckState.FOUND,
                "initial-loss ran on the rows: " + initial + " " + step("initial-loss").result().note());
        assertNoStepFailed();
    }

    @Test
    void aTrainTabRunOnTheRowsIsWhatTheTrainingChecksJudge(FxRobot robot) {
        waitUntil(() -> window.context().tableProperty().get() != null && !model().steps().isEmpty(), 60);
        var config = window.context().configProperty().get();
        robot.interact(() -> window.modelScreen().apply(config.withTraining(config.training().withEpochs(4))));
        robot.interact(() -> model().trialBudget(TrialBudget.of(0, 1, 40)));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        waitUntil(() -> model().diagnosedRunProperty().get() != null, 30);
        assertEquals(window.trainModel().lastOutcomeProperty().get(), model().diagnosedRunProperty().get(),
                "the stepper adopts the Train tab's run of its config and rows");

        robot.interact(() -> model().runPassive());
        waitUntil(() -> !model().runningProperty().get()
                && step("loss-dynamics").result().state() != CheckState.PENDING, 120);
        WaitForAsyncUtils.waitForFxEvents();
        CheckState judged = step("loss-dynamics").result().state();
        assertTrue(judged != CheckState.WAITING && judged != CheckState.PENDING,
                "the training run is there to judge: " + judged + " " + step("loss-dynamics").result().note());
        assertNoStepFailed();
    }

    @Test
    void runAllRanksTheCausesOnTheRowsAndApplyFixRetrainsOnThem(FxRobot robot) {
        waitUntil(() -> window.context().tableProperty().get() != null && !model().steps().isEmpty(), 60);
        var config = window.context().configProperty().get();
        robot.interact(() -> window.modelScreen().apply(config.withTraining(config.training().withEpochs(3))));
        robot.clickOn("#diagnoseTab");
        robot.interact(() -> model().trialBudget(TrialBudget.of(0, 1, 40)));
        robot.clickOn("#runAll");
        waitUntil(() -> !model().runningProperty().get(), 300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().steps().stream().noneMatch(s -> s.result().state() == CheckState.PENDING
                || s.result().state() == CheckState.RUNNING), "every step ran or was skipped");
        assertNoStepFailed();
        assertNotNull(model().diagnosedRunProperty().get(), "the monitored run on the rows wrote a run folder");
        assertTrue(!model().ranked().isEmpty() && model().ranked().get(0).rank() == 1, "causes ranked");
        assertNotNull(robot.lookup("#rankedCauses").query(), "the summary shows the ranking");

        Finding imbalance = model().ranked().stream().filter(f -> f.id().equals("class-imbalance")).findFirst()
                .orElseThrow();
        robot.interact(() -> model().applyFix(imbalance));
        assertEquals("class-weights", window.context().configProperty().get().data().balance().json());
        robot.clickOn("#retrainWithFixes");
        waitUntil(() -> model().comparisonProperty().get().startsWith("Balanced accuracy"), 180);
    }
}
