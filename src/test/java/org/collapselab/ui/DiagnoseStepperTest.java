package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.model.Balance;
import org.collapselab.ui.diagnose.DiagnoseViewModel;
import org.collapselab.ui.diagnose.StepItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Diagnose stepper on a tiny imbalanced dataset (30:2:2 shapes of 16 px), headless through Monocle. */
@Tag("gui")
class DiagnoseStepperTest extends WorkbenchFxTest {
    static Path dataset;

    @BeforeAll
    static void imbalancedDataset() throws Exception {
        dataset = shared.resolve("imbalanced");
        ShapesGenerator.generate(dataset, ShapesGenerator.Options.balanced(30, 16, 11).withCounts(new int[]{30, 2, 2}));
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> window.diagnoseScreen().model().stop());
        robot.interact(window::stopTraining);
        waitUntil(() -> !window.diagnoseScreen().model().runningProperty().get()
                && !window.trainModel().runningProperty().get(), 60);
    }

    private DiagnoseViewModel model() {
        return window.diagnoseScreen().model();
    }

    private StepItem step(String id) {
        return model().steps().stream().filter(s -> s.check().id().equals(id)).findFirst().orElseThrow();
    }

    /** A step that threw is a bug, whatever else the test checks. */
    private void assertNoStepFailed() {
        for (StepItem s : model().steps()) {
            assertTrue(s.result().state() != CheckState.FAILED, s.check().id() + " FAILED: " + s.result().note());
        }
    }

    private static Set<String> styles(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return Set.copyOf(node.getStyleClass());
    }

    @Test
    void passiveAndActiveStepsShowTheirStateFindingsEvidenceAndApplyTheFix(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null && !model().steps().isEmpty(), 30);
        robot.clickOn("#diagnoseTab");
        robot.interact(() -> model().trialBudget(TrialBudget.of(0, 1, 40)));
        assertTrue(model().steps().stream().allMatch(s -> s.result().state() == CheckState.PENDING));
        assertTrue(styles(robot, "#step-class-imbalance .step-icon").contains("state-pending"));

        // The quick (passive) checks: data and config run, the monitoring checks wait for a training run.
        robot.clickOn("#runPassive");
        waitUntil(() -> !model().runningProperty().get() && step("class-imbalance").result().state() != CheckState.PENDING, 60);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("critical", step("class-imbalance").stateKey());
        assertEquals(CheckState.PASSED, step("unreadable-files").result().state());
        for (String judgesTheRun : List.of("dead-relu", "loss-dynamics", "overfitting", "still-improving")) {
            assertEquals(CheckState.WAITING, step(judgesTheRun).result().state(), judgesTheRun + " needs a training run");
            assertEquals("waiting", step(judgesTheRun).stateKey(), "its icon's style class is state-waiting");
        }
        assertEquals(CheckState.PENDING, step("monitored-run").result().state(), "no run to adopt: it would train");
        assertEquals(CheckState.PENDING, step("initial-loss").result().state(), "active checks are not quick checks");
        assertTrue(styles(robot, "#step-class-imbalance .step-icon").contains("state-critical"));
        assertTrue(styles(robot, "#step-unreadable-files .step-icon").contains("state-passed"));
        assertNoStepFailed();

        // The class-imbalance step: its finding with evidence, and the class histogram.
        robot.clickOn("#step-class-imbalance");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Class balance", robot.lookup("#stepTitle").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#finding-class-imbalance").query());
        assertEquals("15.00", robot.lookup("#measured-class-imbalance").queryAs(Label.class).getText(), "30:2");
        assertTrue(robot.lookup("#evidence-class-imbalance .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Buda et al. 2018")), "the threshold's published source is shown");
        BarChart<?, ?> histogram = robot.lookup("#chart-class-histogram").queryAs(BarChart.class);
        assertEquals(3, histogram.getData().get(0).getData().size());

        // Apply fix changes the app's config.
        assertEquals(Balance.NONE, window.context().configProperty().get().data().balance());
        robot.clickOn("#applyFix-class-imbalance");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Balance.CLASS_WEIGHTS, window.context().configProperty().get().data().balance());
        assertTrue(model().appliedFixes().contains("class-imbalance"));
        assertTrue(model().staleProperty().get(), "the results describe the config before the fix");
        assertNotNull(robot.lookup("#restartSession").query());

        // A cheap active step: the loss at initialisation, one forward pass, with its chart.
        robot.interact(() -> model().select(step("initial-loss").index()));
        robot.clickOn("#runStep");
        waitUntil(() -> !model().runningProperty().get() && Set.of(CheckState.PASSED, CheckState.FOUND)
                .contains(step("initial-loss").result().state()), 120);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Loss at initialisation", robot.lookup("#stepTitle").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#chart-initial-loss").query());
        assertTrue(styles(robot, "#step-initial-loss .step-icon").stream()
                .anyMatch(s -> s.equals("state-passed") || s.equals("state-warning")));

        // Skip marks the current step skipped and moves on.
        robot.interact(() -> model().select(step("overfit-small-batch").index()));
        robot.clickOn("#skipStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CheckState.SKIPPED, step("overfit-small-batch").result().state());
        assertTrue(styles(robot, "#step-overfit-small-batch .step-icon").contains("state-skipped"));
        assertEquals(step("zeroed-input").index(), model().currentProperty().get());
        assertFalse(model().runningProperty().get());
        assertNoStepFailed();
    }

    @Test
    void runAllRanksTheCausesByTrialsAndRetrainComparesBeforeAndAfter(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null && !model().steps().isEmpty(), 30);
        robot.clickOn("#diagnoseTab");
        robot.interact(() -> model().trialBudget(TrialBudget.of(0, 1, 40)));
        robot.clickOn("#runAll");
        waitUntil(() -> !model().runningProperty().get(), 240);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().steps().stream().noneMatch(s -> s.result().state() == CheckState.PENDING
                || s.result().state() == CheckState.RUNNING), "every step ran or was skipped");
        assertNoStepFailed();
        assertNotNull(model().diagnosedRunProperty().get(), "the monitored run wrote a run folder");
        assertFalse(model().ranked().isEmpty(), "causes ranked");
        assertEquals(1, model().ranked().get(0).rank());
        assertTrue(model().ranked().stream().anyMatch(f -> f.fix() != null && f.fix().trial() != null),
                "at least one fix was tried");
        assertNotNull(robot.lookup("#rankedCauses").query(), "the summary shows the ranking");
        assertTrue(robot.lookup("#rankingRule").queryAs(Label.class).getText().startsWith("A fix that raised balanced "
                + "accuracy by at least 0.05"), "the header states the rule that was applied");
        var entries = model().ranked().stream().filter(org.collapselab.core.diagnostics.Finding::topLevel).toList();
        assertEquals(entries.size(), entries.stream().map(f -> f.fix() == null || f.fix().set().isEmpty()
                ? f.id() : f.fix().set()).distinct().count(), "no two entries offer the same fix");
        for (var f : entries) {
            assertNotNull(robot.lookup("#why-" + f.id()).query(), "each entry says why it holds its place: " + f.id());
        }

        robot.clickOn("#exportReport");
        WaitForAsyncUtils.waitForFxEvents();
        java.nio.file.Path folder = model().diagnosedRunProperty().get().runFolder();
        assertTrue(Files.isRegularFile(folder.resolve("diagnosis.html")), "a diagnosis report of its own");
        assertFalse(Files.exists(folder.resolve("report.html")), "the run's own report is left alone");
        assertTrue(Files.isRegularFile(folder.resolve("diagnose.json")));

        robot.interact(() -> model().applyFix(model().ranked().stream().filter(f -> f.id().equals("class-imbalance"))
                .findFirst().orElseThrow()));
        robot.clickOn("#retrainWithFixes");
        waitUntil(() -> model().comparisonProperty().get().startsWith("Balanced accuracy"), 120);
        robot.clickOn("#diagnoseTab");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#beforeAfter").queryAs(Label.class).getText();
        assertTrue(text.contains("Collapsed") && text.contains("→"), text);
    }

    @Test
    void theQuickChecksJudgeTheLatestTrainTabRunAndNameIt(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null && !model().steps().isEmpty(), 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(1)));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null
                && !window.trainModel().runningProperty().get(), 180);
        var first = window.trainModel().lastOutcomeProperty().get();
        waitUntil(() -> model().diagnosedRunProperty().get() == first, 30);
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != first
                && !window.trainModel().runningProperty().get(), 180);
        var latest = window.trainModel().lastOutcomeProperty().get();
        waitUntil(() -> model().diagnosedRunProperty().get() == latest, 30);

        robot.clickOn("#diagnoseTab");
        robot.clickOn("#runPassive");
        waitUntil(() -> !model().runningProperty().get() && step("collapsed-predictions").result().state()
                != CheckState.PENDING, 60);
        WaitForAsyncUtils.waitForFxEvents();
        String latestName = latest.runFolder().getFileName().toString();
        assertEquals(CheckState.PASSED, step("monitored-run").result().state(), "the finished run is adopted, not trained");
        for (String judgesTheRun : List.of("monitored-run", "collapsed-predictions", "loss-dynamics", "dead-relu")) {
            assertEquals(latestName, step(judgesTheRun).result().run(), judgesTheRun + " examined the latest run");
        }
        assertEquals(CheckState.NOT_APPLICABLE, step("overfitting").result().state(), "one epoch shows no trend");
        assertNoStepFailed();
        robot.interact(() -> model().select(step("collapsed-predictions").index()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Examined run: " + latestName, robot.lookup("#stepRun").queryAs(Label.class).getText());
    }

    @Test
    void stopEndsRunAllAndMarksTheRemainingStepsStopped(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null && !model().steps().isEmpty(), 30);
        robot.clickOn("#diagnoseTab");
        robot.clickOn("#runAll");
        waitUntil(() -> step("initial-loss").result().state() != CheckState.PENDING, 60);
        robot.clickOn("#stopDiagnose");
        waitUntil(() -> !model().runningProperty().get(), 120);
        WaitForAsyncUtils.waitForFxEvents();
        StepItem last = model().steps().get(model().steps().size() - 1);
        assertEquals(CheckState.SKIPPED, last.result().state());
        assertEquals("stopped", last.result().note());
        assertEquals("Stopped.", robot.lookup("#diagnoseProgressText").queryAs(Label.class).getText());
        assertTrue(model().ranked().isEmpty(), "no ranking after a stop");
        assertNoStepFailed();
    }
}
