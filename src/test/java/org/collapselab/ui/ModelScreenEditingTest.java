package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerType;
import org.collapselab.testsupport.RunFolders;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Model screen's layer editor (valid insertion, one numbering, errors at the row) and undo/redo of the config. */
@Tag("gui")
class ModelScreenEditingTest extends WorkbenchFxTest {
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 6, 16, 3);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void undoRestoresTheConfigBeforeApplyFixRedoReappliesItAndTheEditMenuNamesTheChange(FxRobot robot) {
        robot.clickOn("#modelTab");
        ExperimentConfig start = window.context().configProperty().get();
        robot.interact(() -> window.modelScreen().apply(start.withTraining(start.training().withEpochs(3))));
        ExperimentConfig before = window.context().configProperty().get();
        assertEquals(Balance.NONE, before.data().balance());
        Finding imbalance = new Finding("class-imbalance", Severity.CRITICAL, 1, "Imbalanced classes", "",
                new Evidence(10, 3, "test"), new Fix("weight the loss", Map.of(ConfigPaths.BALANCE, "class-weights"), null));
        robot.interact(() -> window.diagnoseScreen().model().applyFix(imbalance));
        assertEquals(Balance.CLASS_WEIGHTS, window.context().configProperty().get().data().balance());
        MenuItem undo = menuItem(robot, "undoMenuItem");
        MenuItem redo = menuItem(robot, "redoMenuItem");
        assertEquals("Undo: data.balance none → class-weights", undo.getText());
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                undo.getAccelerator());
        assertTrue(redo.isDisable(), "nothing to redo yet");

        robot.clickOn("#diagnoseTab");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(before, window.context().configProperty().get(), "Ctrl+Z restores the config before the fix");
        assertEquals(Balance.NONE, window.context().configProperty().get().data().balance());
        assertEquals("Redo: data.balance none → class-weights", redo.getText());
        assertEquals("Undo: training.epochs 1 → 3", undo.getText(), "one step back per Ctrl+Z");
        robot.clickOn("#modelTab");
        assertEquals("none", robot.lookup("#balance").queryComboBox().getValue(), "the control shows the restored value");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(Balance.CLASS_WEIGHTS, window.context().configProperty().get().data().balance(), "redo re-applies");
        assertEquals("class-weights", robot.lookup("#balance").queryComboBox().getValue());
        robot.interact(undo::fire);
        assertEquals(before, window.context().configProperty().get(), "the menu item undoes as the shortcut does");
    }

    @Test
    void keystrokesInOneFieldAreOneUndoStepAndLoadAndResetAreUndoable(FxRobot robot) throws Exception {
        robot.clickOn("#modelTab");
        ExperimentConfig start = window.context().configProperty().get();
        Spinner<?> batch = robot.lookup("#batchSize").queryAs(Spinner.class);
        robot.interact(() -> batch.getEditor().setText("6"));
        robot.interact(() -> batch.getEditor().setText("64"));
        assertEquals("training.batchSize 8 → 64", window.modelScreen().undoNameProperty().get());
        robot.interact(() -> window.modelScreen().undo());
        assertEquals(start, window.context().configProperty().get());
        assertEquals("8", batch.getEditor().getText());

        Path file = Files.createTempFile(runs, "loaded", ".json");
        ConfigCodec.write(ConfigCodec.withOverrides(start, List.of("training.epochs=7")), file);
        robot.interact(() -> window.modelScreen().loadFile(file));
        assertEquals("Load " + file.getFileName() + ": training.epochs 1 → 7", window.modelScreen().undoNameProperty().get());
        robot.interact(() -> robot.lookup(".button").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && "Reset to defaults".equals(b.getText()))
                .findFirst().map(javafx.scene.control.Button.class::cast).orElseThrow().fire());
        assertEquals(ConfigCodec.defaults(), window.context().configProperty().get());
        assertTrue(window.modelScreen().undoNameProperty().get().startsWith("Reset to defaults: "),
                window.modelScreen().undoNameProperty().get());
        robot.interact(() -> window.modelScreen().undo());
        assertEquals(7, window.context().configProperty().get().training().epochs(), "undo of Reset gives the loaded config");
        robot.interact(() -> window.modelScreen().undo());
        assertEquals(start, window.context().configProperty().get(), "undo of Load gives the config before it");
    }

    @Test
    void aDenseLayerAddedWithTheConvSelectedGoesWhereTheNetworkStaysValid(FxRobot robot) {
        robot.clickOn("#modelTab");
        robot.interact(() -> window.modelScreen().apply(ConfigCodec.defaults())); // conv, pool, conv, pool, dense
        ListView<String> layers = layerList(robot);
        robot.interact(() -> layers.getSelectionModel().select(0));
        robot.interact(() -> addMenuItem(robot, "dense").fire());
        assertTrue(window.modelScreen().errors().isEmpty(), window.modelScreen().errors().toString());
        List<org.collapselab.core.model.LayerSpec> now = window.context().configProperty().get().model().layers();
        assertEquals(6, now.size());
        assertEquals(LayerType.DENSE, now.get(4).type(), "after the last pool, not before the first");
        assertEquals(4, layers.getSelectionModel().getSelectedIndex(), "the new layer is selected");
        assertEquals("5. dense 64 units, relu", layers.getItems().get(4));
        String note = robot.lookup("#layerNote").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Added as layer 5, the nearest place where the network stays valid. As layer 2 it"
                + " would not be: pool cannot follow a dense layer"), note);
        assertEquals("7. output layer: one unit per class, softmax (set below)",
                robot.lookup("#outputLayerNote").queryAs(Label.class).getText());
        assertEquals("layer 5 added (dense 64 units, relu)", window.modelScreen().undoNameProperty().get());
    }

    @Test
    void aLayerErrorCountsFromOneAndIsMarkedAtItsRowNotAtTheDropoutSlider(FxRobot robot) {
        robot.clickOn("#modelTab");
        robot.interact(() -> window.modelScreen().apply(ConfigCodec.defaults().withModel(ConfigCodec.defaults().model()
                .withLayers(List.of(org.collapselab.core.model.LayerSpec.conv(8, 3, org.collapselab.core.model.Activation.RELU),
                        org.collapselab.core.model.LayerSpec.pool(2),
                        org.collapselab.core.model.LayerSpec.conv(8, 3, org.collapselab.core.model.Activation.RELU),
                        org.collapselab.core.model.LayerSpec.pool(2),
                        org.collapselab.core.model.LayerSpec.dropout(0.5))))));
        Spinner<?> size = robot.lookup("#imageSize").queryAs(Spinner.class);
        robot.interact(() -> size.getEditor().setText("8")); // 8 → 6 → 3 → 1: layer 4's 2×2 pool has no room
        String errors = errorTexts(robot);
        assertTrue(errors.contains("⚠ layer 4 (model.layers[3]): the feature map is 1×1 here"), errors);
        ListView<String> layers = layerList(robot);
        Node row = robot.lookup("#layerRow-4").query();
        assertTrue(invalid(row), "the offending row is outlined");
        assertFalse(invalid(robot.lookup("#layerRow-3").query()), "its neighbour is not");
        assertTrue(invalid(layers));
        Node dropoutBox = robot.lookup("#dropout").query().getParent();
        assertFalse(invalid(dropoutBox), "the dropout slider has no error of its own");
        assertTrue(((javafx.scene.control.Labeled) row).getText().startsWith("⚠ 4. max pool 2×2"));

        robot.interact(() -> robot.lookup("#configErrors").queryAs(VBox.class).getChildren().stream()
                .filter(n -> n instanceof Hyperlink).map(Hyperlink.class::cast).findFirst().orElseThrow().fire());
        assertEquals(3, layers.getSelectionModel().getSelectedIndex(), "the link selects layer 4, the fourth row");
    }

    @Test
    void sequenceConfigsOfferSequenceLayersAndCheckTheSeriesLengthLive(FxRobot robot) {
        robot.clickOn("#modelTab");
        robot.interact(() -> window.modelScreen().apply(ConfigCodec.defaults(DataKind.SEQUENCE)));
        assertEquals(List.of("conv1d", "pool1d", "globalpool", "dense", "dropout"), addMenuNames(robot));
        assertTrue(window.modelScreen().errors().isEmpty());
        assertTrue(robot.lookup("#imageSize").query().isDisabled(), "image settings mean nothing for a CSV");
        assertTrue(robot.lookup("#modelSummary").queryAs(Label.class).getText().startsWith("5 hidden layers for sequence"));
        robot.interact(() -> window.modelScreen().sequenceLengthProperty().set(10)); // 10 → 6 → 3: no room for k5
        assertEquals("model.layers[2]", window.modelScreen().errors().get(0).path());
        assertTrue(invalid(robot.lookup("#layerRow-3").query()));
        robot.interact(() -> window.modelScreen().sequenceLengthProperty().set(200));
        assertTrue(window.modelScreen().errors().isEmpty());

        robot.interact(() -> window.modelScreen().apply(ConfigCodec.defaults(DataKind.TABULAR)));
        assertEquals(List.of("dense", "dropout"), addMenuNames(robot));
        robot.interact(() -> window.modelScreen().apply(ConfigCodec.defaults()));
        assertEquals(List.of("conv", "pool", "dense", "dropout", "batchnorm"), addMenuNames(robot));
        assertFalse(robot.lookup("#imageSize").query().isDisabled());
    }

    @Test
    void backToTheConfigOfARunLoadsItsConfigUndoably(FxRobot robot) throws Exception {
        ExperimentConfig start = window.context().configProperty().get();
        RunFolders.completed(runs.resolve("weighted-run"), RunFolders.config("data.balance=class-weights",
                "training.epochs=3"), 3, 8);
        robot.clickOn("#runsTab");
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#runsTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1, 20);
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.control.Button back = robot.lookup("#useRunConfig").queryButton();
        assertFalse(back.isDisable());
        assertEquals("Back to the config of run weighted-run (its config.json; Ctrl+Z undoes it)",
                back.getTooltip().getText());
        robot.interact(back::fire);
        assertEquals(RunFolders.config("data.balance=class-weights", "training.epochs=3"),
                window.context().configProperty().get());
        assertEquals("modelTab", window.tabs().getSelectionModel().getSelectedItem().getId());
        assertTrue(window.modelScreen().undoNameProperty().get().startsWith("Back to the config of run weighted-run: "),
                window.modelScreen().undoNameProperty().get());
        robot.interact(() -> window.modelScreen().undo());
        assertEquals(start, window.context().configProperty().get());
    }

    private static boolean invalid(Node node) {
        return node.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"));
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> layerList(FxRobot robot) {
        return robot.lookup("#layerList").queryAs(ListView.class);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#editMenu").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static MenuItem addMenuItem(FxRobot robot, String type) {
        MenuItem item = robot.lookup("#addLayer").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> ("addLayer-" + type).equals(i.getId())).findFirst().orElse(null);
        assertNotNull(item, type + " is offered");
        return item;
    }

    private static List<String> addMenuNames(FxRobot robot) {
        // The layer types by their config names (the items' ids; their texts are words, "Convolution layer (conv)").
        return robot.lookup("#addLayer").queryAs(MenuButton.class).getItems().stream()
                .map(i -> i.getId().substring("addLayer-".length())).collect(Collectors.toList());
    }

    private static String errorTexts(FxRobot robot) {
        VBox box = robot.lookup("#configErrors").queryAs(VBox.class);
        return box.getChildren().stream().filter(n -> n instanceof Hyperlink).map(n -> ((Hyperlink) n).getText())
                .collect(Collectors.joining("\n"));
    }
}
