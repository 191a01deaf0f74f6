package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run tour: four callouts under the Data, Model, Train and Diagnose tabs; closed once, it stays closed. */
@Tag("gui")
class FirstRunTourTest extends WorkbenchFxTest {
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 2, 6, 16, 7);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void theTourWalksDataModelTrainDiagnoseByKeysAndThenNeverOpensByItself(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        Preferences prefs = window.context().preferences();
        assertFalse(window.tour().showingProperty().get(), "not opened by building the window (tests, tools)");
        assertTrue(FirstRunTour.showAtStart(prefs, true, ""), "a user's first start");
        assertFalse(FirstRunTour.showAtStart(prefs, false, ""), "a test's or a screenshot tool's preferences");

        robot.interact(window::showTour);
        String[] tabs = {"dataTab", "modelTab", "trainTab", "diagnoseTab"};
        for (int i = 0; i < tabs.length; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(tabs[i], window.tabs().getSelectionModel().getSelectedItem().getId());
            Label title = robot.lookup("#tourTitle").queryAs(Label.class);
            assertTrue(title.getText().startsWith((i + 1) + " of 4"), title.getText());
            assertCardUnderItsTab(robot, tabs[i]);
            // Next (Done on the last) has the focus: Enter moves on.
            robot.type(KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.tour().showingProperty().get(), "Done closes it");
        assertFalse(robot.lookup("#tourLayer").query().isVisible(), "the callout is gone");
        assertTrue(prefs.getBoolean(FirstRunTour.SEEN, false));
        assertFalse(FirstRunTour.showAtStart(prefs, true, ""), "never comes back by itself");
        assertTrue(FirstRunTour.showAtStart(prefs, true, "always"));

        // Help → Show the tour reopens it; Esc closes it.
        robot.interact(() -> robot.lookup("#helpMenu").queryAs(MenuButton.class).getItems().stream()
                .filter(item -> "showTour".equals(item.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.tour().showingProperty().get());
        assertEquals("dataTab", window.tabs().getSelectionModel().getSelectedItem().getId());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.tour().showingProperty().get(), "Esc closes the tour");
    }

    private void assertCardUnderItsTab(FxRobot robot, String tabId) {
        Node card = robot.lookup("#tourCard").query();
        // The header that shows this tab's title (the Data screen has tab headers of its own).
        String text = window.tabs().getSelectionModel().getSelectedItem().getText();
        Node header = window.tabs().lookupAll(".tab").stream().filter(n -> n.lookupAll(".tab-label").stream()
                .anyMatch(l -> l instanceof Label label && text.equals(label.getText()))).findFirst().orElseThrow();
        Bounds c = card.localToScene(card.getLayoutBounds()); // without the shadow
        Bounds h = header.localToScene(header.getBoundsInLocal());
        assertTrue(card.isVisible() && c.getMinY() >= h.getMaxY(), tabId + ": card " + c + " below its tab header " + h);
        assertTrue(c.getMinX() <= h.getMaxX() && c.getMaxX() >= h.getMinX(), tabId + ": card beside its tab header");
        assertTrue(c.getMaxX() <= window.root().getScene().getWidth(), tabId + ": card inside the window");
    }
}
