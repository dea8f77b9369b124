package org.vireo.service.fleet;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
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
 * A fleet that also records when a saved connection last connected. The store write runs on the
 * store's own thread: a locked or slow database must never hold a node's worker (three nodes took
 * 5, 10 and 15 s to connect behind a locked file when it ran there), nor the FX thread.
 */
public final class ConnectionTimeRecorder extends ForwardingFleet {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimeRecorder.class);

    private final ConnectionRepository connections;
    private final Executor storeWriter;

    public ConnectionTimeRecorder(Fleet fleet, ConnectionRepository connections, Executor storeWriter) {
        super(fleet);
        this.connections = connections;
        this.storeWriter = storeWriter;
    }

    @Override
    public void connect(NodeRef node, InventoryListener listener) {
        fleet.connect(node, new ForwardingInventoryListener(listener) {
            @Override
            public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                super.nodeStatusChanged(ref, status);
                OptionalLong savedId = SavedConnection.idOf(ref);
                if (status.state() == NodeState.CONNECTED && savedId.isPresent()) {
                    Instant now = Instant.now();
                    storeWriter.execute(() -> {
                        try {
                            connections.markConnected(savedId.getAsLong(), now);
                        } catch (RuntimeException e) {
                            LOG.warn("Could not record the connection time of {}", ref.name(), e);
                        }
                    });
                }
            }
        });
    }

}
