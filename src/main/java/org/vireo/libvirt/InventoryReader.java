package org.vireo.libvirt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vireo.model.NodeFailure;
import org.vireo.model.NodeInventory;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.service.InventoryListener;
import org.vireo.service.NodeTunnels;

/**
 * A one-shot read of several nodes for scripts (`--list`): the same connections and domain
 * reading as the window, all nodes in parallel, each bounded by a timeout.
 */
public final class InventoryReader {

    private final LibvirtRuntime runtime;
    private final NodeTunnels tunnels;

    public InventoryReader(LibvirtRuntime runtime) {
        this(runtime, null);
    }

    /** @param tunnels carries SSH nodes over Vireo's own SSH sessions (with keepalive); null for libvirt's transports */
    public InventoryReader(LibvirtRuntime runtime, NodeTunnels tunnels) {
        this.runtime = runtime;
        this.tunnels = tunnels;
    }

    public List<NodeInventory> read(List<NodeRef> nodes, Duration timeout) {
        Map<String, NodeStatus> statuses = new ConcurrentHashMap<>();
        Map<String, List<VmSummary>> vms = new ConcurrentHashMap<>();
        CountDownLatch settled = new CountDownLatch(nodes.size());
        InventoryListener collector = new InventoryListener() {
            @Override
            public void nodeStatusChanged(NodeRef node, NodeStatus status) {
                // A one-shot listing does not wait for retries: reconnecting means the first try failed.
                statuses.put(node.id(), status.state() == NodeState.RECONNECTING ? NodeStatus.failed(status.failure(), status.detail()) : status);
                if (status.state().isSettled()) {
                    settled.countDown();
                }
            }

            @Override
            public void vmsReplaced(NodeRef node, List<VmSummary> list) {
                vms.put(node.id(), list);
            }

            @Override
            public void vmsChanged(NodeRef node, List<VmSummary> changed, Collection<String> removed) {
                // A one-shot listing reports the state at connect time.
            }
        };
        List<NodeConnection> connections = new ArrayList<>();
        for (NodeRef node : nodes) {
            NodeConnection connection = new NodeConnection(node, collector, runtime, null, tunnels);
            connections.add(connection);
            connection.open();
        }
        try {
            settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<NodeInventory> result = new ArrayList<>();
        for (NodeRef node : nodes) {
            NodeStatus status = statuses.getOrDefault(node.id(), NodeStatus.of(NodeState.CONNECTING));
            if (status.state() == NodeState.CONNECTING) {
                status = NodeStatus.failed(NodeFailure.DAEMON_HUNG, Texts.get("node.noAnswer", String.valueOf(timeout.toSeconds())));
            }
            result.add(new NodeInventory(node, status, vms.getOrDefault(node.id(), List.of())));
        }
        connections.forEach(c -> c.shutdown(500));
        return result;
    }
}
