package org.collapselab.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Pair;
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
        boolean accepted = drop(robot, List.of(image.toFile()));
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
        assertTrue(drop(robot, List.of(data.toFile())));
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

    /** Fires a drag-over and a drop carrying {@code files} at the view; returns whether the drag-over accepted them. */
    private boolean drop(FxRobot robot, List<File> files) {
        Node target = view.node();
        boolean[] accepted = new boolean[1];
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new FileClipboard(files));
            DragboardHelper.setDataAccessRestriction(board, false);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 400, 300, 400, 300, TransferMode.COPY, null,
                    target, null);
            Event.fireEvent(target, over);
            // The copies the handlers see share the gesture's state with the event fired.
            accepted[0] = over.isAccepted();
            Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, board, 400, 300, 400, 300,
                    TransferMode.COPY, null, target, null));
        });
        return accepted[0];
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    /** A dragboard's content as the platform hands it over: just the files. */
    private record FileClipboard(List<File> files) implements TKClipboard {
        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return format == DataFormat.FILES ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return format == DataFormat.FILES;
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
