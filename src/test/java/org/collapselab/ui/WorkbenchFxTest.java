package org.collapselab.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every workbench GUI test starts from: the real main window, headless through Monocle (TestFX), with a tiny
 * config, on the folder or CSV file of {@link #data()}; a fresh runs folder and preferences node per test; training
 * still running after a test is stopped. Subclasses see {@link #window}, {@link #runs} and the class's {@link #shared}
 * temporary folder. Each subclass keeps its own tag ({@code gui}, {@code reliability}).
 */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchFxTest {
    /** One temporary folder per test class, for data made once in a {@code @BeforeAll}. */
    @TempDir
    static Path shared;
    private static Path defaultShapes;

    protected MainWindow window;
    protected Path runs;

    /**
     * What the window opens: by default 30 shapes in 3 classes at 16 px (seed 7), made once per test class. A
     * subclass that needs other data makes it in a {@code @BeforeAll} and returns it here.
     */
    protected Path data() throws Exception {
        if (defaultShapes == null || !defaultShapes.startsWith(shared)) {
            defaultShapes = TestImages.shapes(shared.resolve("shapes"), 3, 10, 16, 7);
        }
        return defaultShapes;
    }

    /** Called after the window is shown, on the FX thread: a subclass sizes the stage here. */
    protected void opened(Stage stage) {
    }

    // TestFX looks for @Start only among the test class's own methods, so the base opens the window on the stage
    // that ApplicationExtension registered, before the subclass's own @BeforeEach methods run.
    @BeforeEach
    void openWindow() throws Exception {
        runs = Files.createTempDirectory("runs");
        Path data = data();
        FxToolkit.setupStage(stage -> {
            try {
                window = open(stage, runs, data);
                opened(stage);
            } catch (Exception e) {
                throw new IllegalStateException("the window did not open", e);
            }
        });
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(window::stopTraining);
        waitUntil(() -> !window.trainModel().runningProperty().get(), 30);
    }

    /** Shows the real main window on {@code stage} with a tiny config, loading {@code data}. */
    static MainWindow open(Stage stage, Path runs, Path data) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Preferences prefs = Preferences.userRoot().node("org/collapselab/test-" + System.nanoTime());
        AppContext context = new AppContext(prefs, runs);
        context.configProperty().set(tinyConfig(1));
        MainWindow window = new MainWindow(context, false);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(CollapseLabApp.class.getResource("app.css").toExternalForm());
        window.install(scene);
        stage.setScene(scene);
        stage.show();
        window.modelScreen().apply(tinyConfig(1));
        window.loadDataset(data);
        return window;
    }

    /** A small CNN on 16-pixel grey images, fast enough for a GUI test to train. */
    static ExperimentConfig tinyConfig(int epochs) throws Exception {
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("name=gui-test", "data.imageSize=16",
                "data.channels=1", "training.batchSize=8", "training.epochs=" + epochs,
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]"));
    }

    /** {@link #tinyConfig} where a lambda cannot throw. */
    static ExperimentConfig uncheckedConfig(int epochs) {
        try {
            return tinyConfig(epochs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for background work (loading, training) without holding the FX thread; fails after {@code seconds}. */
    static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
