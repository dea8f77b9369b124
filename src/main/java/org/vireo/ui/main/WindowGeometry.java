package org.vireo.ui.main;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Where the main window was and how it was split: restored at start, read back at close, as plain key/values. */
final class WindowGeometry {

    static final String KEY_X = "window.x";
    static final String KEY_Y = "window.y";
    static final String KEY_WIDTH = "window.width";
    static final String KEY_HEIGHT = "window.height";
    static final String KEY_MAXIMIZED = "window.maximized";
    static final String KEY_SPLIT = "window.split";

    private final Map<String, String> saved;

    WindowGeometry(Map<String, String> saved) {
        this.saved = saved;
    }

    double width() {
        return number(KEY_WIDTH, 1200);
    }

    double height() {
        return number(KEY_HEIGHT, 760);
    }

    /** Places the stage where it was last time, if that is still on a screen, and the split as it was. */
    void restore(Stage stage, SplitPane split) {
        if (saved.containsKey(KEY_X) && saved.containsKey(KEY_Y)) {
            double x = number(KEY_X, 0);
            double y = number(KEY_Y, 0);
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(width(), 100), 40)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        stage.setMaximized(Boolean.parseBoolean(saved.getOrDefault(KEY_MAXIMIZED, "false")));
        split.setDividerPositions(Math.max(0.1, Math.min(0.8, number(KEY_SPLIT, 0.28))));
    }

    /** The geometry to remember, read on the FX thread. */
    static Map<String, String> read(Stage stage, SplitPane split) {
        Map<String, String> state = new HashMap<>();
        state.put(KEY_MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            state.put(KEY_X, Double.toString(stage.getX()));
            state.put(KEY_Y, Double.toString(stage.getY()));
            // The scene's size, which is what the window is made with: the stage's includes the window
            // manager's frame, and a window restored from it grew by the frame at every start.
            state.put(KEY_WIDTH, Double.toString(stage.getScene().getWidth()));
            state.put(KEY_HEIGHT, Double.toString(stage.getScene().getHeight()));
        }
        state.put(KEY_SPLIT, Double.toString(split.getDividerPositions()[0]));
        return state;
    }

    private double number(String key, double fallback) {
        try {
            String value = saved.get(key);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
