package org.collapselab.ui.help;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Learn more" about a finding: the app's copy of the findings catalogue (docs/diagnostics.md, bundled in the jar),
 * rendered in a window of its own and scrolled to the finding's section. One window, reused. FX thread.
 */
public final class LearnMore {
    private static Stage stage;
    private static MarkdownView view;

    private LearnMore() {
    }

    /** A "Learn more" button that opens {@code findingId}'s section. */
    public static Button button(String findingId) {
        Button button = new Button("Learn more", new FontIcon(Feather.BOOK_OPEN));
        button.setId("learnMore-" + findingId);
        button.getStyleClass().add("flat");
        button.setTooltip(new javafx.scene.control.Tooltip("What this finding means and what to try: opens its section of the diagnostics guide"));
        button.setAccessibleText("Learn more about " + findingId);
        button.setOnAction(e -> show(button.getScene() == null ? null : button.getScene().getWindow(), findingId));
        return button;
    }

    /** Opens (or brings forward) the guide at {@code findingId}'s section; returns the view, for tests. */
    public static MarkdownView show(Window owner, String findingId) {
        if (stage == null) {
            view = new MarkdownView(MarkdownDocument.diagnostics());
            stage = new Stage();
            Scene scene = new Scene(view, 900, 700);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    stage.hide();
                }
            });
            stage.setScene(scene);
        }
        stage.setTitle("Learn more: " + findingId + " — Collapse Lab diagnostics guide");
        stage.show();
        stage.toFront();
        view.scrollTo(findingId);
        return view;
    }

    /** The window, when one was opened (tests). */
    static Stage stage() {
        return stage;
    }
}
