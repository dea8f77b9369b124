package org.vireo.service.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;
import org.vireo.service.InventoryListener;

/**
 * Holds the reports of nodes that start connecting before the window's view model exists, and
 * hands them over, in order, once it is attached; after that it only forwards.
 */
public final class HeldInventory implements InventoryListener {

    private final List<Consumer<InventoryListener>> held = new ArrayList<>();
    private InventoryListener target;

    public synchronized void attach(InventoryListener listener) {
        held.forEach(report -> report.accept(listener));
        held.clear();
        target = listener;
    }

    private synchronized void report(Consumer<InventoryListener> report) {
        if (target != null) {
            report.accept(target);
        } else {
            held.add(report);
        }
    }

    @Override
    public void nodeStatusChanged(NodeRef node, NodeStatus status) {
        report(l -> l.nodeStatusChanged(node, status));
    }

    @Override
    public void vmsReplaced(NodeRef node, List<VmSummary> vms) {
        report(l -> l.vmsReplaced(node, vms));
    }

    @Override
    public void vmsChanged(NodeRef node, List<VmSummary> changed, Collection<String> removedUuids) {
        report(l -> l.vmsChanged(node, changed, removedUuids));
    }
}
