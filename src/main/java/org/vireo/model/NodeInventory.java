package org.vireo.model;

import java.util.List;

/** One node with its status and VMs at one moment: what `--list` prints. */
public record NodeInventory(NodeRef node, NodeStatus status, List<VmSummary> vms) {
    public NodeInventory {
        vms = List.copyOf(vms);
    }
}
