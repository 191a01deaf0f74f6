package org.collapselab.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Scene;

/**
 * The text size of the whole window (View menu: 100, 125, 150 or 200 %), kept in the preferences. Everything in the
 * app's stylesheets is sized in em, so one font size on the root scales the layout with it; tooltips and text-field
 * menus set their own 14 px in the theme and are scaled too. {@code -Dcollapselab.textSize=200} overrides the
 * preference for one start (screenshots); {@code -Dglass.gtk.uiScale} scales everything, pixels included, on top.
 */
public final class TextSize {
    public static final List<Integer> CHOICES = List.of(100, 125, 150, 200);
    public static final String PREFERENCE = "textSize";
    /** The theme's (AtlantaFX Primer) root font size. */
    static final double BASE_PX = 14;
    private static final String STYLESHEET_PREFIX = "data:text/css;base64,";

    private TextSize() {
    }

    /** The size to start with: the system property, else the preference, else 100; unknown values become 100. */
    public static int initial(Preferences preferences) {
        String forced = System.getProperty("collapselab.textSize");
        int percent = forced != null ? parse(forced) : preferences.getInt(PREFERENCE, 100);
        return CHOICES.contains(percent) ? percent : 100;
    }

    /** Sets {@code percent} on {@code scene}, replacing an earlier size. FX thread. */
    public static void apply(Scene scene, int percent) {
        scene.getStylesheets().removeIf(s -> s.startsWith(STYLESHEET_PREFIX));
        if (percent != 100) {
            scene.getStylesheets().add(stylesheet(percent));
        }
    }

    /** The size set on {@code scene}, in percent. */
    public static int current(Scene scene) {
        return scene.getStylesheets().stream().filter(s -> s.startsWith(STYLESHEET_PREFIX)).findFirst()
                .map(s -> new String(Base64.getDecoder().decode(s.substring(STYLESHEET_PREFIX.length())),
                        StandardCharsets.UTF_8))
                .map(css -> (int) Math.round(Double.parseDouble(css.substring(css.indexOf(':') + 1, css.indexOf("px")))
                        / BASE_PX * 100))
                .orElse(100);
    }

    static String stylesheet(int percent) {
        String px = String.format(Locale.ROOT, "%.1fpx", BASE_PX * percent / 100.0);
        String css = ".root{-fx-font-size:" + px + ";}.tooltip{-fx-font-size:" + px + ";}"
                + ".text-input .context-menu{-fx-font-size:" + px + ";}";
        return STYLESHEET_PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim().replace("%", ""));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
