package org.vireo.service.fleet;

import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.SavedConnection;
import org.vireo.service.Fleet;
import org.vireo.service.ForwardingInventoryListener;
import org.vireo.service.InventoryListener;
import org.vireo.store.ConnectionRepository;

/**
 * A fleet that also records when a saved connection last connected. The store write happens
 * on the node's worker, where the report arrives, never on the FX thread.
 */
public final class ConnectionTimeRecorder extends ForwardingFleet {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimeRecorder.class);

    private final ConnectionRepository connections;

    public ConnectionTimeRecorder(Fleet fleet, ConnectionRepository connections) {
        super(fleet);
        this.connections = connections;
    }

    @Override
    public void connect(NodeRef node, InventoryListener listener) {
        fleet.connect(node, new ForwardingInventoryListener(listener) {
            @Override
            public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                super.nodeStatusChanged(ref, status);
                OptionalLong savedId = SavedConnection.idOf(ref);
                if (status.state() == NodeState.CONNECTED && savedId.isPresent()) {
                    try {
                        connections.markConnected(savedId.getAsLong(), Instant.now());
                    } catch (RuntimeException e) {
                        LOG.warn("Could not record the connection time of {}", ref.name(), e);
                    }
                }
            }
        });
    }

}
