package org.collapselab.ui.help;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * One-line help on controls and their names for screen readers. {@link #tip} gives a control its tooltip;
 * {@link #nameAll} gives every control without an accessible name the words a sighted user reads for it: its own
 * text, the label that names it, its prompt, else the first sentence of its help.
 */
public final class Help {
    private static final String NAMING = "collapselab.naming";

    private Help() {
    }

    /** Sets {@code help} as the tooltip of {@code control} and returns the control. */
    public static <T extends Control> T tip(T control, String help) {
        Tooltip tooltip = new Tooltip(help);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        control.setTooltip(tooltip);
        return control;
    }

    /** Whether a user acts on {@code node}: the controls that need help and a name (labels and charts do not). */
    public static boolean isInteractive(Node node) {
        return node instanceof ButtonBase || node instanceof TextInputControl || node instanceof Slider
                || node instanceof ComboBoxBase || node instanceof ChoiceBox || node instanceof Spinner;
    }

    /** Names every unnamed interactive control under {@code root} (see the class comment). FX thread. */
    public static void nameAll(Parent root) {
        walk(root);
    }

    /**
     * Keeps {@link #nameAll} applied to {@code scene} as screens add controls (finding cards, dialogs' rows): after a
     * layout pulse, at most every half second.
     */
    public static void keepNamed(Scene scene) {
        if (scene.getProperties().containsKey(NAMING)) {
            return;
        }
        long[] last = {0};
        Runnable pass = () -> {
            long now = System.nanoTime();
            if (now - last[0] > 500_000_000L && scene.getRoot() != null) {
                last[0] = now;
                nameAll(scene.getRoot());
            }
        };
        scene.getProperties().put(NAMING, pass);
        scene.addPostLayoutPulseListener(pass);
    }

    /** {@link #keepNamed} on the main scene and on every window the app opens later (dialogs, Try the model, …). */
    public static void nameEveryWindow(Scene main) {
        keepNamed(main);
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) change -> {
            while (change.next()) {
                for (javafx.stage.Window window : change.getAddedSubList()) {
                    if (window.getScene() != null) {
                        keepNamed(window.getScene());
                        nameAll(window.getScene().getRoot());
                    }
                }
            }
        });
    }

    private static void walk(Node node) {
        if (node instanceof Control control && isInteractive(node) && control.getAccessibleText() == null) {
            String name = nameOf(control);
            if (name != null && !name.isBlank()) {
                control.setAccessibleText(name);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
    }

    private static String nameOf(Control control) {
        if (control instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return labeled.getText().replace("_", "").replace("…", "").strip();
        }
        Label label = labelFor(control);
        if (label != null) {
            return label.getText();
        }
        if (control instanceof TextInputControl text && text.getPromptText() != null && !text.getPromptText().isBlank()) {
            return text.getPromptText();
        }
        if (control instanceof ComboBoxBase<?> combo && combo.getPromptText() != null && !combo.getPromptText().isBlank()) {
            return combo.getPromptText();
        }
        if (control.getTooltip() != null && control.getTooltip().getText() != null) {
            return firstSentence(control.getTooltip().getText());
        }
        return null;
    }

    /** A sibling label set up with {@code labelFor}, or the label just before the control (or its row box) in its pane. */
    private static Label labelFor(Control control) {
        if (control.getParent() != null) {
            for (Node sibling : control.getParent().getChildrenUnmodifiable()) {
                if (sibling instanceof Label label && label.getLabelFor() == control) {
                    return label;
                }
            }
        }
        Node row = control;
        for (int up = 0; up < 2 && row.getParent() != null; up++) {
            Parent parent = row.getParent();
            var children = parent.getChildrenUnmodifiable();
            int at = children.indexOf(row);
            if (at > 0 && children.get(at - 1) instanceof Label label && label.getText() != null
                    && !label.getText().isBlank() && label.getText().length() < 60) {
                return label;
            }
            if (parent instanceof javafx.scene.layout.GridPane) {
                Integer r = javafx.scene.layout.GridPane.getRowIndex(row);
                for (Node other : children) {
                    if (other instanceof Label label && java.util.Objects.equals(javafx.scene.layout.GridPane.getRowIndex(other), r)
                            && javafx.scene.layout.GridPane.getColumnIndex(other) != null
                            && javafx.scene.layout.GridPane.getColumnIndex(other) == 0 && other != row) {
                        return label;
                    }
                }
            }
            if (!(parent instanceof javafx.scene.layout.HBox)) {
                break;
            }
            row = parent;
        }
        return null;
    }

    static String firstSentence(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        int stop = line.indexOf(". ");
        return stop > 0 ? line.substring(0, stop) : line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
