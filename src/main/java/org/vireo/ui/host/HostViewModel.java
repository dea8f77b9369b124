package org.vireo.ui.host;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.vireo.model.HostDetails;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.service.HostService;
import org.vireo.ui.common.ServiceCalls;

/** The host details of the node in view, read on its worker. FX thread only. */
public final class HostViewModel {

    private final HostService hosts;
    private final ServiceCalls calls;
    private final ReadOnlyObjectWrapper<HostDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String nodeId;
    private final ReadOnlyIntegerWrapper activeVms = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper totalVms = new ReadOnlyIntegerWrapper();
    private ObservableList<VmSummary> liveVms;
    private final ListChangeListener<VmSummary> countVms = change -> count();

    public HostViewModel(HostService hosts) {
        this(hosts, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    public HostViewModel(HostService hosts, Executor fxThread) {
        this.hosts = hosts;
        this.calls = ServiceCalls.on(fxThread);
    }

    /**
     * Shows {@code id}'s host; a node that is not connected says so. The VM counts follow {@code vms},
     * the node's live inventory, rather than the moment the host was read.
     */
    public void show(String id, String nodeName, ObservableList<VmSummary> vms) {
        if (liveVms != null) {
            liveVms.removeListener(countVms);
        }
        liveVms = vms;
        liveVms.addListener(countVms);
        count();
        nodeId = id;
        details.set(null);
        message.set("");
        calls.run(() -> hosts.hostDetails(id)).unlessStale(() -> id.equals(nodeId))
                .onSuccess(details::set)
                .onFailure(reason -> message.set(Texts.get("failure.whatAndWhy", nodeName, reason)))
                .start();
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
