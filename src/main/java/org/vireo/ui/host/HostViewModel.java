package org.vireo.ui.host;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.vireo.model.HostDetails;
import org.vireo.model.NodeAdvice;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.service.HostService;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.network.NetworksViewModel;
import org.vireo.ui.storage.StorageViewModel;

/** The host details of the node in view, read on its worker. FX thread only. */
public final class HostViewModel {

    private final HostService hosts;
    private final ServiceCalls calls;
    private final ReadOnlyObjectWrapper<HostDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String nodeId;
    private final String vireoKnownHosts;
    private final ObservableList<NodeAdvice> advice = FXCollections.observableArrayList();
    private final ObservableList<NodeAdvice> readOnlyAdvice = FXCollections.unmodifiableObservableList(advice);
    private final ReadOnlyIntegerWrapper activeVms = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper totalVms = new ReadOnlyIntegerWrapper();
    private ObservableList<VmSummary> liveVms;
    private final ListChangeListener<VmSummary> countVms = change -> count();
    private StorageViewModel storage;
    private NetworksViewModel networks;

    /** @param vireoKnownHosts Vireo's own known_hosts file, named in the advice for a changed host key */
    public HostViewModel(HostService hosts, String vireoKnownHosts) {
        this(hosts, vireoKnownHosts, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    public HostViewModel(HostService hosts, String vireoKnownHosts, Executor fxThread) {
        this.hosts = hosts;
        this.vireoKnownHosts = vireoKnownHosts;
        this.calls = ServiceCalls.on(fxThread);
    }

    /** The Storage tab's view model; it follows the node shown here while that node is connected. */
    public void setStorage(StorageViewModel storage) {
        this.storage = storage;
    }

    public StorageViewModel storage() {
        return storage;
    }

    /** The Networks tab's view model; it follows the node shown here while that node is connected. */
    public void setNetworks(NetworksViewModel networks) {
        this.networks = networks;
    }

    public NetworksViewModel networks() {
        return networks;
    }

    /**
     * Shows {@code node}'s host when it is connected; otherwise why it is not, in libvirt's words,
     * and what to try. The VM counts follow {@code vms}, the node's live inventory, rather than
     * the moment the host was read.
     */
    public void show(NodeRef node, NodeStatus status, ObservableList<VmSummary> vms) {
        String id = node.id();
        String nodeName = node.name();
        if (liveVms != null) {
            liveVms.removeListener(countVms);
        }
        liveVms = vms;
        liveVms.addListener(countVms);
        count();
        if (!status.state().equals(NodeState.CONNECTED)) {
            boolean same = id.equals(nodeId) && details.get() == null;
            nodeId = id;
            details.set(null);
            if (storage != null) {
                storage.nodeIdProperty().set(null);
            }
            if (networks != null) {
                networks.nodeIdProperty().set(null);
            }
            message.set(notConnected(nodeName, status));
            List<NodeAdvice> steps = NodeAdvice.forStatus(node.uri(), status, vireoKnownHosts);
            if (!same || !steps.equals(advice)) {
                advice.setAll(steps);
            }
            return;
        }
        nodeId = id;
        details.set(null);
        message.set("");
        advice.clear();
        if (storage != null) {
            storage.nodeIdProperty().set(id);
        }
        if (networks != null) {
            networks.nodeIdProperty().set(id);
        }
        calls.run(() -> hosts.hostDetails(id)).unlessStale(() -> id.equals(nodeId))
                .onSuccess(details::set)
                .onFailure(reason -> message.set(Texts.get("failure.whatAndWhy", nodeName, reason)))
                .start();
    }

    private static String notConnected(String nodeName, NodeStatus status) {
        String state = switch (status.state()) {
            case CONNECTING -> Texts.get("host.connecting", nodeName);
            case DISCONNECTED -> Texts.get("host.disconnected", nodeName);
            case RECONNECTING -> Texts.get("host.reconnecting", nodeName, status.attempt());
            default -> Texts.get("host.failed", nodeName);
        };
        return status.detail().isEmpty() ? state : state + "\n" + status.detail();
    }

    /** What to try while the node is not connected; empty when it is. */
    public ObservableList<NodeAdvice> advice() {
        return readOnlyAdvice;
    }

    private void count() {
        int active = 0;
        for (VmSummary vm : liveVms) {
            if (vm.state().isActive()) {
                active++;
            }
        }
        activeVms.set(active);
        totalVms.set(liveVms.size());
    }

    /** VMs of the node with a live process (running, paused…), from the inventory. */
    public ReadOnlyIntegerProperty activeVmsProperty() {
        return activeVms.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalVmsProperty() {
        return totalVms.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
