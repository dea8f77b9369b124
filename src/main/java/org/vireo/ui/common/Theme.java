package org.vireo.ui.common;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light or dark, for every window of the app: dialogs, menus and tooltips are windows of their
 * own, so the theme's stylesheet is added to each scene as it appears, and swapped in all of
 * them when the user changes it.
 */
public final class Theme {

    /** What the user chose. */
    public enum Choice {
        LIGHT, DARK, DESKTOP;

        public static Choice parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                return DESKTOP;
            }
        }
    }

    private static final String APP = Theme.class.getResource("/org/vireo/ui/app.css").toExternalForm();
    private static final String DARK = Theme.class.getResource("/org/vireo/ui/dark.css").toExternalForm();
    private static boolean dark;
    private static boolean watching;

    private Theme() {
    }

    /** On the FX thread: applies the choice to every window, now and later; {@code desktopIsDark} answers "follow the desktop". */
    public static void apply(Choice choice, boolean desktopIsDark) {
        dark = choice == Choice.DARK || (choice == Choice.DESKTOP && desktopIsDark);
        if (!watching) {
            watching = true;
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(Theme::watch);
                }
            });
        }
        Window.getWindows().forEach(Theme::watch);
    }

    public static boolean isDark() {
        return dark;
    }

    private static void watch(Window window) {
        style(window.getScene());
        window.sceneProperty().addListener((obs, old, now) -> style(now));
    }

    /** Also for scenes made before their window shows (the main window's). */
    public static void style(Scene scene) {
        if (scene == null) {
            return;
        }
        if (!scene.getStylesheets().contains(APP)) {
            scene.getStylesheets().add(APP);
        }
        if (dark && !scene.getStylesheets().contains(DARK)) {
            scene.getStylesheets().add(DARK);
        } else if (!dark) {
            scene.getStylesheets().remove(DARK);
        }
    }
}
