package org.collapselab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column of a table at least as wide as its header's text, so larger text (View → Text size) widens the
 * columns, and the table scrolls sideways, instead of cutting a header such as "Images" to "Ima…". FX thread.
 */
public final class TableHeaders {
    private static final double PADDING = 14;
    private static final String SCALE = "collapselab.textScale";

    private TableHeaders() {
    }

    public static void keepWhole(TableView<?> table) {
        // After each layout the headers carry the current font; a changed minimum asks for one more layout.
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                fit(table);
            }
        });
    }

    private static void fit(TableView<?> table) {
        scaleWithText(table);
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && table.getVisibleLeafColumns().contains(header.getTableColumn())) {
                Node label = header.lookup(".label");
                // A header may show a graphic of its own (a label with a tooltip) instead of its text.
                if (label instanceof Label text && (text.getText() != null && !text.getText().isEmpty()
                        || text.getGraphic() instanceof Label)) {
                    double needed = Math.ceil(text.prefWidth(-1) + PADDING);
                    if (Math.abs(header.getTableColumn().getMinWidth() - needed) > 0.5) {
                        header.getTableColumn().setMinWidth(needed);
                    }
                }
            }
        }
    }

    /**
     * Column widths are set in pixels for 100 % text; at a larger text size each column grows by the same factor
     * (once per size, so a column the user widened keeps its share), so that run names and dates are not cut to "…".
     */
    private static void scaleWithText(TableView<?> table) {
        if (table.getScene() == null) {
            return;
        }
        double scale = TextSize.current(table.getScene()) / 100.0;
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            double scaled = column.getProperties().get(SCALE) instanceof Double d ? d : 1.0;
            if (Math.abs(scale - scaled) > 0.01) {
                column.setPrefWidth(column.getPrefWidth() * scale / scaled);
                column.getProperties().put(SCALE, scale);
            }
        }
    }
}
