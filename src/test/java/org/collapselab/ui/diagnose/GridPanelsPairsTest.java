package org.collapselab.ui.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.checks.DuplicateImagesCheck;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class GridPanelsPairsTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VBox(), 200, 100));
        stage.show();
    }

    private static FlowPane panels(ChartData chart) throws Exception {
        CompletableFuture<Node> node = new CompletableFuture<>();
        Platform.runLater(() -> node.complete(GridPanels.of(chart)));
        return (FlowPane) ((VBox) node.get(10, TimeUnit.SECONDS)).getChildren().get(1);
    }

    private static String name(Node panel) {
        return ((Label) ((VBox) panel).getChildren().get(1)).getText();
    }

    @Test
    void duplicatePairsSitSideBySideWithTheirFileNames() throws Exception {
        ChartData chart = ChartData.grid(DuplicateImagesCheck.PAIRS_CHART, ChartData.Kind.IMAGE_GRID, "pairs", "grey")
                .panel("a/one.png", new double[16]).panel("b/one-copy.png (exact, other label)", new double[16])
                .panel("a/two.png", new double[16]).panel("a/two-large.png (near, 2 bits, same class)", new double[16])
                .build();
        FlowPane panels = panels(chart);
        assertEquals(2, panels.getChildren().size(), "one row per pair");
        HBox first = (HBox) panels.getChildren().get(0);
        assertEquals(List.of("a/one.png", "b/one-copy.png (exact, other label)"),
                first.getChildren().stream().map(GridPanelsPairsTest::name).toList());
    }

    @Test
    void otherGridsKeepOnePanelPerSeries() throws Exception {
        ChartData chart = ChartData.grid("class-mean-images", ChartData.Kind.IMAGE_GRID, "means", "grey")
                .panel("circle", new double[16]).panel("square", new double[16]).panel("triangle", new double[16])
                .build();
        FlowPane panels = panels(chart);
        assertEquals(3, panels.getChildren().size());
        assertTrue(panels.getChildren().stream().allMatch(n -> n instanceof VBox));
    }
}
