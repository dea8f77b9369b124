package org.vireo.ui.host;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vireo.model.HostDetails;
import org.vireo.service.HostService;
import org.vireo.ui.common.FxBatchQueue;

/** The host details of the node in view, read on its worker. FX thread only. */
public final class HostViewModel {

    private final HostService hosts;
    private final FxBatchQueue<Runnable> fx = new FxBatchQueue<>(b -> b.forEach(Runnable::run));
    private final ReadOnlyObjectWrapper<HostDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String nodeId;
    private final javafx.beans.property.ReadOnlyIntegerWrapper activeVms = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper totalVms = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private javafx.collections.ObservableList<org.vireo.model.VmSummary> liveVms;
    private final javafx.collections.ListChangeListener<org.vireo.model.VmSummary> countVms = change -> count();

    public HostViewModel(HostService hosts) {
        this.hosts = hosts;
    }

    /**
     * Shows {@code id}'s host; a node that is not connected says so. The VM counts follow {@code vms},
     * the node's live inventory, rather than the moment the host was read.
     */
    public void show(String id, String nodeName, javafx.collections.ObservableList<org.vireo.model.VmSummary> vms) {
        if (liveVms != null) {
            liveVms.removeListener(countVms);
        }
        liveVms = vms;
        liveVms.addListener(countVms);
        count();
        nodeId = id;
        details.set(null);
        message.set("");
        hosts.hostDetails(id).whenComplete((loaded, error) -> fx.post(() -> {
            if (!id.equals(nodeId)) {
                return;
            }
            if (error != null) {
                message.set(org.vireo.model.Texts.get("failure.whatAndWhy", nodeName, org.vireo.ui.common.FailureText.reason(error)));
                return;
            }
            details.set(loaded);
        }));
    }

    private void count() {
        int active = 0;
        for (org.vireo.model.VmSummary vm : liveVms) {
            if (vm.state().isActive()) {
                active++;
            }
        }
        activeVms.set(active);
        totalVms.set(liveVms.size());
    }

    /** VMs of the node with a live process (running, paused…), from the inventory. */
    public javafx.beans.property.ReadOnlyIntegerProperty activeVmsProperty() {
        return activeVms.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty totalVmsProperty() {
        return totalVms.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
