package org.collapselab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column of a table at least as wide as its header's text, so larger text (View → Text size) widens the
 * columns, and the table scrolls sideways, instead of cutting a header such as "Images" to "Ima…". FX thread.
 */
public final class TableHeaders {
    private static final double PADDING = 14;

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
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && table.getVisibleLeafColumns().contains(header.getTableColumn())) {
                Node label = header.lookup(".label");
                if (label instanceof Label text && text.getText() != null && !text.getText().isEmpty()) {
                    double needed = Math.ceil(text.prefWidth(-1) + PADDING);
                    if (Math.abs(header.getTableColumn().getMinWidth() - needed) > 0.5) {
                        header.getTableColumn().setMinWidth(needed);
                    }
                }
            }
        }
    }
}
