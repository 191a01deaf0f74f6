package org.collapselab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Window;
import atlantafx.base.theme.PrimerLight;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.ui.tryit.TryModelView;

/**
 * Trains the spurious-brightness scenario (each class has its own background brightness), opens "Try the model" on
 * it, classifies the scenario's folder, selects an image of the darkest class and saves the window with its
 * occlusion map as OUT_DIR/try-model.png. Headless:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1440x900-32
 * -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.collapselab.ui.TryModelScreenshots OUT_DIR}.
 * Not a test.
 */
public final class TryModelScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Path work = Files.createDirectories(Path.of("target", "try-model-shots"));
        Path data = work.resolve(Scenarios.BRIGHTNESS);
        if (!Files.isDirectory(data)) {
            ShapesGenerator.generate(data, Scenarios.options(Scenarios.BRIGHTNESS));
        }
        ExperimentConfig config = Scenarios.config("spurious-brightness");
        ImageDataset images = new DatasetLoader().load(data, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        Path run = work.resolve("run-spurious-brightness");
        if (!Files.isRegularFile(run.resolve("model.zip"))) {
            Files.createDirectories(run);
            new ExperimentRunner(Engines.defaultEngine()).run(config, images, null, run, TrainingObserver.NONE,
                    CancellationToken.none());
        }
        Platform.startup(() -> { });
        TryModelView[] opened = new TryModelView[1];
        ScreenshotTour.fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            opened[0] = TryModelView.open(null, run);
        });
        TryModelView view = opened[0];
        Window window = view.node().getScene().getWindow();
        ScreenshotTour.fx(() -> window.getScene().getStylesheets()
                .add(CollapseLabApp.class.getResource("app.css").toExternalForm()));
        ScreenshotTour.waitFor(() -> view.model().tryoutProperty().get() != null
                && !view.model().busyProperty().get(), 120);
        ScreenshotTour.fx(() -> view.model().classify(List.of(data)));
        ScreenshotTour.waitFor(() -> view.model().resultProperty().get() != null, 120);
        int index = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ScreenshotTour.fx(() -> view.model().select(index));
        ScreenshotTour.waitFor(() -> view.model().occlusionProperty().get() != null, 120);
        Thread.sleep(1000);
        ScreenshotTour.shoot(window, out.resolve("try-model.png"));
        Platform.exit();
        System.exit(0);
    }
}
