package org.collapselab.ui.diagnose;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.testsupport.ShortcutCases;

/**
 * Saves the spurious-feature step's finding and counterfactual chart for a <em>trained</em> healthy model with a
 * shortcut available: the real-data scorecard's healthy textures (brick, grass and gravel differ in mean brightness
 * because they are different materials), trained with its config (src/test/resources/real-scorecard/healthy-textures
 * .json), then judged with the trained model. Writes OUT_DIR/shortcut-not-relied-on-trained.png. Needs the real-data
 * sets (docs/scripts/build-real-scorecard.sh) and a display (Xvfb). Not a test.
 *
 * <p>Arguments: [OUT_DIR] [TEXTURES_DIR]; the textures are copied to a temporary folder first, since training writes
 * a run folder beside them.
 */
public final class ShortcutTrainedScreenshot {
    public static void main(String[] args) throws Exception {
        org.collapselab.core.util.NativeRuntime.configure();
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Path textures = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("user.home"), ".cache",
                "collapse-lab", "real-scorecard", "data", "textures3");
        Path folder = Files.createTempDirectory("shortcut-trained").resolve("textures3");
        copy(textures, folder);
        ShortcutCases.Case trained = ShortcutCases.trainAndJudge(folder,
                ConfigCodec.read(Path.of("src", "test", "resources", "real-scorecard", "healthy-textures.json")));
        System.out.printf("trained: balanced accuracy %.3f after %d epochs%n",
                trained.run().lastEpoch().balancedAccuracy(), trained.run().epochs().size());
        for (Finding f : trained.findings()) {
            System.out.printf("%s %s (measured %.3f)%n  %s%n", f.severity(), f.title(), f.evidence().measured(),
                    f.explanation());
        }
        Platform.startup(() -> { });
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                VBox box = new VBox(10);
                box.setPadding(new Insets(12));
                for (Finding f : trained.findings()) {
                    Label title = new Label(f.severity() + " · " + f.title());
                    title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
                    title.setWrapText(true);
                    Label why = new Label(f.explanation());
                    why.setWrapText(true);
                    why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    box.getChildren().addAll(title, why);
                }
                trained.context().charts("spurious-feature").stream()
                        .filter(c -> c.id().equals("shortcut-counterfactual") || c.id().equals("shortcut-probe"))
                        .forEach(c -> box.getChildren().add(StepCharts.of(c)));
                SceneSnapshot.showAndSave(box, 760, 800, out.resolve("shortcut-not-relied-on-trained.png"), done);
            } catch (RuntimeException e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
