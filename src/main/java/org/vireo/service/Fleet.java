package org.vireo.service;

import org.vireo.model.NodeRef;
import org.vireo.model.VmSummary;

/** The hypervisor nodes Vireo is connected to, as the view models see them. */
public interface Fleet extends AutoCloseable {

    /**
     * Starts connecting on the node's own worker and returns at once; what the worker learns
     * (status, VMs, changes) goes to {@code listener}, on that worker's thread.
     */
    void connect(NodeRef node, InventoryListener listener);

    /** Has the VM's node worker read it again soon (after a change libvirt sends no event for). */
    void refresh(VmSummary vm);

    /** Closes the node's connection on its worker and returns at once. */
    void disconnect(NodeRef node);

    /** Disconnects the node and forgets it: its worker stops. */
    void remove(NodeRef node);

    /** Closes every connection and stops the workers. */
    @Override
    void close();
}
