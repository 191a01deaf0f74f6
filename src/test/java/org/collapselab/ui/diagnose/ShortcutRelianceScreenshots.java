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
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.checks.ShortcutProbeCheck;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.ScenarioData;
import org.collapselab.testsupport.ShortcutCases;
import org.collapselab.testsupport.ShortcutModels;
import org.collapselab.ui.CollapseLabApp;

/**
 * Saves the spurious-feature step's finding and counterfactual chart, drawn as the stepper draws them, for a model
 * that relies on a shortcut (the brightness-shortcut scenario, trained) and one that does not (the bars with a
 * brightness shortcut, classified by the hand-built content model): OUT_DIR/shortcut-relied-on.png and
 * OUT_DIR/shortcut-not-relied-on.png. Needs a display (Xvfb). Not a test.
 */
public final class ShortcutRelianceScreenshots {
    public static void main(String[] args) throws Exception {
        org.collapselab.core.util.NativeRuntime.configure();
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Path work = Files.createTempDirectory("shortcut-shots");
        ShortcutCases.Case relied = ShortcutCases.brightnessScenario(work);
        print("relied on", relied.findings());
        ImageDataset bars = ScenarioData.of(ScenarioData.Kind.BRIGHTNESS_SHORTCUT, 16, 3);
        DiagnosticContext plain = DiagnosticContext.builder(ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("data.imageSize=16", "data.channels=1", "name=bars-brightness")), bars).build();
        TrainingResult content = new TrainingResult(RunStatus.COMPLETED, List.of(), null,
                new ShortcutModels.ContentModel(plain.train()), null, List.of(), List.of(), 0);
        DiagnosticContext notRelied = DiagnosticContext.builder(plain.config(), bars).trainingResult(content).build();
        List<Finding> healthy = new ShortcutProbeCheck().run(notRelied, ProgressObserver.NONE, CancellationToken.none());
        print("not relied on", healthy);
        Platform.startup(() -> { });
        shoot(relied.findings(), relied.context().charts("spurious-feature"), out.resolve("shortcut-relied-on.png"));
        shoot(healthy, notRelied.charts("spurious-feature"), out.resolve("shortcut-not-relied-on.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void print(String label, List<Finding> findings) {
        for (Finding f : findings) {
            System.out.printf("%s: %s %s (measured %.3f)%n  %s%n", label, f.severity(), f.title(),
                    f.evidence().measured(), f.explanation());
        }
    }

    private static void shoot(List<Finding> findings, List<ChartData> charts, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                VBox box = new VBox(10);
                box.setPadding(new Insets(12));
                for (Finding f : findings) {
                    Label title = new Label(f.severity() + " · " + f.title());
                    title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
                    title.setWrapText(true);
                    box.getChildren().add(title);
                }
                charts.stream().filter(c -> c.id().equals("shortcut-counterfactual") || c.id().equals("shortcut-probe"))
                        .forEach(c -> box.getChildren().add(StepCharts.of(c)));
                SceneSnapshot.showAndSave(box, 760, 720, file, done);
            } catch (RuntimeException e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }
}
