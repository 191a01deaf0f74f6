package org.collapselab.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A four-callout tour (Data → Model → Train → Diagnose) shown over the tabs on the first start. Closing it, or
 * finishing it, stores {@link #SEEN} so it never comes back by itself; Help → "Show the tour" reopens it. It never
 * opens by itself in tests or the screenshot tools: those use their own preferences node (see {@link #showAtStart}).
 * FX thread.
 */
final class FirstRunTour {
    static final String SEEN = "tourSeen";
    /** {@code always}, {@code never}, or unset: the first start with the user's own preferences. */
    static final String PROPERTY = "collapselab.tour";

    record Stop(int tab, String title, String text) {
    }

    static final List<Stop> STOPS = List.of(
            new Stop(0, "1 of 4 · Data", "Your images or CSV rows. Drop a folder with one sub-folder per class, or a "
                    + ".csv file, anywhere on the window, or press Ctrl+O. This tab shows the classes, how many examples "
                    + "each has, and anything odd in the data."),
            new Stop(1, "2 of 4 · Model", "The network and how it is trained. Change a field or a layer here; "
                    + "Ctrl+Z undoes any change."),
            new Stop(2, "3 of 4 · Train", "Press Train (Ctrl+Enter). Watch the predicted share per class as it "
                    + "trains: one tall bar means the model predicts one class for everything."),
            new Stop(3, "4 of 4 · Diagnose", "When a run goes wrong, step through the checks here. Each finding shows "
                    + "its evidence and a fix you can apply, then retrain to compare."));

    private final TabPane tabs;
    private final Preferences preferences;
    /** Places the card on every layout pass, so it follows its tab header when the window or text size changes. */
    private final Pane layer = new Pane() {
        @Override
        protected void layoutChildren() {
            place();
        }
    };
    private final VBox card = new VBox(8);
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private final Button close = new Button("_Close tour");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private int at;

    FirstRunTour(TabPane tabs, Preferences preferences) {
        this.tabs = tabs;
        this.preferences = preferences;
        layer.setId("tourLayer");
        // Clicks outside the card reach the window: the tour points, it does not block.
        layer.setPickOnBounds(false);
        layer.setVisible(false);
        layer.setManaged(true);
        title.setId("tourTitle");
        title.getStyleClass().add("tour-title");
        text.setId("tourText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("tourBack");
        next.setId("tourNext");
        close.setId("tourClose");
        back.setOnAction(e -> go(at - 1));
        next.setOnAction(e -> {
            if (at == STOPS.size() - 1) {
                close();
            } else {
                go(at + 1);
            }
        });
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().setAll(title, text, buttons);
        card.setId("tourCard");
        card.getStyleClass().add("tour-card");
        card.setPadding(new Insets(12, 14, 12, 14));
        card.setFillWidth(true);
        layer.getChildren().add(card);
    }

    /** Whether the tour opens by itself at this start. */
    static boolean showAtStart(Preferences preferences) {
        return showAtStart(preferences, preferences.absolutePath().equals("/" + CollapseLabApp.PREFERENCES_NODE),
                System.getProperty(PROPERTY, ""));
    }

    /** {@code usersOwnNode}: the preferences are the user's, not a test's or a screenshot tool's. */
    static boolean showAtStart(Preferences preferences, boolean usersOwnNode, String mode) {
        if (mode.equals("always") || mode.equals("never")) {
            return mode.equals("always");
        }
        return usersOwnNode && !preferences.getBoolean(SEEN, false);
    }

    Node node() {
        return layer;
    }

    ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    int stop() {
        return at;
    }

    void show() {
        layer.setVisible(true);
        showing.set(true);
        go(0);
    }

    void close() {
        layer.setVisible(false);
        showing.set(false);
        preferences.putBoolean(SEEN, true);
    }

    private void go(int index) {
        at = Math.max(0, Math.min(STOPS.size() - 1, index));
        Stop stop = STOPS.get(at);
        tabs.getSelectionModel().select(stop.tab());
        title.setText(stop.title());
        text.setText(stop.text());
        back.setDisable(at == 0);
        next.setText(at == STOPS.size() - 1 ? "_Done" : "_Next");
        layer.requestLayout();
        // Once more after the headers have settled: the selected tab's header is laid out in the same pass.
        Platform.runLater(() -> {
            layer.requestLayout();
            next.requestFocus();
        });
    }

    /** Under the current tab's header, kept inside the window. */
    private void place() {
        if (!showing.get()) {
            return;
        }
        double width = Math.min(440 * fontScale(), Math.max(200, layer.getWidth() - 16));
        card.setPrefWidth(width);
        card.setMaxWidth(width);
        card.resize(width, card.prefHeight(width));
        double x = 8;
        double y = 40;
        Node header = tabHeader(STOPS.get(at).tab());
        if (header != null && header.getScene() != null) {
            Bounds b = layer.sceneToLocal(header.localToScene(header.getBoundsInLocal()));
            x = b.getMinX();
            y = b.getMaxY() + 10;
        }
        card.relocate(Math.max(8, Math.min(x, layer.getWidth() - width - 8)), y);
    }

    private double fontScale() {
        return card.getScene() == null ? 1 : org.collapselab.ui.common.TextSize.current(card.getScene()) / 100.0;
    }

    /** The header of the main tab {@code index}; the Data screen's own tabs (Thumbnails…) are skipped. */
    private Node tabHeader(int index) {
        var headers = tabs.lookupAll(".tab-header-area .tab").stream().filter(this::ofMainTabs).toList();
        return index < headers.size() ? headers.get(index) : null;
    }

    private boolean ofMainTabs(Node header) {
        Node up = header.getParent();
        while (up != null && !(up instanceof TabPane)) {
            up = up.getParent();
        }
        return up == tabs;
    }
}
