package org.vireo.ui.network;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.vireo.model.DhcpHost;
import org.vireo.model.DhcpLease;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.service.NetworkService;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The virtual networks of the node in view, the chosen network's DHCP leases and pinned addresses; each action
 * runs on the node's worker and the list is read again after it, and whenever libvirt reports a network
 * defined, started, stopped or removed. FX thread only.
 */
public final class NetworksViewModel {

    private final NetworkService service;
    private final Messages messages;
    private final ServiceCalls calls;
    private final NewNetworkViewModel creation;
    private final StringProperty nodeId = new SimpleStringProperty();
    private final ObservableList<VirtualNetworkInfo> networks = FXCollections.observableArrayList();
    private final ObjectProperty<VirtualNetworkInfo> selected = new SimpleObjectProperty<>();
    private final ObservableList<DhcpLease> leases = FXCollections.observableArrayList();
    private final StringProperty leasesNote = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Timeline eventRefresh = new Timeline(new KeyFrame(Duration.millis(300), e -> refresh()));
    private long generation;
    /** Whether the networks are on screen: reading them asks every VM's definition (which VMs use each network). */
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private boolean stale;
    /** The network to choose after the next read (one just made), else the one chosen now. */
    private String keepName;

    public NetworksViewModel(NetworkService service, Messages messages) {
        this(service, messages, null);
    }

    NetworksViewModel(NetworkService service, Messages messages, Executor fxThread) {
        this.service = service;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        this.creation = new NewNetworkViewModel(service, fxThread);
        // A network changed on the node (here or by anyone else): read again, once for a burst of events.
        service.watchNetworks(changed -> calls.post(() -> {
            if (changed.equals(nodeId.get())) {
                eventRefresh.playFromStart();
            }
        }));
        nodeId.addListener((obs, old, now) -> {
            networks.clear();
            leases.clear();
            message.set("");
            refresh();
        });
        selected.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name()) || old.active() != now.active()) {
                loadLeases();
            }
        });
        shown.addListener((obs, was, now) -> {
            if (now && stale) {
                refresh();
            }
        });
    }

    /**
     * Bound to the Networks tab being selected: while it is not, nothing is read, and the list is read when it is shown.
     * (Which VMs use each network means parsing every VM's definition: 1.5 s of a core for 5000 VMs, spent right after
     * a node was listed for a tab nobody had opened.)
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The node whose networks are shown (null: none); set by the host pane. */
    public StringProperty nodeIdProperty() {
        return nodeId;
    }

    public ObservableList<VirtualNetworkInfo> networks() {
        return networks;
    }

    public ObjectProperty<VirtualNetworkInfo> selectedProperty() {
        return selected;
    }

    /** The chosen network's leases, as {@code virsh net-dhcp-leases} lists them. */
    public ObservableList<DhcpLease> leases() {
        return leases;
    }

    /** Why there are no leases to show where that is not simply "none" (stopped, or not reported by the driver). */
    public StringProperty leasesNoteProperty() {
        return leasesNote;
    }

    /** The outcome of the last action, in libvirt's words when it refused. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding selectedActive() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().active(), selected);
    }

    public NewNetworkViewModel creation() {
        return creation;
    }

    /** Reads the networks again (and the chosen one's leases), keeping the choice. */
    public void refresh() {
        String node = nodeId.get();
        if (node == null) {
            return;
        }
        if (!shown.get()) {
            stale = true;
            return;
        }
        stale = false;
        long load = ++generation;
        calls.run(() -> service.networks(node))
                .unlessStale(() -> load == generation && node.equals(nodeId.get()))
                .onSuccess(this::show)
                .onFailure(message::set)
                .start();
    }

    private void show(List<VirtualNetworkInfo> loaded) {
        String keep = keepName != null ? keepName : selected.get() == null ? null : selected.get().name();
        keepName = null;
        networks.setAll(loaded);
        VirtualNetworkInfo again = loaded.stream().filter(n -> n.name().equals(keep)).findFirst()
                .orElse(loaded.isEmpty() ? null : loaded.get(0));
        boolean same = again != null && selected.get() != null && again.name().equals(selected.get().name())
                && again.active() == selected.get().active();
        selected.set(again);
        if (same) {
            loadLeases();   // the same network: its leases may have changed too
        }
    }

    /** Reads the chosen network's leases again. */
    public void loadLeases() {
        VirtualNetworkInfo network = selected.get();
        String node = nodeId.get();
        if (network == null || node == null) {
            leases.clear();
            leasesNote.set("");
            return;
        }
        if (!network.active()) {
            leases.clear();
            leasesNote.set(messages.get("network.leases.stopped"));
            return;
        }
        calls.run(() -> service.leases(node, network.name()))
                .unlessStale(() -> selected.get() != null && selected.get().name().equals(network.name()))
                .onSuccess(list -> {
                    leases.setAll(list);
                    leasesNote.set(list.isEmpty() ? messages.get("network.leases.none") : "");
                })
                .onFailure(reason -> {
                    leases.clear();
                    leasesNote.set(messages.get("network.leases.unavailable", reason));
                })
                .start();
    }

    /** A network made by the New network dialog: said, listed and chosen. */
    public void created(String name) {
        message.set(messages.get("network.done.create", name));
        keepName = name;
        refresh();
    }

    public void start() {
        onSelected("network.done.start", name -> service.startNetwork(nodeId.get(), name));
    }

    public void stop() {
        onSelected("network.done.stop", name -> service.stopNetwork(nodeId.get(), name));
    }

    public void setAutostart(boolean on) {
        onSelected(on ? "network.done.autostartOn" : "network.done.autostartOff", name -> service.setNetworkAutostart(nodeId.get(), name, on));
    }

    public void delete() {
        onSelected("network.done.delete", name -> service.deleteNetwork(nodeId.get(), name));
    }

    public void pin(DhcpHost host) {
        onSelected("network.done.pin", name -> service.addStaticHost(nodeId.get(), name, host), host.ip(), host.mac());
    }

    public void unpin(DhcpHost host) {
        onSelected("network.done.unpin", name -> service.removeStaticHost(nodeId.get(), name, host), host.ip(), host.mac());
    }

    private void onSelected(String doneKey, Function<String, CompletableFuture<Void>> call, Object... more) {
        VirtualNetworkInfo network = selected.get();
        if (network == null) {
            return;
        }
        Object[] args = new Object[more.length + 1];
        args[0] = network.name();
        System.arraycopy(more, 0, args, 1, more.length);
        run(() -> call.apply(network.name()), messages.get(doneKey, args));
    }

    private void run(Supplier<CompletableFuture<Void>> call, String done) {
        if (nodeId.get() == null) {
            return;
        }
        message.set("");
        calls.run(call).busy(busy)
                .onSuccess(ok -> message.set(done))
                .onFailure(message::set)
                .always(this::refresh)
                .start();
    }
}
