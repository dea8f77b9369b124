package org.vireo.ui.common;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Every dialog of the app is made here, so each has its owner (it opens over its window, not in a
 * corner of the screen) and confirmations and errors look alike: a title, a header saying what it
 * is about, wrapped text, and buttons named for what they do.
 */
public final class Dialogs {

    private static final double TEXT_WIDTH = 480;

    private Dialogs() {
    }

    /** An empty dialog over {@code owner}, for a form of the caller's own. */
    public static Dialog<ButtonType> form(Window owner, String title, String header) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }

    /** An alert over {@code owner}; {@code text} (may be null) is its content, wrapped by the dialog. */
    public static Alert alert(Window owner, Alert.AlertType type, String title, String header, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
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

    /** Text that wraps at a readable width. */
    public static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(TEXT_WIDTH);
        label.getStyleClass().add("dialog-text");
        return label;
    }
}
