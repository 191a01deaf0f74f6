package org.collapselab.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.TryResult;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.FileDrops;
import org.collapselab.testsupport.TestImages;
import org.collapselab.ui.CollapseLabApp;
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
 * The "Try the model" view headless through Monocle, on a model trained for one epoch on tiny shapes. Files are
 * dropped as the platform delivers them: a drag-over and a drop event whose dragboard holds the files.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TryModelViewTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path run;
    private TryModelView view;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        data = TestImages.shapes(temp.resolve("shapes"), 2, 12, 16, 7);
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.imageSize=16",
                "data.channels=1", "training.epochs=1", "training.batchSize=8", "name=tiny",
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]"));
        ImageDataset images = new DatasetLoader().load(data, 16, 1, ProgressObserver.NONE, CancellationToken.none());
        run = Files.createDirectories(temp.resolve("run"));
        new ExperimentRunner(Engines.defaultEngine()).run(config, images, null, run, TrainingObserver.NONE,
                CancellationToken.none());
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new TryModelView(new TryModelViewModel(run));
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1120, 720);
        scene.getStylesheets().add(CollapseLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> view.model().close());
        stage.show();
    }

    @Test
    void droppingAnImageGivesAPredictionWithEveryClassesProbability(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#tryChooseImages").queryAs(Button.class).isDisabled(), 60);
        Path image;
        try (var files = Files.list(data.resolve("circle"))) {
            image = files.sorted().findFirst().orElseThrow();
        }
        boolean accepted = FileDrops.drop(robot, view.node(), List.of(image.toFile()));
        assertTrue(accepted, "the view accepts dragged files");
        waitUntil(() -> view.model().resultProperty().get() != null, 60);
        TryResult result = view.model().resultProperty().get();
        assertEquals(1, result.count());
        VBox bars = robot.lookup("#tryBars").queryAs(VBox.class);
        assertEquals(2, bars.getChildren().size(), "one bar per class");
        ProgressBar circle = robot.lookup("#tryBar-circle").queryAs(ProgressBar.class);
        ProgressBar square = robot.lookup("#tryBar-square").queryAs(ProgressBar.class);
        assertEquals(1.0, circle.getProgress() + square.getProgress(), 1e-3);
        String predicted = result.images().classes().get(result.predicted()[0]);
        String title = robot.lookup("#tryImageTitle").queryAs(Label.class).getText();
        assertTrue(title.startsWith(image.getFileName() + ": " + predicted), title);
        assertNotNull(robot.lookup("#tryPicture").queryAs(ImageView.class).getImage());
        // Where the model looks: the occlusion map of the image arrives from the worker.
        waitUntil(() -> robot.lookup("#tryOcclusion").queryAs(ImageView.class).getImage() != null, 60);
        Image heat = robot.lookup("#tryOcclusion").queryAs(ImageView.class).getImage();
        assertEquals(16, (int) heat.getWidth());
        assertFalse(robot.lookup("#tryConfusion").queryAs(Node.class).isVisible(), "no labels, no confusion");
    }

    @Test
    void droppingAFolderOfClassFoldersShowsTheConfusion(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#tryChooseImages").queryAs(Button.class).isDisabled(), 60);
        assertTrue(FileDrops.drop(robot, view.node(), List.of(data.toFile())));
        waitUntil(() -> view.model().resultProperty().get() != null, 60);
        TryResult result = view.model().resultProperty().get();
        assertTrue(result.labelled());
        assertEquals(24, result.count());
        assertTrue(robot.lookup("#tryConfusion").queryAs(Node.class).isVisible());
        @SuppressWarnings("unchecked")
        ListView<Integer> list = robot.lookup("#tryImages").queryAs(ListView.class);
        assertEquals(24, list.getItems().size());
        String status = robot.lookup("#tryStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("24 images from class folders: accuracy"), status);
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
