package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Faults provoked for real on a libvirtd of our own: a hung daemon (SIGSTOP) is noticed by
 * keepalive, a killed one by the close callback; the node is "reconnecting" (not failed) meanwhile,
 * and both come back by themselves, with events working again on the new connection.
 */
class NodeRecoveryTest {

    @TempDir
    Path dir;

    private final List<NodeStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<VmSummary> changes = new CopyOnWriteArrayList<>();

    @Test
    void hungAndKilledDaemonsAreNoticedWithinSecondsAndReconnectedByThemselves() throws Exception {
        LibvirtRuntime runtime = LibvirtRuntime.start();
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            NodeRef node = new NodeRef("n", "node", daemon.sharedTestNode());
            LibvirtFleet fleet = new LibvirtFleet(runtime);
            try {
                fleet.connect(node, new InventoryListener() {
                    @Override
                    public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                        statuses.add(status);
                    }

                    @Override
                    public void vmsReplaced(NodeRef ref, List<VmSummary> vms) {
                    }

                    @Override
                    public void vmsChanged(NodeRef ref, List<VmSummary> changed, Collection<String> removed) {
                        changes.addAll(changed);
                    }
                });
                await(NodeState.CONNECTED, 10_000);

                daemon.signal("STOP");
                long hung = System.nanoTime();
                NodeStatus lost = await(NodeState.RECONNECTING, 8_000);
                long detectMs = (System.nanoTime() - hung) / 1_000_000;
                assertTrue(lost.detail().startsWith("no answer to keepalive"), lost.detail());
                assertTrue(detectMs <= 5_000, "a hung daemon is noticed within 5 s, took " + detectMs + " ms");
                daemon.signal("CONT");
                long resumed = System.nanoTime();
                await(NodeState.CONNECTED, 10_000);
                long backMs = (System.nanoTime() - resumed) / 1_000_000;

                daemon.signal("KILL");
                long killed = System.nanoTime();
                await(NodeState.RECONNECTING, 8_000);
                long killMs = (System.nanoTime() - killed) / 1_000_000;
                Thread.sleep(4_000);   // down for a while: the retries fail meanwhile, and say so calmly
                daemon.restart();
                long restarted = System.nanoTime();
                await(NodeState.CONNECTED, 10_000);
                long restartMs = (System.nanoTime() - restarted) / 1_000_000;
                assertTrue(killMs <= 5_000, "a killed daemon is noticed within 5 s, took " + killMs + " ms");
                assertTrue(restartMs <= 2_000, "reconnected within 2 s of the restart, took " + restartMs + " ms");

                // Events work on the new connection: another client's suspend arrives by itself.
                try (TestDriverClient other = new TestDriverClient(daemon.sharedTestNode())) {
                    other.suspend("test");
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (changes.stream().noneMatch(vm -> vm.name().equals("test") && vm.state() == VmState.PAUSED)) {
                        assertTrue(System.nanoTime() < deadline, "no event after the reconnect");
                        Thread.sleep(20);
                    }
                }
                System.out.printf("recovery: hang noticed in %d ms, back %d ms after SIGCONT; kill noticed in %d ms, back %d ms"
                        + " after the restart%n", detectMs, backMs, killMs, restartMs);
                assertEquals(NodeState.CONNECTED, statuses.get(statuses.size() - 1).state());
                // A daemon that comes back is no failure: never red, and the tries are counted while it is away.
                assertTrue(statuses.stream().noneMatch(s -> s.state() == NodeState.FAILED), statuses.toString());
                int mostTries = statuses.stream().mapToInt(NodeStatus::attempt).max().orElse(0);
                assertTrue(mostTries >= 2, "the tries of a 4 s outage are counted: " + statuses);
            } finally {
                fleet.close();
            }
        }
    }

    /** Waits for a status of {@code state} reported after the ones already seen. */
    private NodeStatus await(NodeState state, long millis) throws InterruptedException {
        return awaitFrom(mark, state, millis);
    }

    private int mark;

    private NodeStatus awaitFrom(int from, NodeState state, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            for (int i = from; i < statuses.size(); i++) {
                if (statuses.get(i).state() == state) {
                    mark = i + 1;
                    return statuses.get(i);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + state + " within " + millis + " ms: " + statuses);
            }
            Thread.sleep(10);
        }
    }
}
