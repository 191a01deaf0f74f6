package org.collapselab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Window-wide keys for keyboard-only use: Ctrl+1…Ctrl+5 open a tab, Ctrl+Tab and Ctrl+Shift+Tab (also Ctrl+Page Down
 * and Ctrl+Page Up) move between tabs from wherever the focus is, and Enter presses the focused button as Space does.
 * Menus and the main buttons carry mnemonics (Alt+letter). FX thread.
 */
final class KeyboardNavigation {
    private KeyboardNavigation() {
    }

    static void install(Scene scene, TabPane tabs) {
        // A filter, not a handler: text areas and tables use Ctrl+Tab themselves, and the tab must move only once.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            int count = tabs.getTabs().size();
            int selected = tabs.getSelectionModel().getSelectedIndex();
            Integer target = null;
            if (e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                boolean back = e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.TAB && e.isShiftDown();
                target = Math.floorMod(selected + (back ? -1 : 1), count);
            } else if (!e.isShiftDown() && e.getCode().isDigitKey()) {
                int digit = e.getCode().getCode() - KeyCode.DIGIT0.getCode();
                if (digit >= 1 && digit <= count) {
                    target = digit - 1;
                } else if (e.getCode().getCode() >= KeyCode.NUMPAD1.getCode()
                        && e.getCode().getCode() < KeyCode.NUMPAD1.getCode() + count) {
                    target = e.getCode().getCode() - KeyCode.NUMPAD1.getCode();
                }
            }
            if (target != null) {
                tabs.getSelectionModel().select(target);
                focusTabContent(tabs);
                e.consume();
            }
        });
        // JavaFX presses a focused button with Space only; Enter is what most users try first.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            Node focused = scene.getFocusOwner();
            if (focused instanceof MenuButton menu && !menu.isDisabled()) {
                menu.show();
                e.consume();
            } else if (focused instanceof ButtonBase button && !button.isDisabled()) {
                button.fire();
                e.consume();
            }
        });
    }

    /** After a tab switch by key, the focus goes to the tab's header so Tab continues into the tab's content. */
    private static void focusTabContent(TabPane tabs) {
        tabs.requestFocus();
    }
}
