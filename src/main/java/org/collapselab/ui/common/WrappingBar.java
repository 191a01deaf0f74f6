package org.collapselab.ui.common;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A toolbar that wraps its left-hand controls onto a second line when they do not fit (large text, a narrow window)
 * instead of hiding them in JavaFX's » overflow menu, where a user does not look for them; the right-hand group
 * stays whole at the right. FX thread.
 */
public final class WrappingBar {
    private WrappingBar() {
    }

    public static HBox of(String id, List<? extends Node> left, List<? extends Node> right) {
        FlowPane flow = new FlowPane(6, 4);
        flow.getChildren().setAll(left);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setMinWidth(0);
        flow.setId(id + "Controls");
        HBox group = new HBox(6);
        group.getChildren().setAll(right);
        group.setAlignment(Pos.CENTER_RIGHT);
        group.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, flow, group);
        HBox.setHgrow(flow, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        // The theme's toolbar look without ToolBar's overflow: its rules select ".tool-bar > .container > .button".
        bar.getStyleClass().add("tool-bar");
        flow.getStyleClass().add("container");
        group.getStyleClass().add("container");
        bar.setId(id);
        return bar;
    }
}
