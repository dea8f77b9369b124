package org.vireo.ui.main;

import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;

/**
 * What a row of the node tree shows. Node entries carry their status and counts, so a changed
 * status is a new, unequal value and the tree cell redraws.
 */
sealed interface TreeEntry {

    /** The root: every node, or every tag when the tree is grouped by tag. */
    record AllNodes(int nodes, int vms, boolean byTag) implements TreeEntry {
    }

    record Node(NodeRow row, String name, NodeStatus status, int vms) implements TreeEntry {
    }

    record Vm(VmSummary vm) implements TreeEntry {
    }

    /** A tag group when the tree is grouped by tag; {@code tag} is null for the untagged VMs. */
    record Tag(String tag, int vms) implements TreeEntry {
    }
}
