package org.vireo.ui.common;

import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Every dialog of the app is made here, so each has its owner (it opens over its window, not in a
 * corner of the screen) and confirmations and errors look alike: a title, a header saying what it
 * is about, wrapped text, and buttons named for what they do.
 */
public final class Dialogs {

    private static final double TEXT_WIDTH = 480;

    private Dialogs() {
    }

    /**
     * Centres a dialog on its owner once it is shown and sized. JavaFX places it before the window
     * manager has mapped it, and openbox (as other window managers) then puts it at the screen's
     * top-left corner with its title bar off the screen; a move after showing is honoured.
     */
    public static void keepOver(Dialog<?> dialog, Window owner) {
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);   // the window manager keeps the whole content
        wrapHeader(dialog);
        if (owner == null) {
            return;
        }
        dialog.setOnShown(e -> centreWhenShown(dialog.getDialogPane().getScene().getWindow(), owner));
    }

    /** As {@link #keepOver(Dialog, Window)}, for a window of its own (the wizard). */
    public static void keepOver(Stage stage, Window owner) {
        if (owner != null) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> centreWhenShown(stage, owner));
        }
    }

    private static void centreWhenShown(Window window, Window owner) {
        Runnable centre = () -> {
            Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                    .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            double x = owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
            double y = owner.getY() + (owner.getHeight() - window.getHeight()) / 2;
            window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - window.getWidth())));
            window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - window.getHeight())));
        };
        centre.run();
        // The window manager may place it once more when it maps it, late on a loaded machine: any
        // move in the first second is undone, and a move into the screen's corner (where openbox
        // puts a window it was not told where to put) for some seconds more; the user's own moves stay.
        long shownAt = System.nanoTime();
        boolean[] moving = {false};
        InvalidationListener[] replaced = new InvalidationListener[1];
        replaced[0] = obs -> {
            long age = System.nanoTime() - shownAt;
            if (age > 8_000_000_000L) {
                window.xProperty().removeListener(replaced[0]);
                window.yProperty().removeListener(replaced[0]);
            } else if (!moving[0] && !centred(window, owner) && (age < 1_000_000_000L || inCorner(window))) {
                moving[0] = true;   // our own setX/setY come back here
                try {
                    centre.run();
                } finally {
                    moving[0] = false;
                }
            }
        };
        window.xProperty().addListener(replaced[0]);
        window.yProperty().addListener(replaced[0]);
        // A window manager's placement does not always come back as a move (openbox may map the window
        // where it was before JavaFX's move): it is looked at again a few times, and brought back from the corner.
        Timeline again = new Timeline();
        for (double seconds : new double[] {0.2, 0.5, 1, 2, 4}) {
            again.getKeyFrames().add(new KeyFrame(Duration.seconds(seconds), e -> {
                if (window.isShowing() && inCorner(window) && !centred(window, owner)) {
                    centre.run();
                }
            }));
        }
        again.play();
    }

    private static boolean inCorner(Window window) {
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1)
                .stream().findFirst().orElse(Screen.getPrimary()).getBounds();
        return window.getX() <= screen.getMinX() + 2 && window.getY() <= screen.getMinY() + 2;
    }

    private static boolean centred(Window window, Window owner) {
        return Math.abs(window.getX() + window.getWidth() / 2 - owner.getX() - owner.getWidth() / 2) <= 2
                && Math.abs(window.getY() + window.getHeight() / 2 - owner.getY() - owner.getHeight() / 2) <= 2;
    }

    /** An empty dialog over {@code owner}, for a form of the caller's own. */
    public static Dialog<ButtonType> form(Window owner, String title, String header) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        keepOver(dialog, owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }

    /** An alert over {@code owner}; {@code text} (may be null) is its content, wrapped by the dialog. */
    public static Alert alert(Window owner, Alert.AlertType type, String title, String header, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        keepOver(alert, owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(text);
        return alert;
    }

    /** An alert whose content is {@code content} (a label with an id, a list): over {@code owner}. */
    public static Alert alert(Window owner, Alert.AlertType type, String title, String header, Node content) {
        Alert alert = alert(owner, type, title, header, (String) null);
        alert.getDialogPane().setContent(content);
        return alert;
    }

    /** Shows an error and returns at once; {@code text} is the reason, in the words of whoever refused. */
    public static Alert error(Window owner, String title, String header, String text) {
        Alert alert = alert(owner, Alert.AlertType.ERROR, title, header, text);
        alert.show();
        return alert;
    }

    /**
     * Asks to confirm an action and waits; true when the user chose it. The action's button says what
     * it does ({@code actionText}); Cancel is the other, and the default (Enter cancels).
     *
     * @param content what the action does or loses: text, or a node with choices (checkboxes)
     */
    public static boolean confirm(Window owner, String paneId, String title, String header, Node content, String actionText) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, title, header, content);
        return ask(alert, paneId, actionText);
    }

    /** {@link #confirm(Window, String, String, String, Node, String)} whose action's button says what the choices in {@code content} make of it. */
    public static boolean confirm(Window owner, String paneId, String title, String header, Node content, ObservableValue<String> actionText) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, title, header, content);
        return ask(alert, paneId, actionText.getValue(), actionText);
    }

    /** {@link #confirm(Window, String, String, String, Node, String)} with plain text. */
    public static boolean confirm(Window owner, String paneId, String title, String header, String text, String actionText) {
        return ask(alert(owner, Alert.AlertType.CONFIRMATION, title, header, text), paneId, actionText);
    }

    private static boolean ask(Alert alert, String paneId, String actionText) {
        return ask(alert, paneId, actionText, null);
    }

    private static boolean ask(Alert alert, String paneId, String actionText, ObservableValue<String> liveText) {
        if (paneId != null) {
            alert.getDialogPane().setId(paneId);
        }
        ButtonType action = actionText == null ? ButtonType.OK : new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, action);
        // What is confirmed here loses something (a VM, its disks, a connection, what changed since a snapshot):
        // Enter cancels, and the action takes a deliberate click (or Tab to it and Space).
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        actionButton.setDefaultButton(false);
        if (liveText != null) {
            actionButton.textProperty().bind(liveText);
        }
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == action;
    }

    /** A long header (a 250-character VM name) wraps instead of widening the dialog to the screen. */
    private static void wrapHeader(Dialog<?> dialog) {
        // DialogPane makes its header label on its first layout, so it can only be reached once showing.
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWING, event -> {
            dialog.getDialogPane().applyCss();
            if (dialog.getDialogPane().lookup(".header-panel .label") instanceof Label header) {
                header.setWrapText(true);
                header.setMaxWidth(TEXT_WIDTH + 80);
                header.setMinHeight(Region.USE_PREF_SIZE);
            }
        });
    }

    /** Text that wraps at a readable width. */
    public static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(TEXT_WIDTH);
        // Never shorter than its wrapped text: a window manager sizes the dialog from its minimum,
        // and a wrapped label's minimum is otherwise one line and an ellipsis.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("dialog-text");
        return label;
    }
}
