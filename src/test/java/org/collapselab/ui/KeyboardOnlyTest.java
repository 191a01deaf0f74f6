package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.collapselab.testsupport.TestImages;
import org.collapselab.ui.diagnose.StepItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window driven by the keyboard alone, as a user without a mouse would: no clicks and no calls into the screens
 * after the data is loaded, only key presses. Tab must walk the controls in an order that reaches the Epochs field,
 * the Train button and the Diagnose steps; Ctrl+digit and Ctrl+Tab switch tabs; Enter presses buttons and runs steps.
 */
@Tag("gui")
class KeyboardOnlyTest extends WorkbenchFxTest {
    /** More presses than any screen has controls before the one sought: a broken traversal never gets there. */
    private static final int MAX_TABS = 120;
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 10, 16, 7);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void keysAloneReachTheModelFieldsTrainAndADiagnoseStep(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals("modelTab", selectedTab());
        Node epochs = tabTo(robot, n -> "epochs".equals(n.getId()));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.context().configProperty().get().training().epochs(), "typed into " + epochs);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals("trainTab", selectedTab());
        tabTo(robot, n -> "startButton".equals(n.getId()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        assertEquals(2, window.trainModel().lastOutcomeProperty().get().result().epochs().size(),
                "the run used the epochs typed on the Model tab");

        // Ctrl+Tab from the Train tab is the Diagnose tab.
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertEquals("diagnoseTab", selectedTab());
        waitUntil(() -> !window.diagnoseScreen().model().steps().isEmpty(), 60);
        tabTo(robot, n -> "diagnoseSteps".equals(n.getId()));
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        StepItem first = window.diagnoseScreen().model().steps().get(0);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> first.result() != null && !window.diagnoseScreen().model().runningProperty().get(), 120);
        assertNotNull(first.result(), "Enter on a step ran it");
    }

    @Test
    void ctrlDigitsAndCtrlTabSwitchTabsFromAnyControl(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        // From inside a text field, which would otherwise keep Ctrl+Tab for itself.
        tabTo(robot, n -> "epochs".equals(n.getId()));
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertEquals("trainTab", selectedTab());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("modelTab", selectedTab());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertEquals("runsTab", selectedTab());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals("dataTab", selectedTab());
    }

    @Test
    void layersAreEditedByKeys(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        tabTo(robot, n -> "layerList".equals(n.getId()));
        int before = window.context().configProperty().get().model().layers().size();
        String firstType = window.context().configProperty().get().model().layers().get(0).type().json();
        robot.type(KeyCode.HOME);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(firstType, window.context().configProperty().get().model().layers().get(1).type().json(),
                "Alt+Down moved the first layer down");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before - 1, window.context().configProperty().get().model().layers().size(), "Delete removed it");
    }

    /** Presses Tab until the focus owner matches; fails if it never does. */
    private Node tabTo(FxRobot robot, Predicate<Node> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = window.root().getScene().getFocusOwner();
            if (focused != null && wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the control; focus ended on "
                + window.root().getScene().getFocusOwner());
    }

    private String selectedTab() {
        WaitForAsyncUtils.waitForFxEvents();
        return window.tabs().getSelectionModel().getSelectedItem().getId();
    }
}
