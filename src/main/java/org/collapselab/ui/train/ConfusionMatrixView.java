package org.collapselab.ui.train;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.collapselab.core.training.ConfusionMatrix;

/** A confusion-matrix heat map with the counts written in the cells; rows are true classes. FX thread. */
public final class ConfusionMatrixView extends GridPane {
    public ConfusionMatrixView() {
        setId("confusionMatrix");
        getStyleClass().add("confusion-matrix");
        setHgap(2);
        setVgap(2);
        show(null);
    }

    public void show(ConfusionMatrix matrix) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        if (matrix == null) {
            Label empty = new Label("The confusion matrix appears after the first epoch.");
            empty.getStyleClass().add("caption");
            empty.setWrapText(true);
            add(empty, 0, 0);
            return;
        }
        List<String> labels = matrix.labels();
        int n = labels.size();
        int max = 1;
        for (int[] row : matrix.counts()) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        // Two lines, each whole: a narrow first column broke "predicted" in two at 200 % text.
        Label corner = new Label("true ↓ /\npredicted →");
        corner.getStyleClass().add("caption");
        corner.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        corner.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add(corner, 0, 0);
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(90);
        getColumnConstraints().add(first);
        for (int j = 0; j < n; j++) {
            Label header = header(labels.get(j));
            add(header, j + 1, 0);
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.ALWAYS);
            column.setHalignment(HPos.CENTER);
            // As wide as the class name (never narrower than a count): the matrix scrolls sideways instead of
            // printing the names over each other at a large text size.
            column.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getColumnConstraints().add(column);
        }
        getRowConstraints().add(new RowConstraints());
        for (int i = 0; i < n; i++) {
            add(header(labels.get(i)), 0, i + 1);
            RowConstraints row = new RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setMinHeight(24);
            getRowConstraints().add(row);
            for (int j = 0; j < n; j++) {
                int v = matrix.counts()[i][j];
                Label cell = new Label(String.valueOf(v));
                cell.getStyleClass().add("confusion-cell");
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setAlignment(Pos.CENTER);
                double intensity = (double) v / max;
                Color base = i == j ? Color.rgb(31, 136, 61) : Color.rgb(207, 34, 46);
                cell.setBackground(new Background(new BackgroundFill(
                        Color.color(base.getRed(), base.getGreen(), base.getBlue(), 0.08 + 0.8 * intensity),
                        new CornerRadii(3), null)));
                if (intensity > 0.55) {
                    cell.setTextFill(Color.WHITE);
                }
                add(cell, j + 1, i + 1);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text.length() > 12 ? text.substring(0, 11) + "…" : text);
        label.getStyleClass().add("caption");
        // Whole class names; at a large text size the matrix scrolls sideways (TrainScreen) rather than cut them.
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Air between neighbouring names ("circle square", not "circlesquare"), growing with the text size.
        label.setStyle("-fx-padding: 0 0.3em 0 0.3em;");
        return label;
    }
}
