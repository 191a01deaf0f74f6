package org.collapselab.ui.diagnose;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.checks.ShortcutProbeCheck;
import org.collapselab.core.experiment.ModelTryout;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.ui.CollapseLabApp;

/**
 * Saves the spurious-feature step's "where the model looks" panels, as the stepper draws them, for the run that
 * {@code org.collapselab.ui.TryModelScreenshots} trained (target/try-model-shots): OUT_DIR/where-model-looks.png.
 * Headless like that tool. Not a test.
 */
public final class WhereTheModelLooksScreenshot {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets").resolve("where-model-looks.png");
        Path work = Path.of("target", "try-model-shots");
        ModelTryout tryout = ModelTryout.open(work.resolve("run-spurious-brightness"));
        ExperimentConfig config = tryout.config();
        ImageDataset data = new DatasetLoader().load(work.resolve("shapes-brightness"), config.data().imageSize(),
                config.data().channels(), ProgressObserver.NONE, CancellationToken.none());
        DataView validation = TrainingViews.of(config.data(), data, null).validation();
        long start = System.nanoTime();
        List<ChartData> charts = ShortcutProbeCheck.whereTheModelLooks(tryout.model(), validation,
                CancellationToken.none());
        System.out.printf("per-class grid (%d classes × 3 maps): %.2f s%n", data.classCount(),
                (System.nanoTime() - start) / 1e9);
        Platform.startup(() -> { });
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                VBox box = new VBox(12);
                box.setPadding(new Insets(12));
                charts.forEach(c -> box.getChildren().add(StepCharts.of(c)));
                SceneSnapshot.showAndSave(box, 640, 420, out, done);
            } catch (RuntimeException e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }
}
