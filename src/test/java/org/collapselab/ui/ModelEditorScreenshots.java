package org.collapselab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigPaths;

/**
 * Screenshots of the layer editor with an error at a layer and of the Edit menu naming the change to undo. Run under
 * a display (Xvfb): {@code mvn -o -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.collapselab.ui.ModelEditorScreenshots -Dexec.args=target/shots}. Whole-screen captures with
 * ImageMagick's {@code import}, because the menu is a popup window of its own. Not a test.
 */
public final class ModelEditorScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/shots"));
        System.setProperty("collapselab.prefs", "org/collapselab/model-editor-shots");
        System.setProperty("collapselab.runs", "target/model-editor-runs");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/model-editor-shots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        ScreenshotTour.waitFor(() -> window.context().datasetProperty().get() != null, 60);
        ScreenshotTour.fx(() -> {
            window.tabs().getSelectionModel().select(1);
            window.modelScreen().apply(ConfigCodec.defaults());
        });
        @SuppressWarnings("unchecked")
        ListView<String> layers = (ListView<String>) window.root().lookup("#layerList");
        MenuButton add = (MenuButton) window.root().lookup("#addLayer");
        // The walk-through's steps: conv selected, Add layer → dense; then an image too small for the last pool.
        ScreenshotTour.fx(() -> layers.getSelectionModel().select(0));
        ScreenshotTour.fx(() -> add.getItems().stream().filter(i -> "dense".equals(i.getText())).findFirst().orElseThrow()
                .fire());
        Spinner<?> size = (Spinner<?>) window.root().lookup("#imageSize");
        ScreenshotTour.fx(() -> size.getEditor().setText("8"));
        Thread.sleep(1500);
        capture(out.resolve("model-layer-error.png"));

        ScreenshotTour.fx(() -> {
            size.getEditor().setText("64");
            window.diagnoseScreen().model().applyFix(new Finding("class-imbalance", Severity.CRITICAL, 1,
                    "Imbalanced classes", "", new Evidence(10, 3, "shots"),
                    new Fix("weight the loss", Map.of(ConfigPaths.BALANCE, "class-weights"), null)));
        });
        MenuButton edit = (MenuButton) window.root().lookup("#editMenu");
        ScreenshotTour.fx(edit::show);
        Thread.sleep(1500);
        capture(out.resolve("edit-menu-undo.png"));
        ScreenshotTour.fx(edit::hide);

        // A sequence config: the sequence layer types, and a series too short for the third layer's window.
        ScreenshotTour.fx(() -> {
            window.modelScreen().apply(ConfigCodec.defaults(org.collapselab.core.model.DataKind.SEQUENCE));
            window.modelScreen().sequenceLengthProperty().set(10);
        });
        Thread.sleep(1000);
        ScreenshotTour.fx(add::show);
        Thread.sleep(3000);
        capture(out.resolve("model-sequence-layers.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void capture(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
        System.err.println("saved " + file);
    }
}
