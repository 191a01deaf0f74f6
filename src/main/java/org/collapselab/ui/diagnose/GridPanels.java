package org.collapselab.ui.diagnose;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.checks.DuplicateImagesCheck;

/**
 * Draws a grid {@link ChartData} (one square panel per series, cells row by row) as images: grey for
 * {@link ChartData.Kind#IMAGE_GRID}, red above zero and blue below for {@link ChartData.Kind#HEAT_GRID}, scaled to the
 * largest cell of the chart so the panels compare. FX thread.
 */
final class GridPanels {
    static final int PANEL = 128;

    private GridPanels() {
    }

    static Node of(ChartData data) {
        double peak = 1e-9;
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                peak = Math.max(peak, Math.abs(p.y()));
            }
        }
        FlowPane panels = new FlowPane(14, 8);
        // Example pairs (an image and its copy) stay together, side by side, one pair a row.
        boolean pairs = DuplicateImagesCheck.PAIRS_CHART.equals(data.id());
        if (pairs) {
            panels.setOrientation(javafx.geometry.Orientation.VERTICAL);
            panels.setPrefWrapLength(Double.MAX_VALUE);
        }
        HBox pair = null;
        for (ChartData.Series s : data.series()) {
            ImageView view = new ImageView(image(s, data.kind(), peak));
            view.setFitWidth(PANEL);
            view.setFitHeight(PANEL);
            view.setSmooth(data.kind() == ChartData.Kind.HEAT_GRID);
            Label name = new Label(s.name());
            name.setWrapText(true);
            name.setMaxWidth(pairs ? 2 * PANEL : Double.MAX_VALUE);
            VBox panel = new VBox(2, view, name);
            if (!pairs) {
                panels.getChildren().add(panel);
            } else if (pair == null) {
                pair = new HBox(10, panel);
                pair.getStyleClass().add("duplicate-pair");
                panels.getChildren().add(pair);
            } else {
                pair.getChildren().add(panel);
                pair = null;
            }
        }
        Label title = new Label(data.title());
        title.getStyleClass().add("chart-title-label");
        title.setWrapText(true);
        title.setMaxWidth(560);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, title, panels);
        box.setId("chart-" + data.id());
        box.getStyleClass().add("step-chart");
        box.setPadding(new Insets(6));
        return box;
    }

    static WritableImage image(ChartData.Series series, ChartData.Kind kind, double peak) {
        int side = Math.max(1, (int) Math.round(Math.sqrt(series.points().size())));
        WritableImage image = new WritableImage(side, side);
        PixelWriter writer = image.getPixelWriter();
        for (ChartData.Point p : series.points()) {
            int i = (int) p.x();
            int argb;
            if (kind == ChartData.Kind.IMAGE_GRID) {
                int v = (int) Math.max(0, Math.min(255, Math.round(p.y())));
                argb = 0xFF000000 | v << 16 | v << 8 | v;
            } else {
                double a = Math.min(1, Math.abs(p.y()) / peak);
                // Over white, so a weak cell fades out rather than darkening.
                int strength = (int) Math.round(255 * a);
                argb = p.y() >= 0 ? 0xFF000000 | 255 << 16 | (255 - strength) << 8 | (255 - strength)
                        : 0xFF000000 | (255 - strength) << 16 | (255 - strength) << 8 | 255;
            }
            if (i / side < side) {
                writer.setArgb(i % side, i / side, argb);
            }
        }
        return image;
    }
}
