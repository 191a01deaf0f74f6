package org.collapselab.ui.diagnose;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.checks.DuplicateImagesCheck;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.ui.CollapseLabApp;

/**
 * Saves the duplicate-images step's finding and example pairs, drawn by the stepper's own chart code, on the
 * {@code duplicates} scenario (generated into target/duplicates-shots): OUT_DIR/duplicate-images.png. Not a test.
 */
public final class DuplicatePairsScreenshot {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets").resolve("duplicate-images.png");
        Path root = Path.of("target", "duplicates-shots", Scenarios.DUPLICATES);
        if (!Files.isDirectory(root)) {
            Scenarios.generate(root, Scenarios.DUPLICATES);
        }
        ExperimentConfig config = Scenarios.config("duplicates");
        ImageDataset data = new DatasetLoader().load(root, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        DiagnosticContext ctx = DiagnosticContext.builder(config, data).build();
        List<Finding> findings = new DuplicateImagesCheck().run(ctx, ProgressObserver.NONE, CancellationToken.none());
        List<ChartData> charts = ctx.charts("duplicate-images");
        Platform.startup(() -> { });
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                VBox box = new VBox(10);
                box.setPadding(new Insets(12));
                for (Finding f : findings) {
                    Label title = new Label(f.severity().json().toUpperCase(java.util.Locale.ROOT) + "  " + f.title());
                    title.setStyle("-fx-font-weight: bold");
                    title.setWrapText(true);
                    Label explanation = new Label(f.explanation());
                    explanation.setWrapText(true);
                    Label fix = new Label(f.fix() == null ? "" : "Fix: " + f.fix().description() + "  " + f.fix().set());
                    fix.setWrapText(true);
                    for (Label l : List.of(title, explanation, fix)) {
                        l.setMaxWidth(680);
                        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    }
                    box.getChildren().addAll(title, explanation, fix);
                }
                charts.forEach(c -> box.getChildren().add(StepCharts.of(c)));
                box.setPrefWidth(700);
                ScrollPane scroll = new ScrollPane(box);
                scroll.setFitToWidth(true);
                SceneSnapshot.showAndSave(scroll, 720, 1000, out, done);
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
