package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NodeFailure;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.SavedConnection;
import org.vireo.service.ConnectionStore;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.NodeMigrationSettings;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.connection.ConnectionDialog;
import org.vireo.ui.connection.ConnectionDialogViewModel;

/**
 * The saved connections as the main window changes them: add, edit, remove, connect and
 * disconnect, which nodes the wizard may use, and when a node's failure deserves an alert. The
 * store is written on its own thread; the window's lists follow on the FX thread. FX thread only.
 */
public final class ConnectionsViewModel {

    /** What the window shows when a node's host key changed: the node and libvirt's or SSH's words. */
    public record HostKeyAlert(String nodeName, String detail) {
    }

    private final MainViewModel main;
    private final ConnectionStore store;
    private final Messages messages;
    private final ServiceCalls calls;
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsViewModel.class);

    private final List<Consumer<HostKeyAlert>> hostKeyAlerts = new ArrayList<>();
    private final List<Consumer<FailedSave>> failedSaves = new ArrayList<>();

    public ConnectionsViewModel(MainViewModel main, ConnectionStore store, Messages messages) {
        this(main, store, messages, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    public ConnectionsViewModel(MainViewModel main, ConnectionStore store, Messages messages, Executor fxThread) {
        this.main = main;
        this.store = store;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        main.nodes().forEach(this::watch);
        main.nodes().addListener((ListChangeListener<NodeRow>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private NodeMigrationSettings migrationSettings;

    /** Where the address other nodes use to reach a node is kept (the window sets it). */
    public void setMigrationSettings(NodeMigrationSettings migrationSettings) {
        this.migrationSettings = migrationSettings;
    }

    /** The dialog's view model: empty for a new connection, filled from {@code row} to edit it. */
    public ConnectionDialogViewModel dialogFor(NodeRow row) {
        ConnectionDialogViewModel dialog = new ConnectionDialogViewModel(store.sshKnownHostsFile(), messages);
        if (row != null) {
            dialog.load(row.ref().name(), row.ref().uri(), true, migrationSettings == null ? "" : migrationSettings.peerAddress(row.ref()));
        }
        return dialog;
    }

    private void keepPeerAddress(NodeRef node, ConnectionDialog.Result result) {
        if (migrationSettings != null) {
            migrationSettings.setPeerAddress(node, result.peerAddress());
        }
    }

    /**
     * Saves what the dialog returned: a new connection is added and connected; an edit that changes
     * only the name renames the node in place (its VMs stay listed, nothing reconnects); an edit of
     * the URI replaces the node's connection. A failed save leaves the window as it was and says why.
     */
    public void save(NodeRow editing, ConnectionDialog.Result result) {
        failure.set("");
        OptionalLong savedId = editing == null ? OptionalLong.empty() : SavedConnection.idOf(editing.ref());
        if (editing != null && savedId.isPresent() && editing.ref().uri().equals(result.uri())) {
            calls.run(() -> store.update(savedId.getAsLong(), result.name(), result.uri(), result.autoconnect()))
                    .onSuccess(ok -> {
                        main.renameNode(editing, result.name());
                        keepPeerAddress(editing.ref(), result);
                    })
                    .onFailure(reason -> saveFailed(editing, result, reason))
                    .start();
            return;
        }
        CompletableFuture<NodeRef> saved = savedId.isPresent()
                ? store.update(savedId.getAsLong(), result.name(), result.uri(), result.autoconnect())
                        .thenApply(v -> new NodeRef(editing.ref().id(), result.name(), result.uri()))
                : store.add(result.name(), result.uri(), result.autoconnect()).thenApply(SavedConnection::toNodeRef);
        calls.run(() -> saved).onSuccess(ref -> {
            keepPeerAddress(ref, result);
            if (editing != null) {
                main.removeNode(editing);   // a new URI: the old connection goes, the new one opens
            }
            main.addNodes(List.of(ref));
            main.connect(main.node(ref.id()));
        }).onFailure(reason -> saveFailed(editing, result, reason)).start();
    }

    /**
     * A save the store refused: said with its cause, and what the user typed is handed back so the
     * dialog can open again with it (nothing typed is lost).
     */
    public record FailedSave(NodeRow editing, ConnectionDialog.Result typed, String message) {
    }

    /** Called with each save the store refused. */
    public void onSaveFailed(Consumer<FailedSave> listener) {
        failedSaves.add(listener);
    }

    private void saveFailed(NodeRow editing, ConnectionDialog.Result typed, String reason) {
        String message = messages.get("connection.saveFailed", typed.name(), reason);
        LOG.warn("Could not save the connection {} ({}): {}", typed.name(), typed.uri(), reason);
        failedSaves.forEach(listener -> listener.accept(new FailedSave(editing, typed, message)));
    }

    /** The dialog's view model holding what the user typed in a save that failed. */
    public ConnectionDialogViewModel dialogFor(ConnectionDialog.Result typed) {
        ConnectionDialogViewModel dialog = new ConnectionDialogViewModel(store.sshKnownHostsFile(), messages);
        dialog.load(typed.name(), typed.uri(), typed.autoconnect(), typed.peerAddress());
        return dialog;
    }

    /** Forgets a connection: removed from the store (when saved) and from the window. */
    public void remove(NodeRow row) {
        failure.set("");
        SavedConnection.idOf(row.ref()).ifPresent(id -> calls.run(() -> store.remove(id))
                .onFailure(reason -> failure.set(messages.get("connection.removeFailed", row.ref().name(), reason)))
                .start());
        main.removeNode(row);
    }

    /** The nodes a new VM can go to: the connected ones, the node in view first. */
    public List<NodeRef> wizardNodes() {
        List<NodeRef> connected = new ArrayList<>();
        NodeRow selected = main.scopeProperty().get();
        if (selected != null && selected.status().state() == NodeState.CONNECTED) {
            connected.add(selected.ref());
        }
        main.nodes().stream().filter(n -> n.status().state() == NodeState.CONNECTED && n != selected)
                .forEach(n -> connected.add(n.ref()));
        return connected;
    }

    /** Called with each alert the window should show about a node's host key. */
    public void onHostKeyAlert(Consumer<HostKeyAlert> listener) {
        hostKeyAlerts.add(listener);
    }

    /** Why the last removal failed, or empty (a failed save goes to {@link #onSaveFailed}). */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * A changed host key is said when it is first seen, not again at each retry that meets the same
     * key; once the node has connected again, a new change is news again. Decided on the failure's
     * kind, never on its words.
     */
    private void watch(NodeRow row) {
        boolean[] said = {false};
        row.statusProperty().addListener((obs, old, now) -> {
            if (now.state() == NodeState.CONNECTED) {
                said[0] = false;
            } else if (now.failure() == NodeFailure.HOST_KEY_CHANGED && !said[0]) {
                said[0] = true;
                HostKeyAlert alert = new HostKeyAlert(row.ref().name(), now.detail());
                hostKeyAlerts.forEach(l -> l.accept(alert));
            }
        });
    }
}
