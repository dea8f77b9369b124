package org.vireo.service;

import java.util.Collection;
import java.util.List;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;

/** Passes every report on to another listener; subclasses step in where they add something. */
public class ForwardingInventoryListener implements InventoryListener {

    private final InventoryListener target;

    public ForwardingInventoryListener(InventoryListener target) {
        this.target = target;
    }

    @Override
    public void nodeStatusChanged(NodeRef node, NodeStatus status) {
        target.nodeStatusChanged(node, status);
    }

    @Override
    public void vmsReplaced(NodeRef node, List<VmSummary> vms) {
        target.vmsReplaced(node, vms);
    }

    @Override
    public void vmsChanged(NodeRef node, List<VmSummary> changed, Collection<String> removedUuids) {
        target.vmsChanged(node, changed, removedUuids);
    }
}
