package org.vireo.ui.main;

import java.util.Collection;
import java.util.List;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;

/** What a node's worker reported, queued for the FX thread. */
sealed interface InventoryEvent {

    NodeRef node();

    record StatusChanged(NodeRef node, NodeStatus status) implements InventoryEvent {
    }

    record Replaced(NodeRef node, List<VmSummary> vms) implements InventoryEvent {
    }

    record Changed(NodeRef node, List<VmSummary> changed, Collection<String> removedUuids) implements InventoryEvent {
    }
}
