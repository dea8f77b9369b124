package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.VmState;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.common.Messages;

/**
 * The main view model over real libvirt test-driver nodes, without a window. The FX thread is
 * stood in for by a queue this test drains by hand, so it can count how many times work was
 * handed over: updates must arrive in batches, never one hand-over per VM or per event.
 */
class MainViewModelTest {

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final Executor fakeFxThread = fxQueue::add;
    private final LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
    private final MainViewModel viewModel = new MainViewModel(fleet, fleet, new Messages(Locale.ENGLISH), fakeFxThread);
    private int handOvers;

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    void aFiveThousandVmNodeArrivesInAFewBatches() throws Exception {
        String[] domains = new String[5000];
        for (int i = 0; i < domains.length; i++) {
            domains[i] = "<domain type='test'><name>vm-%05d</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os>%s</domain>"
                    .formatted(i, i % 3 == 0 ? "<test:runstate>5</test:runstate>" : "");
        }
        String uri = NodeFiles.write(dir.resolve("big.xml"), domains);
        viewModel.addNodes(List.of(new NodeRef("big", "big", uri)));
        int[] tableChanges = {0};
        viewModel.visibleVms().addListener((ListChangeListener<Object>) c -> tableChanges[0]++);

        viewModel.nodes().forEach(viewModel::connect);
        drainUntil(() -> viewModel.allVms().size() == 5000
                && viewModel.node("big").status().state() == NodeState.CONNECTED);

        System.out.println("5000 VMs in " + handOvers + " hand-overs, " + tableChanges[0] + " table changes");
        assertTrue(handOvers <= 3, "5000 VMs took " + handOvers + " hand-overs to the FX thread");
        assertTrue(tableChanges[0] <= 2, "the table changed " + tableChanges[0] + " times");
        assertEquals(3333, viewModel.allVms().stream().filter(vm -> vm.state() == VmState.RUNNING).count());
        assertEquals("1 node (1 connected) · 5,000 VMs (3,333 running)", viewModel.statusTextProperty().get());
    }

    @Test
    void anEventStormIsAppliedInAFewBatches() throws Exception {
        String uri = "test:///default";
        viewModel.addNodes(List.of(new NodeRef("shared", "shared", uri)));
        viewModel.nodes().forEach(viewModel::connect);
        drainUntil(() -> viewModel.node("shared").status().state() == NodeState.CONNECTED);
        int before = handOvers;

        try (TestDriverClient other = new TestDriverClient(uri)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "storm-" + i;
                other.define("<domain type='test'><name>" + name + "</name><memory>65536</memory><os><type>hvm</type></os></domain>");
                names.add(name);
            }
            // 200 defines, then 1000 more lifecycle events (start, suspend, resume, suspend, destroy).
            for (String name : names) {
                other.start(name);
                other.suspend(name);
                other.resume(name);
                other.suspend(name);
                other.destroy(name);
            }
            drainUntil(() -> viewModel.allVms().stream().filter(vm -> vm.name().startsWith("storm-")
                    && vm.state() == VmState.SHUT_OFF).count() == 200);
            int storm = handOvers - before;
            System.out.println("event storm: 1200 events in " + storm + " hand-overs");
            assertTrue(storm < 120, "1200 events took " + storm + " hand-overs to the FX thread");
            for (String name : names) {
                other.undefine(name);
            }
            drainUntil(() -> viewModel.allVms().stream().noneMatch(vm -> vm.name().startsWith("storm-")));
        }
    }

    @Test
    void filterAndScopeNarrowTheTable() throws Exception {
        String a = NodeFiles.demoNode(dir, "workstation.xml");
        String b = NodeFiles.demoNode(dir, "edge-box.xml");
        viewModel.addNodes(List.of(new NodeRef("a", "ws", a), new NodeRef("b", "edge", b)));
        viewModel.nodes().forEach(viewModel::connect);
        drainUntil(() -> viewModel.allVms().size() == 19);

        viewModel.scopeProperty().set(viewModel.node("b"));
        assertEquals(7, viewModel.visibleVms().size());
        viewModel.filterTextProperty().set("HOME");
        assertEquals(List.of("home-assistant"), viewModel.visibleVms().stream().map(vm -> vm.name()).toList());
        assertTrue(viewModel.statusTextProperty().get().endsWith("Showing 1 of 19"), viewModel.statusTextProperty().get());
        viewModel.scopeProperty().set(null);
        viewModel.filterTextProperty().set("");
        assertEquals(19, viewModel.visibleVms().size());
    }

    @Test
    void theStateBoxAndStateTermAreOneFilter() throws Exception {
        String a = NodeFiles.demoNode(dir, "workstation.xml");
        viewModel.addNodes(List.of(new NodeRef("a", "ws", a)));
        viewModel.nodes().forEach(viewModel::connect);
        drainUntil(() -> viewModel.allVms().size() == 12);
        long paused = viewModel.allVms().stream().filter(vm -> vm.state() == VmState.PAUSED).count();
        assertTrue(paused > 0, "the workstation lab has a paused VM");

        // The box writes state: into the filter, keeping the words typed.
        viewModel.filterTextProperty().set("tag:\"two words\" u");
        viewModel.stateFilterProperty().set(VmState.PAUSED);
        assertEquals("tag:\"two words\" u state:paused", viewModel.filterTextProperty().get());
        viewModel.stateFilterProperty().set(VmState.SHUT_OFF);
        assertEquals("tag:\"two words\" u state:shutoff", viewModel.filterTextProperty().get());
        viewModel.stateFilterProperty().set(null);
        assertEquals("tag:\"two words\" u", viewModel.filterTextProperty().get());

        // Typing state: sets the box; a prefix or two states leave it on every state.
        viewModel.filterTextProperty().set("state:paused");
        assertEquals(VmState.PAUSED, viewModel.stateFilterProperty().get());
        assertEquals(paused, viewModel.visibleVms().size());
        viewModel.filterTextProperty().set("state:pa");
        assertEquals(null, viewModel.stateFilterProperty().get());
        assertEquals(paused, viewModel.visibleVms().size());
        viewModel.filterTextProperty().set("");
        assertEquals(12, viewModel.visibleVms().size());
    }

    /** Runs what was handed to the "FX thread" until the condition holds (10 s at most). */
    private void drainUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            Runnable batch = fxQueue.poll();
            if (batch != null) {
                handOvers++;
                batch.run();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s; status: " + viewModel.statusTextProperty().get());
            } else {
                Thread.sleep(5);
            }
        }
    }
}
