package org.vireo.ui.main;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;
import org.vireo.ui.connection.ConnectionDialog;

/** The connection dialogs of the main window: add, edit, remove, and the alerts and failures its view model reports. */
final class ConnectionsView {

    private final ConnectionsViewModel connections;
    private final Messages messages;
    private final Supplier<Window> window;

    ConnectionsView(ConnectionsViewModel connections, Messages messages, Supplier<Window> window) {
        this.connections = connections;
        this.messages = messages;
        this.window = window;
        connections.onHostKeyAlert(this::showHostKeyAlert);
        // A refused save: its cause, then the dialog again with what was typed.
        connections.onSaveFailed(failed -> {
            Alert error = Dialogs.error(window.get(), messages.get("connection.failed.title"), null, failed.message());
            error.setOnHidden(e -> ConnectionDialog.show(window.get(), messages, connections.dialogFor(failed.typed()), failed.editing() != null)
                    .ifPresent(result -> connections.save(failed.editing(), result)));
        });
        connections.failureProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                Dialogs.error(window.get(), messages.get("connection.failed.title"), null, now);
            }
        });
    }

    /** Adds a connection ({@code row} null) or edits one. */
    void edit(NodeRow row) {
        ConnectionDialog.show(window.get(), messages, connections.dialogFor(row), row != null)
                .ifPresent(result -> connections.save(row, result));
    }

    void remove(NodeRow row) {
        if (Dialogs.confirm(window.get(), null, messages.get("connection.remove.title"),
                messages.get("connection.remove.header", row.ref().name()),
                messages.get("connection.remove.text", row.ref().name(), row.ref().uri()), null)) {
            connections.remove(row);
        }
    }

    /** A changed host key, said once per change; not while a login dialog already shows the same warning. */
    private void showHostKeyAlert(ConnectionsViewModel.HostKeyAlert alert) {
        boolean alreadyShown = Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#hostKeyChangedText") != null);
        if (!alreadyShown) {
            Label text = Dialogs.wrapped(messages.get("connection.hostkey.changed", alert.nodeName(), alert.detail()));
            text.setId("hostKeyChangedText");
            Dialogs.alert(window.get(), Alert.AlertType.ERROR, messages.get("ssh.hostkey.changed.title"),
                    messages.get("ssh.hostkey.changed.header", alert.nodeName()), text).show();
        }
    }
}
