package org.collapselab.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Opens the real app on the runs folder {@code collapselab.runs} names and saves the Runs screen with its first run
 * selected (the "Try the model" button enabled) and the window that button opens: OUT_DIR/runs-try-button.png and
 * OUT_DIR/runs-try-window.png. Headless like {@link RunsScreenshots}. Not a test.
 */
public final class TryButtonsScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        System.setProperty("collapselab.prefs", "org/collapselab/try-buttons-screenshots");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/try-buttons-screenshots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        Thread.sleep(3000);
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(4));
        @SuppressWarnings("unchecked")
        TableView<Object> table = (TableView<Object>) window.root().lookup("#runsTable");
        ScreenshotTour.waitFor(() -> !table.getItems().isEmpty(), 90);
        Thread.sleep(2500); // the tab's own refresh replaces the rows
        ScreenshotTour.fx(() -> table.getSelectionModel().select(0));
        Thread.sleep(1000);
        ScreenshotTour.shoot(Window.getWindows().get(0), out.resolve("runs-try-button.png"));
        ScreenshotTour.fx(() -> ((javafx.scene.control.Button) window.root().lookup("#tryRunModel")).fire());
        ScreenshotTour.waitFor(() -> Window.getWindows().size() >= 2, 30);
        Thread.sleep(5000);
        ScreenshotTour.shoot(Window.getWindows().get(Window.getWindows().size() - 1), out.resolve("runs-try-window.png"));
        javafx.application.Platform.exit();
        System.exit(0);
    }
}
