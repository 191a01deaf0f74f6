package org.collapselab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Opens the real app on the runs folder of the working directory, shows the Runs screen and a comparison of the
 * runs whose names end with the given RUN_NAMEs (else the first three), and saves both as screenshots. Run it from
 * a folder whose runs/ holds a few CLI runs (assets/runs-table.png and assets/compare.png came from four
 * {@code train --data sample-data/shapes-imbalanced --set data.imageSize=32 --epochs 5} runs with different
 * {@code --set training.learningRate / data.balance}), under Xvfb or headless Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1440x900-32
 * -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.collapselab.ui.RunsScreenshots OUT_DIR [RUN_NAME...]}.
 * Not a test.
 */
public final class RunsScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        List<String> compared = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        System.setProperty("collapselab.prefs", "org/collapselab/runs-screenshots");
        java.util.prefs.Preferences.userRoot().node("org/collapselab/runs-screenshots").clear();
        new Thread(() -> Application.launch(CollapseLabApp.class), "fx-launch").start();
        ScreenshotTour.waitFor(() -> CollapseLabApp.lastWindow != null, 60);
        MainWindow window = CollapseLabApp.lastWindow;
        Thread.sleep(3000);
        ScreenshotTour.fx(() -> window.tabs().getSelectionModel().select(4));
        @SuppressWarnings("unchecked")
        TableView<org.collapselab.core.experiment.runs.RunSummary> table =
                (TableView<org.collapselab.core.experiment.runs.RunSummary>) window.root().lookup("#runsTable");
        ScreenshotTour.waitFor(() -> table.getItems().size() >= 3, 60);
        Thread.sleep(2000); // the tab's own refresh
        ScreenshotTour.fx(() -> {
            TableColumn<org.collapselab.core.experiment.runs.RunSummary, ?> start = table.getColumns().stream()
                    .filter(c -> "colStart".equals(c.getId())).findFirst().orElseThrow();
            start.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(start);
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                String name = table.getItems().get(i).name();
                if (compared.isEmpty() ? i < 3 : compared.stream().anyMatch(name::endsWith)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        Thread.sleep(1500);
        ScreenshotTour.shoot(Window.getWindows().get(0), out.resolve("runs-table.png"));
        ScreenshotTour.fx(() -> ((Button) window.root().lookup("#compareRuns")).fire());
        ScreenshotTour.waitFor(() -> Window.getWindows().size() >= 2, 30);
        Thread.sleep(2500);
        ScreenshotTour.shoot(Window.getWindows().get(Window.getWindows().size() - 1), out.resolve("compare.png"));
        Platform.exit();
        System.exit(0);
    }
}
