package org.vireo.ui.main;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;

/** One node as the main window shows it: its status and its VMs sorted by name. FX thread only. */
public final class NodeRow {

    static final Comparator<VmSummary> BY_NAME = Comparator.comparing(VmSummary::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(VmSummary::name)
            .thenComparing(VmSummary::uuid);

    private final ReadOnlyObjectWrapper<NodeRef> ref = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NodeStatus> status = new ReadOnlyObjectWrapper<>(NodeStatus.of(NodeState.DISCONNECTED));
    private final ObservableList<VmSummary> vms = FXCollections.observableArrayList();
    // One wrapper, kept: the wrapper listens to its source weakly, so a fresh one per call would lose listeners.
    private final ObservableList<VmSummary> readOnlyVms = FXCollections.unmodifiableObservableList(vms);
    final Map<String, VmSummary> byUuid = new HashMap<>();

    NodeRow(NodeRef ref) {
        this.ref.set(ref);
    }

    public NodeRef ref() {
        return ref.get();
    }

    /** The node's reference; only its name changes in place (a new URI is a new connection). */
    public ReadOnlyObjectProperty<NodeRef> refProperty() {
        return ref.getReadOnlyProperty();
    }

    void rename(String name) {
        NodeRef old = ref.get();
        ref.set(new NodeRef(old.id(), name, old.uri()));
    }

    public ReadOnlyObjectProperty<NodeStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public NodeStatus status() {
        return status.get();
    }

    void setStatus(NodeStatus value) {
        status.set(value);
    }

    /** The node's VMs, sorted by name; replaced in place when only a VM's values change. */
    public ObservableList<VmSummary> vms() {
        return readOnlyVms;
    }

    ObservableList<VmSummary> mutableVms() {
        return vms;
    }

    public long runningCount() {
        return byUuid.values().stream().filter(vm -> vm.state().isRunning()).count();
    }

    @Override
    public String toString() {
        return "NodeRow[" + ref.get().name() + " " + status.get().state() + "]";
    }
}
