package org.vireo.service;

import java.util.Collection;
import java.util.List;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;

/**
 * Receives what a node's worker learns. Called on that node's worker thread, never on the FX thread:
 * an implementation hands results on in batches.
 */
public interface InventoryListener {

    void nodeStatusChanged(NodeRef node, NodeStatus status);

    /** The node's complete VM list, replacing whatever was known before. */
    void vmsReplaced(NodeRef node, List<VmSummary> vms);

    /** Some VMs changed or appeared, others went away (by UUID). */
    void vmsChanged(NodeRef node, List<VmSummary> changed, Collection<String> removedUuids);
}
