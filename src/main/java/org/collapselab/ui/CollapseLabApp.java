package org.collapselab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window on the sample data (or the last dataset) and
 * remembers the window size. Composition happens in {@link MainWindow}.
 */
public final class CollapseLabApp extends Application {
    static final String PREFERENCES_NODE = "org/collapselab";
    /** The last window shown; read by the GUI tests and the screenshot tour. */
    static volatile MainWindow lastWindow;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CollapseLabApp.class);
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        long started = System.nanoTime();
        Preferences preferences = Preferences.userRoot().node(System.getProperty("collapselab.prefs", PREFERENCES_NODE));
        boolean dark = preferences.getBoolean("dark", false);
        setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        context = new AppContext(preferences, Path.of(System.getProperty("collapselab.runs", "runs")));
        window = new MainWindow(context, dark);
        lastWindow = window;
        // Kept inside the screen: with -Dglass.gtk.uiScale=2 the default 1360×860 would be twice the screen's size.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(preferences.getDouble("width", 1360), screen.getWidth()),
                Math.min(preferences.getDouble("height", 860), screen.getHeight()));
        scene.getStylesheets().add(CollapseLabApp.class.getResource("app.css").toExternalForm());
        window.install(scene);
        stage.setTitle("Collapse Lab");
        stage.getIcons().add(new javafx.scene.image.Image(CollapseLabApp.class.getResourceAsStream("icon.png")));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            preferences.putDouble("width", scene.getWidth());
            preferences.putDouble("height", scene.getHeight());
        });
        stage.show();
        long sinceJvmStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("window shown {} ms after the JVM started ({} ms in start())", sinceJvmStart,
                (System.nanoTime() - started) / 1_000_000);
        Path initial = initialDataset(preferences);
        if (initial != null) {
            window.loadDataset(initial);
        }
        window.initialiseBackend();
        if (FirstRunTour.showAtStart(preferences)) {
            window.showTour();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stopTraining();
        }
        if (context != null) {
            context.shutdown();
        }
    }

    private static Path initialDataset(Preferences preferences) {
        String last = preferences.get("lastDataset", null);
        if (last != null && (Files.isDirectory(Path.of(last)) || Files.isRegularFile(Path.of(last))
                && org.collapselab.core.experiment.TableExperiment.isCsv(Path.of(last)))) {
            return Path.of(last);
        }
        Path sample = AppContext.sampleDataDirectory().resolve("shapes");
        return Files.isDirectory(sample) ? sample : null;
    }
}
