package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.ui.common.TextSize;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 150 % and 200 % text size (View menu) at 1360×860: the text grows, the choice is kept, and on every
 * screen no label, button or tab title is cut to "…" (JavaFX shows a cut label's text with an ellipsis in its Text
 * node; the full text stays in the control), no toolbar hides a control in its » overflow menu, no button is pushed
 * out of the window, and no table is cut by the pane around it.
 */
class TextSizeTest extends WorkbenchFxTest {
    private static final String[] TABS = {"Data", "Model", "Train", "Diagnose", "Runs"};

    @Override
    protected void opened(Stage stage) {
        stage.setWidth(1360);
        stage.setHeight(860);
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
    void atLargerTextSizesNoScreenCutsALabelOrHidesAControl(FxRobot robot) {
        // A one-epoch run first, so the Train screen shows its charts and titles and the Runs table a row; then the
        // quick checks, so the Diagnose screen shows a finding card (the tiny set's validation is too small).
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        var stepper = window.diagnoseScreen().model();
        waitUntil(() -> !stepper.steps().isEmpty(), 30);
        robot.interact(stepper::runPassive);
        waitUntil(() -> !stepper.runningProperty().get(), 120);
        int found = stepper.steps().stream().filter(s -> s.result().state() == CheckState.FOUND)
                .mapToInt(s -> s.index()).findFirst().orElse(-1);
        assertTrue(found >= 0, "the quick checks found something to show");
        robot.interact(() -> stepper.select(found));
        List<String> problems = new ArrayList<>();
        for (int percent : new int[]{150, 200}) {
            robot.interact(() -> window.setTextSize(percent));
            for (int tab = 0; tab < TABS.length; tab++) {
                for (String problem : problemsOnTab(robot, tab)) {
                    problems.add(percent + " % " + TABS[tab] + ": " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private List<String> problemsOnTab(FxRobot robot, int tab) {
        robot.interact(() -> window.tabs().getSelectionModel().select(tab));
        // Toolbars move what does not fit into their overflow menu over a few layout passes.
        for (int pulse = 0; pulse < 5; pulse++) {
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            problems.addAll(truncated(window.root()));
            problems.addAll(hidden(window.root()));
        });
        return problems;
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

    /**
     * Controls the user cannot see without knowing where to look: a toolbar's overflow menu in use, a button whose
     * right edge lies outside the window (not inside something that scrolls), a table wider than the pane that
     * shows it, or whose columns run past its edge without a scroll bar.
     */
    static List<String> hidden(Parent root) {
        List<String> hidden = new ArrayList<>();
        double sceneWidth = root.getScene().getWidth();
        for (Node overflow : root.lookupAll(".tool-bar-overflow-button")) {
            if (overflow.isVisible() && visible(overflow)) {
                hidden.add("a toolbar puts controls in its » overflow menu ("
                        + overflow.getParent().getId() + ")");
            }
        }
        for (Node node : root.lookupAll(".button")) {
            if (visible(node) && !insideScrolling(node)) {
                Bounds b = node.localToScene(node.getLayoutBounds());
                if (b.getMaxX() > sceneWidth + 1) {
                    hidden.add(name(node) + " ends at x=" + Math.round(b.getMaxX()) + ", outside the " + sceneWidth
                            + " px window");
                }
            }
        }
        for (Node node : root.lookupAll(".table-view")) {
            if (!(node instanceof TableView<?> table) || !visible(table)) {
                continue;
            }
            Bounds tableBounds = table.localToScene(table.getLayoutBounds());
            for (Parent p = table.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll && scroll.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER) {
                    Node viewport = scroll.lookup(".viewport");
                    Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
                    if (tableBounds.getMaxX() > shown.getMaxX() + 1) {
                        hidden.add(name(table) + " is " + Math.round(tableBounds.getMaxX() - shown.getMaxX())
                                + " px wider than the pane that shows it");
                    }
                    break;
                }
            }
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            boolean sideways = table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar sb
                    && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && sb.isVisible());
            if (columns > table.getWidth() + 1 && !sideways) {
                hidden.add(name(table) + ": its columns are " + Math.round(columns) + " px wide in "
                        + Math.round(table.getWidth()) + " px, with no scroll bar " + table.getVisibleLeafColumns()
                        .stream().map(c -> c.getText() + " " + Math.round(c.getWidth()) + " (min "
                                + Math.round(c.getMinWidth()) + ")").toList());
            }
        }
        return hidden;
    }

    /** Shown on screen: this node and every parent visible. */
    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideScrolling(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane || p instanceof javafx.scene.control.ListView
                    || p instanceof javafx.scene.control.TableView || p instanceof javafx.scene.control.ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() ? " '" + l.getText()
                + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() != null ? " #" + node.getId() : "") + text;
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
