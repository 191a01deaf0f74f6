package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.WindowEvent;
import org.collapselab.core.model.LayerType;
import org.collapselab.ui.model.ModelScreen;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every menu item of the window (the toolbar's menus, Add layer, the Runs table's row menu, with their sub-menus)
 * reads as a plain phrase a user would say, not as program state such as "Scenario: imbalance" or "CSV:
 * tabular-imbalanced.csv"; the mnemonics and accelerators stay.
 */
class MenuWordingTest extends WorkbenchFxTest {
    /** Words a menu item may begin with before a colon: "Open sample: …", "Undo: …". */
    private static final Set<String> VERBS = Set.of("Open", "Load", "Undo", "Redo", "Show", "Train", "Reset", "Use",
            "Go", "Back");
    private static final Pattern FILE_NAME = Pattern.compile("\\b[\\w-]+\\.(csv|json|png|jpe?g|txt|html)\\b");
    private static final Pattern CONFIG_PATH = Pattern.compile("\\b[a-z]+\\.[a-z][A-Za-z]+\\b");

    @Test
    void everyMenuItemReadsAsAPlainPhraseAndKeepsItsKeys(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        // A change to undo, so the Edit menu names one.
        robot.interact(() -> window.modelScreen().apply(window.context().configProperty().get().withTraining(
                window.context().configProperty().get().training().withEpochs(3))));
        Map<String, MenuItem> items = new LinkedHashMap<>();
        for (int tab = 0; tab < window.tabs().getTabs().size(); tab++) {
            int index = tab;
            robot.interact(() -> window.tabs().getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collect(window.root(), items));
        }
        List<String> names = sampleNames();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, MenuItem> item : items.entrySet()) {
            String problem = problem(shown(item.getValue()), names);
            if (problem != null) {
                problems.add(item.getKey() + " '" + shown(item.getValue()) + "': " + problem);
            }
        }
        for (LayerType type : LayerType.values()) {
            String problem = problem(ModelScreen.layerMenuText(type), names);
            if (problem != null) {
                problems.add("Add layer (" + type.json() + ") '" + ModelScreen.layerMenuText(type) + "': " + problem);
            }
        }
        assertTrue(items.size() > 30, "the menus were found: " + items.keySet());
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        MenuItem undo = items.get("Edit > undoMenuItem");
        assertEquals("Undo: training.epochs 1 → 3", undo.getText());
        assertEquals(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), undo.getAccelerator());
        assertEquals(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                items.get("Edit > redoMenuItem").getAccelerator());
        for (String key : List.of("View > textSize-200", "Help > showTour", "Help > keyboardShortcuts")) {
            MenuItem item = items.get(key);
            assertTrue(item.isMnemonicParsing() && item.getText().contains("_"), key + " keeps its mnemonic");
        }
    }

    @Test
    void theRuleTellsProgramStateFromAPhrase() {
        List<String> names = List.of("shapes-imbalanced", "learning-rate-too-high");
        for (String state : List.of("Scenario: imbalance", "Dataset: shapes", "CSV: tabular-imbalanced.csv", "CPU",
                "conv", "Scenario: learning-rate-too-high", "Config: healthy defaults", "Set data.balance")) {
            assertTrue(problem(state, names) != null, "'" + state + "' passed as a phrase");
        }
        for (String phrase : List.of("Open sample: imbalanced shapes", "Train on the CPU", "Text size 200 %",
                "Undo: data.balance none → class-weights", "Learning rate too high", "Nothing to undo")) {
            assertEquals(null, problem(phrase, names), phrase);
        }
    }

    /** Why {@code text} does not read as a plain phrase, or null. */
    static String problem(String text, List<String> sampleNames) {
        if (text == null || text.isBlank()) {
            return "no text";
        }
        // The Edit menu names the change by its config path and values ("Undo: data.balance none → class-weights").
        boolean namedChange = text.startsWith("Undo: ") || text.startsWith("Redo: ");
        String words = namedChange ? text.substring(0, 4) : text;
        if (!Character.isUpperCase(words.charAt(0)) && !Character.isDigit(words.charAt(0))) {
            return "does not begin as a sentence does";
        }
        if (!namedChange && words.strip().split("\\s+").length < 2) {
            return "one word says what it is, not what it does";
        }
        if (FILE_NAME.matcher(words).find()) {
            return "a file name";
        }
        if (CONFIG_PATH.matcher(words).find()) {
            return "a config path";
        }
        for (String name : sampleNames) {
            if (words.contains(name)) {
                return "the folder or file name '" + name + "'";
            }
        }
        int colon = text.indexOf(": ");
        if (colon > 0 && !VERBS.contains(text.substring(0, colon).split("\\s+")[0])) {
            return "'label: value' reads as program state; begin with what the item does";
        }
        return null;
    }

    /** The bundled samples' and scenarios' folder and file names that are not plain words ("shapes-imbalanced"). */
    private static List<String> sampleNames() throws Exception {
        Path samples = AppContext.sampleDataDirectory();
        List<String> names = new ArrayList<>();
        try (Stream<Path> top = Files.list(samples); Stream<Path> scenarios = Files.list(samples.resolve("scenarios"))) {
            Stream.concat(top, scenarios).map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(n -> n.contains("-") || n.contains(".")).forEach(names::add);
        }
        assertTrue(names.contains("shapes-imbalanced") && names.contains("learning-rate-too-high"), names.toString());
        return names;
    }

    private static String shown(MenuItem item) {
        String text = item.getText();
        return text != null && item.isMnemonicParsing() ? text.replaceFirst("_", "") : text;
    }

    /** The items of every menu button and context menu under {@code node}, keyed "menu > item id or text". */
    private static void collect(Node node, Map<String, MenuItem> items) {
        if (node instanceof MenuButton button) {
            add(shownText(button.getText()), button.getItems(), items);
        }
        if (node instanceof Control control && control.getContextMenu() != null) {
            var menu = control.getContextMenu();
            // Row menus fill their text when they open.
            if (menu.getOnShowing() != null) {
                menu.getOnShowing().handle(new WindowEvent(menu, WindowEvent.WINDOW_SHOWING));
            }
            add("context menu of " + (control.getId() != null ? control.getId() : control.getClass().getSimpleName()),
                    menu.getItems(), items);
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, items));
        }
    }

    private static void add(String menu, List<MenuItem> menuItems, Map<String, MenuItem> items) {
        for (MenuItem item : menuItems) {
            if (item instanceof SeparatorMenuItem) {
                continue;
            }
            items.put(menu + " > " + (item.getId() != null ? item.getId() : shown(item)), item);
            if (item instanceof Menu sub) {
                add(menu + " > " + shown(sub), sub.getItems(), items);
            }
        }
    }

    private static String shownText(String text) {
        return text == null ? "" : text.replace("_", "");
    }
}
