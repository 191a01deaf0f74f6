package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigField;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ConfigSchema;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Model screen against the config schema: the same limits, no clamping, Train refused on errors, the rate slider. */
@Tag("gui")
class ModelScreenSchemaTest extends WorkbenchFxTest {
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
    void aConfigAtTheValidatorsUpperLimitsReadsBackUnchangedFromTheControls(FxRobot robot) throws Exception {
        ExperimentConfig limits = ConfigCodec.withValues(ConfigCodec.defaults(), Map.of(
                ConfigPaths.BATCH_SIZE, max(ConfigPaths.BATCH_SIZE), ConfigPaths.EPOCHS, max(ConfigPaths.EPOCHS),
                ConfigPaths.EARLY_STOPPING_PATIENCE, max(ConfigPaths.EARLY_STOPPING_PATIENCE),
                ConfigPaths.IMAGE_SIZE, max(ConfigPaths.IMAGE_SIZE), ConfigPaths.SEED, Long.MAX_VALUE,
                ConfigPaths.LEARNING_RATE, ConfigSchema.field(ConfigPaths.LEARNING_RATE).max(),
                ConfigPaths.L2, ConfigSchema.field(ConfigPaths.L2).max(),
                ConfigPaths.VALIDATION_FRACTION, ConfigSchema.field(ConfigPaths.VALIDATION_FRACTION).max(),
                ConfigPaths.ROTATION_DEGREES, ConfigSchema.field(ConfigPaths.ROTATION_DEGREES).max(),
                ConfigPaths.SHIFT, ConfigSchema.field(ConfigPaths.SHIFT).max()));
        limits = ConfigCodec.withValues(limits, Map.of(ConfigPaths.ZOOM, ConfigSchema.field(ConfigPaths.ZOOM).max()));
        assertEquals(4096, limits.training().batchSize(), "the limits are the validator's");
        assertShowsUnchanged(robot, limits);
    }

    @Test
    void aConfigAtTheValidatorsLowerLimitsReadsBackUnchangedFromTheControls(FxRobot robot) throws Exception {
        ExperimentConfig limits = ConfigCodec.withValues(ConfigCodec.defaults(), Map.of(
                ConfigPaths.LAYERS, List.of(), // a 4-pixel image fits no 3×3 window
                ConfigPaths.BATCH_SIZE, min(ConfigPaths.BATCH_SIZE), ConfigPaths.EPOCHS, min(ConfigPaths.EPOCHS),
                ConfigPaths.IMAGE_SIZE, min(ConfigPaths.IMAGE_SIZE), ConfigPaths.SEED, Long.MIN_VALUE,
                ConfigPaths.LEARNING_RATE, ConfigSchema.field(ConfigPaths.LEARNING_RATE).min(),
                ConfigPaths.VALIDATION_FRACTION, ConfigSchema.field(ConfigPaths.VALIDATION_FRACTION).min()));
        assertShowsUnchanged(robot, limits);
    }

    private void assertShowsUnchanged(FxRobot robot, ExperimentConfig limits) throws Exception {
        Path file = Files.createTempFile(runs, "limits", ".json");
        ConfigCodec.write(limits, file);
        robot.clickOn("#modelTab");
        robot.interact(() -> window.modelScreen().loadFile(file));
        assertTrue(window.modelScreen().errors().isEmpty(), window.modelScreen().errors().toString());
        assertEquals(limits, window.context().configProperty().get(), "nothing was clamped on the way in");
        assertEquals(limits.training().batchSize(), spinner(robot, "batchSize"));
        assertEquals(limits.training().epochs(), spinner(robot, "epochs"));
        assertEquals(limits.training().earlyStoppingPatience(), spinner(robot, "earlyStoppingPatience"));
        assertEquals(limits.data().imageSize(), spinner(robot, "imageSize"));
        assertEquals(limits.data().seed(), spinner(robot, "seed"));
        assertEquals(limits.training().learningRate(),
                Double.parseDouble(robot.lookup("#learningRateValue").queryAs(TextField.class).getText()));
        assertEquals(Math.log10(limits.training().learningRate()), slider(robot, "learningRate"), 1e-12);
        assertEquals(limits.training().l2(), Double.parseDouble(robot.lookup("#l2").queryAs(TextField.class).getText()));
        assertEquals(limits.data().validationFraction(), slider(robot, "validationFraction"));
        assertEquals(limits.data().augmentation().rotationDegrees(), slider(robot, "rotationDegrees"));
        assertEquals(limits.data().augmentation().shift(), slider(robot, "shift"));
        assertEquals(limits.data().augmentation().zoom(), slider(robot, "zoom"));
        // Touching a control at its limit keeps the config the same (a control with a narrower range would clamp).
        robot.interact(() -> window.modelScreen().apply(window.context().configProperty().get()));
        assertEquals(limits, window.context().configProperty().get());
    }

