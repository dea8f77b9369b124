package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.OperationException;
import org.vireo.model.VmAction;
import org.vireo.model.VmSummary;
import org.vireo.service.InventoryListener;

/** An action on a node that is not connected fails at once and says so; it is never queued to run later. */
class NotConnectedTest {

    @Test
    void anActionOnADisconnectedNodeFailsAtOnce() throws Exception {
        BlockingQueue<NodeState> states = new LinkedBlockingQueue<>();
        List<VmSummary> listed = new CopyOnWriteArrayList<>();
        LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
        try {
            NodeRef node = new NodeRef("lab", "lab", "test:///default");
            fleet.connect(node, new InventoryListener() {
                @Override
                public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                    states.add(status.state());
                }

                @Override
                public void vmsReplaced(NodeRef ref, List<VmSummary> vms) {
                    listed.addAll(vms);
                }

                @Override
                public void vmsChanged(NodeRef ref, List<VmSummary> changed, Collection<String> removedUuids) {
                }
            });
            awaitState(states, NodeState.CONNECTED);
            fleet.disconnect(node);
            awaitState(states, NodeState.DISCONNECTED);

            CompletableFuture<Void> pause = fleet.perform(listed.get(0), VmAction.PAUSE, false);
            assertTrue(pause.isDone(), "refused at once, not queued to run when the node comes back");
            ExecutionException failure = Assertions.assertThrows(ExecutionException.class, pause::get);
            OperationException why = assertInstanceOf(OperationException.class, failure.getCause());
            assertEquals("Node lab is not connected.", why.detail());
        } finally {
            fleet.close();
        }
    }

    private static void awaitState(BlockingQueue<NodeState> states, NodeState wanted) throws InterruptedException {
        NodeState seen;
        do {
            seen = states.poll(20, TimeUnit.SECONDS);
        } while (seen != null && seen != wanted);
        assertEquals(wanted, seen);
    }
}
