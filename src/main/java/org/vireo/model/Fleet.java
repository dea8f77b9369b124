package org.vireo.model;

/** The hypervisor nodes Vireo is connected to, as the view models see them. */
public interface Fleet extends AutoCloseable {

    /** Starts connecting on the node's own worker and returns at once; progress goes to the listener. */
    void connect(NodeRef node);

    /** Closes the node's connection on its worker and returns at once. */
    void disconnect(NodeRef node);

    /** Closes every connection and stops the workers. */
    @Override
    void close();
}
