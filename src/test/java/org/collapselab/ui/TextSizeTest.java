package org.collapselab.ui;

import static org.collapselab.ui.WorkbenchTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.collapselab.testsupport.TestImages;
import org.collapselab.ui.common.TextSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 150 % and 200 % text size (View menu) at its default 1360×860: the text grows, the choice is kept,
 * and no label, button or tab title on the Data and Train screens is cut to "…" (JavaFX shows a cut label's text
 * with an ellipsis in its Text node; the full text stays in the control).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TextSizeTest {
    @TempDir
    static Path shared;
    static Path dataset;
    private MainWindow window;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 10, 16, 7);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = WorkbenchTest.open(stage, Files.createTempDirectory("runs"), dataset);
        stage.setWidth(1360);
        stage.setHeight(860);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::stopTraining);
        waitUntil(() -> !window.trainModel().runningProperty().get(), 30);
    }

    @Test
    void theViewMenuScalesTheTextAndRemembersTheChoice(FxRobot robot) {
        Button train = robot.lookup("#startButton").queryAs(Button.class);
        double before = train.getFont().getSize();
        MenuItem twice = menuItem(robot, "#viewMenu", "textSize-200");
        robot.interact(twice::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * before, train.getFont().getSize(), 0.01);
        assertEquals(200, window.context().preferences().getInt(TextSize.PREFERENCE, 0));
        assertEquals(200, TextSize.initial(window.context().preferences()), "the next start uses it");
        robot.interact(() -> window.setTextSize(100));
        assertEquals(before, train.getFont().getSize(), 0.01);
    }

    @Test
    void atTwiceTheTextSizeTheDataAndTrainScreensCutNoLabel(FxRobot robot) {
        // A one-epoch run first, so the Train screen shows its charts and their titles.
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        for (int percent : new int[]{150, 200}) {
            robot.interact(() -> window.setTextSize(percent));
            waitUntil(() -> window.context().datasetProperty().get() != null, 60);
            List<String> data = cutOnTab(robot, 0);
            List<String> train = cutOnTab(robot, 2);
            assertTrue(data.isEmpty() && train.isEmpty(), percent + " %: cut on Data " + data + ", on Train " + train);
        }
    }

    private List<String> cutOnTab(FxRobot robot, int tab) {
        robot.interact(() -> window.tabs().getSelectionModel().select(tab));
        // Toolbars move what does not fit into their overflow menu over a few layout passes.
        for (int pulse = 0; pulse < 5; pulse++) {
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<List<String>> cut = new ArrayList<>();
        robot.interact(() -> cut.add(truncated(window.root())));
        return cut.get(0);
    }

    private static MenuItem menuItem(FxRobot robot, String menu, String id) {
        return robot.lookup(menu).queryAs(MenuButton.class).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Visible labelled controls whose shown text is shorter than their text. */
    static List<String> truncated(Parent root) {
        root.applyCss();
        root.layout();
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        // The status bar's backend line gives way to the next-step hint by design (full text in its tooltip); table
        // cells are data, not labels: their columns can be widened and the table scrolls sideways.
        if (!node.isVisible() || "statusBar".equals(node.getId()) || node instanceof javafx.scene.control.IndexedCell) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String full = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            // The control's own Text node (style class "text"); icons are Text nodes too.
            String shown = labeled.getChildrenUnmodifiable().stream()
                    .filter(t -> t instanceof Text && t.getStyleClass().contains("text"))
                    .map(t -> ((Text) t).getText()).findFirst().orElse(full);
            if (!shown.replace("\n", " ").strip().equals(full.replace("\n", " ").strip())) {
                cut.add((labeled.getId() != null ? "#" + labeled.getId() + " " : "") + "'" + full + "' shown as '"
                        + shown + "'");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
