package org.collapselab.ui.diagnose;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.collapselab.ui.CollapseLabApp;

/** The screenshot tools' one way to show a node with the app's stylesheet and save it as a PNG. FX thread. */
final class SceneSnapshot {
    private SceneSnapshot() {
    }

    static void showAndSave(Parent root, double width, double height, Path out, CountDownLatch done) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(CollapseLabApp.class.getResource("app.css").toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.toFile());
                System.out.println("saved " + out);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stage.close();
                done.countDown();
            }
        });
    }
}
