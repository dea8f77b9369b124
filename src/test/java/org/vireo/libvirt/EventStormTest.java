package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.service.InventoryListener;
import org.vireo.testlab.LocalLibvirtd;

/**
 * A storm of pauses from another client, on a libvirtd of our own: while the node's worker is busy, 40
 * domains are paused; the events are coalesced into one flush that reads every state in one call, and
 * each domain arrives paused with the rest of its record (name, vCPUs, memory, tags) as it was.
 */
class EventStormTest {

    @TempDir
    Path dir;

    @Test
    void manyPausesArriveInOneFlushWithTheirRecordsIntact() throws Exception {
        LibvirtRuntime runtime = LibvirtRuntime.start();
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"));
             TestDriverClient other = new TestDriverClient(daemon.sharedTestNode())) {
            for (int i = 0; i < 40; i++) {
                other.define("<domain type='test'><name>storm-" + i + "</name><memory unit='MiB'>" + (256 + i)
                        + "</memory><vcpu>" + (1 + i % 3) + "</vcpu><os><type>hvm</type></os></domain>");
                other.start("storm-" + i);
            }
            Map<String, VmSummary> latest = new ConcurrentHashMap<>();
            AtomicInteger changeReports = new AtomicInteger();
            CountDownLatch connected = new CountDownLatch(1);
            NodeConnection node = new NodeConnection(new NodeRef("n", "node", daemon.sharedTestNode()), new InventoryListener() {
                @Override
                public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                    if (status.state() == NodeState.CONNECTED) {
                        connected.countDown();
                    }
                }

                @Override
                public void vmsReplaced(NodeRef ref, List<VmSummary> vms) {
                    vms.forEach(vm -> latest.put(vm.name(), vm));
                }

                @Override
                public void vmsChanged(NodeRef ref, List<VmSummary> changed, Collection<String> removed) {
                    changeReports.incrementAndGet();
                    changed.forEach(vm -> latest.put(vm.name(), vm));
                }
            }, runtime);
            try {
                node.open();
                assertTrue(connected.await(20, TimeUnit.SECONDS), "connected");
                Map<String, VmSummary> before = Map.copyOf(latest);

                // The worker is held while the pauses happen: their events only mark the domains.
                CountDownLatch release = new CountDownLatch(1);
                node.call("hold the worker", c -> {
                    try {
                        return release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
                for (int i = 0; i < 40; i++) {
                    other.suspend("storm-" + i);
                }
                Thread.sleep(500);   // the events reach the node's marks
                release.countDown();

                long deadline = System.nanoTime() + 10_000_000_000L;
                while (latest.values().stream().filter(vm -> vm.state() == VmState.PAUSED).count() < 40) {
                    assertTrue(System.nanoTime() < deadline, "not all 40 pauses arrived: " + latest.values());
                    Thread.sleep(20);
                }
                assertEquals(1, changeReports.get(), "one flush for the whole storm");
                for (int i = 0; i < 40; i++) {
                    VmSummary was = before.get("storm-" + i);
                    assertEquals(was.withState(VmState.PAUSED), latest.get("storm-" + i), "only the state changed");
                }
                assertEquals(VmState.RUNNING, latest.get("test").state(), "the test node's own VM untouched");
            } finally {
                node.shutdown(2_000);
            }
        }
    }
}
