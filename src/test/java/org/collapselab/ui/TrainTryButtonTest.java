package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.collapselab.testsupport.FileDrops;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train screen's "Try the model" button after a one-epoch run on tiny shapes: it opens the try view on that run's
 * model, and an image dropped there gets a predicted class with a bar for every class.
 */
@Tag("gui")
class TrainTryButtonTest extends WorkbenchFxTest {
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
    void afterARunTheTryButtonOpensTheViewAndADroppedImageGetsAPrediction(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 60);
        robot.clickOn("#trainTab");
        Button tryModel = robot.lookup("#tryModelButton").queryAs(Button.class);
        assertTrue(tryModel.isDisabled(), "nothing to try before a run");
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        waitUntil(() -> !tryModel.isDisabled(), 10);

        robot.clickOn(tryModel);
        waitUntil(() -> tryView().isPresent(), 30);
        Node view = tryView().orElseThrow();
        assertTrue(((Stage) view.getScene().getWindow()).getTitle().contains(
                window.trainModel().lastOutcomeProperty().get().runFolder().getFileName().toString()),
                "the view opened on the run just trained");
        waitUntil(() -> !((Button) view.lookup("#tryChooseImages")).isDisabled(), 60);
        Path image;
        try (var files = Files.list(dataset.resolve(window.context().datasetProperty().get().classes().get(1)))) {
            image = files.sorted().findFirst().orElseThrow();
        }
        assertTrue(FileDrops.drop(robot, view, List.of(image.toFile())), "the view accepts a dropped image");
        Label title = (Label) view.lookup("#tryImageTitle");
        waitUntil(() -> title.getText() != null && title.getText().startsWith(image.getFileName() + ": "), 60);
        String predicted = title.getText().substring((image.getFileName() + ": ").length());
        List<String> classes = window.context().datasetProperty().get().classes();
        assertTrue(classes.stream().anyMatch(predicted::startsWith), "a class is predicted: " + title.getText());
        VBox bars = (VBox) view.lookup("#tryBars");
        assertEquals(classes.size(), bars.getChildren().size(), "one bar per class");
        double total = classes.stream().mapToDouble(c -> ((ProgressBar) view.lookup("#tryBar-" + c)).getProgress()).sum();
        assertEquals(1.0, total, 1e-3, "the class probabilities add up to 1");
        robot.interact(() -> view.getScene().getWindow().hide());
        assertFalse(tryView().isPresent());
    }

    private static Optional<Node> tryView() {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.lookup("#tryModelView") != null).map(s -> s.lookup("#tryModelView"))
                .findFirst();
    }
}