    @Test
    void anOutOfRangeOrEmptyFieldIsAnErrorAtTheFieldAndTrainIsRefusedListingEveryError(FxRobot robot) throws Exception {
        robot.clickOn("#modelTab");
        ExperimentConfig before = window.context().configProperty().get();
        Spinner<?> batch = robot.lookup("#batchSize").queryAs(Spinner.class);
        TextField l2 = robot.lookup("#l2").queryAs(TextField.class);
        robot.interact(() -> batch.getEditor().setText("0"));
        assertEquals("0", batch.getEditor().getText(), "not clamped to 1");
        assertTrue(errorTexts(robot).contains("training.batchSize: must be between 1 and 4096, got 0"), errorTexts(robot));
        assertTrue(batch.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        robot.interact(() -> batch.getEditor().setText(""));
        assertTrue(errorTexts(robot).contains("training.batchSize: is empty; expected a whole number between 1 and 4096"),
                errorTexts(robot));
        robot.interact(() -> {
            l2.setText("5");
            l2.fireEvent(new javafx.event.ActionEvent());
        });

        robot.clickOn("#dataTab");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        robot.interact(() -> { });
        assertFalse(window.trainModel().runningProperty().get(), "nothing trains");
        assertEquals("modelTab", window.tabs().getSelectionModel().getSelectedItem().getId());
        Label banner = robot.lookup("#trainRefused").queryAs(Label.class);
        assertTrue(banner.getText().startsWith("Training not started: the config on this screen has 2 errors"), banner.getText());
        String errors = errorTexts(robot);
        assertTrue(errors.contains("training.batchSize: is empty") && errors.contains("training.l2: must be between 0 and 1, got 5"),
                errors);
        assertTrue(batch.getEditor().isFocused() || batch.isFocused(), "the first error's field has the focus");
        try (var folders = Files.list(runs)) {
            assertEquals(0, folders.filter(Files::isDirectory).count(), "no run folder was written");
        }
        assertEquals(before, window.context().configProperty().get(), "the app's config is still the last valid one");

        robot.interact(() -> {
            batch.getEditor().setText("8");
            l2.setText("0");
            l2.fireEvent(new javafx.event.ActionEvent());
        });
        assertTrue(window.modelScreen().errors().isEmpty());
        assertTrue(robot.lookup("#trainRefused").tryQuery().isEmpty(), "the banner goes with the errors");
        assertEquals(8, window.context().configProperty().get().training().batchSize());
    }

    @Test
    void arrowKeysMoveTheLearningRateByAThirdOfADecadeAndTheFieldTakesAnExactRate(FxRobot robot) {
        robot.clickOn("#modelTab");
        Slider slider = robot.lookup("#learningRate").queryAs(Slider.class);
        TextField exact = robot.lookup("#learningRateValue").queryAs(TextField.class);
        robot.interact(() -> window.modelScreen().apply(window.context().configProperty().get().withTraining(
                window.context().configProperty().get().training().withLearningRate(0.001))));
        robot.interact(slider::requestFocus);
        robot.push(KeyCode.RIGHT);
        double up = window.context().configProperty().get().training().learningRate();
        assertEquals(0.0022, up, 1e-12, "0.001 × 10^(1/3) = 0.00215, shown to two digits");
        robot.push(KeyCode.LEFT).push(KeyCode.LEFT);
        assertEquals(0.00046, window.context().configProperty().get().training().learningRate(), 1e-12,
                "0.001 × 10^(−1/3) = 0.000464");

        robot.interact(() -> {
            exact.setText("0.00075");
            exact.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.00075, window.context().configProperty().get().training().learningRate());
        assertEquals(Math.log10(0.00075), slider.getValue(), 1e-12, "the slider follows the typed rate");
        assertEquals("0.00075", exact.getText());
    }

    @Test
    void theLiveLintWarnsAtALearningRateOfOneWithAdam(FxRobot robot) {
        robot.clickOn("#modelTab");
        TextField exact = robot.lookup("#learningRateValue").queryAs(TextField.class);
        VBox lint = robot.lookup("#configLint").queryAs(VBox.class);
        assertTrue(lint.lookup("#lint-learning-rate-out-of-range") == null, "no warning at the default rate");
        robot.interact(() -> {
            exact.setText("1.0");
            exact.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("adam", window.context().configProperty().get().training().optimizer().json());
        Node warning = lint.lookup("#lint-learning-rate-out-of-range");
        assertTrue(warning instanceof Label, "the diagnosis's learning-rate-out-of-range finding is shown");
        assertTrue(((Label) warning).getText().contains("Learning rate 1.0 is above the usual range for adam"),
                ((Label) warning).getText());
        robot.interact(() -> {
            exact.setText("0.001");
            exact.fireEvent(new javafx.event.ActionEvent());
        });
        assertTrue(lint.lookup("#lint-learning-rate-out-of-range") == null, "the warning goes when the rate is usual");
    }

    @Test
    void theHelpLineAndRangeAreTheControlsTooltip(FxRobot robot) {
        robot.clickOn("#modelTab");
        Spinner<?> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        ConfigField field = ConfigSchema.field(ConfigPaths.EPOCHS);
        assertEquals(field.help() + "\nA whole number between 1 and 1000; default 10.", epochs.getTooltip().getText());
    }

    private static long max(String path) {
        return (long) ConfigSchema.field(path).max();
    }

    private static long min(String path) {
        return (long) ConfigSchema.field(path).min();
    }

    private static long spinner(FxRobot robot, String id) {
        return ((Number) robot.lookup("#" + id).queryAs(Spinner.class).getValue()).longValue();
    }

    private static double slider(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Slider.class).getValue();
    }

    private static String errorTexts(FxRobot robot) {
        VBox box = robot.lookup("#configErrors").queryAs(VBox.class);
        return box.getChildren().stream().filter(n -> n instanceof Hyperlink).map(n -> ((Hyperlink) n).getText())
                .collect(Collectors.joining("\n"));
    }
}
