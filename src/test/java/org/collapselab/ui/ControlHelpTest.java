package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.collapselab.core.model.ConfigField;
import org.collapselab.core.model.ConfigSchema;
import org.collapselab.testsupport.TestImages;
import org.collapselab.ui.help.Help;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control a user can act on, on every screen and in the windows they open, has a help tooltip and a name for
 * screen readers; a control of a config field carries the schema's help text, so the two cannot drift apart.
 */
@Tag("gui")
class ControlHelpTest extends WorkbenchFxTest {
    static Path dataset;
    static Path csv;

    @BeforeAll
    static void tinyData() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 6, 16, 3);
        StringBuilder rows = new StringBuilder("age,income,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(20 + i).append(',').append(1000 + 37 * i).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        csv = Files.writeString(shared.resolve("tiny.csv"), rows.toString());
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @AfterEach
    void closeOtherWindows(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w != window.root().getScene().getWindow()).forEach(Window::hide));
    }

    @Test
    void everyControlOnEveryScreenHasHelpAndAName(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        List<String> problems = new ArrayList<>();
        for (int tab = 0; tab < window.tabs().getTabs().size(); tab++) {
            int index = tab;
            robot.interact(() -> window.tabs().getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(window.root(), "tab " + window.tabs().getTabs().get(index).getText(), problems));
        }
        robot.interact(() -> window.loadDataset(csv));
        waitUntil(() -> window.context().tableProperty().get() != null, 60);
        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> check(window.root(), "Data (CSV)", problems));
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> check(window.root(), "Model (CSV)", problems));
        assertTrue(problems.isEmpty(), problems.size() + " controls lack help or a name:\n" + String.join("\n", problems));
        // The naming pass runs after layout pulses (at most twice a second): it must stay far below a frame's budget.
        long[] nanos = new long[21];
        robot.interact(() -> {
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                Help.nameAll(window.root());
                nanos[i] = System.nanoTime() - start;
            }
        });
        java.util.Arrays.sort(nanos);
        System.out.printf("naming pass over the main window: median %.2f ms, max %.2f ms%n", nanos[10] / 1e6, nanos[20] / 1e6);
        assertTrue(nanos[10] < 50_000_000L, "the naming pass takes " + nanos[10] / 1e6 + " ms");
    }

    @Test
    void theWindowsTheScreensOpenHaveHelpAndNamesToo(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        List<String> problems = new ArrayList<>();
        robot.interact(() -> new org.collapselab.ui.sweep.SweepDialog(window.context(), window.modelScreen()::apply)
                .show(window.root().getScene().getWindow()));
        robot.interact(() -> org.collapselab.ui.tryit.TryModelView.open(window.root().getScene().getWindow(), shared));
        waitUntil(() -> Window.getWindows().size() > 2, 30);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != window.root().getScene().getWindow())
                .forEach(w -> check(w.getScene().getRoot(), "window " + ((Stage) w).getTitle(), problems)));
        assertTrue(problems.isEmpty(), problems.size() + " controls lack help or a name:\n" + String.join("\n", problems));
    }

    @Test
    void theWalkFindsAControlWithoutHelp(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> check(new javafx.scene.layout.HBox(new javafx.scene.control.Button("Bare")), "probe", problems));
        assertEquals(1, problems.size(), "a button without a tooltip or a name is reported: " + problems);
    }

    /** Walks {@code root} and lists each interactive control without a tooltip, without a name, or off the schema. */
    static void check(Parent root, String where, List<String> problems) {
        Help.nameAll(root);
        walk(root, where, problems);
    }

    private static void walk(Node node, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableView<?>) {
            return; // rows are data, not controls: the cells carry no buttons of their own
        }
        if (node instanceof Control control && Help.isInteractive(node) && !insideCompound(node)) {
            String what = where + ": " + describe(control);
            String tip = control.getTooltip() == null ? null : control.getTooltip().getText();
            if (tip == null || tip.isBlank()) {
                problems.add(what + " has no tooltip");
            }
            if (control.getAccessibleText() == null || control.getAccessibleText().isBlank()) {
                problems.add(what + " has no accessible name");
            }
            ConfigField field = configField(node);
            if (field != null && !field.help().isEmpty() && tip != null && !tip.lines().findFirst().orElse("").equals(field.help())) {
                problems.add(what + " shows \"" + tip + "\", not the schema's help for " + field.path() + ": \"" + field.help() + "\"");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, problems);
            }
        }
    }

    /** The editor of a spinner or combo box is part of it, not a control of its own. */
    private static boolean insideCompound(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Spinner<?> || up instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    /** The schema field of a config control: the Model screen marks each control (or its row box) with its path. */
    private static ConfigField configField(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up.getUserData() instanceof String path && path.contains(".")) {
                return ConfigSchema.find(path).orElse(null);
            }
        }
        return null;
    }

    private static String describe(Control control) {
        String text = control instanceof javafx.scene.control.Labeled l ? "\"" + l.getText() + "\""
                : control instanceof TextInputControl t ? "prompt \"" + t.getPromptText() + "\"" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : " #" + control.getId()) + " " + text;
    }
}
