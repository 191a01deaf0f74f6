package org.collapselab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application (placeholder window until the workbench lands). */
public final class CollapseLabApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Collapse Lab");
        stage.setScene(new Scene(new Label("Collapse Lab"), 800, 600));
        stage.show();
    }
}
