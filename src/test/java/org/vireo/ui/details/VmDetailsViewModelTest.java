package org.vireo.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.FxQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.main.MainViewModel;

/** One VM's details and snapshots on a real test-driver node, without a window. */
class VmDetailsViewModelTest {

    @TempDir
    Path dir;

    private final FxQueue fx = new FxQueue();
    private final LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
    private final Messages messages = new Messages(Locale.ENGLISH);

    @AfterEach
    void close() {
        fleet.close();
    }

    private VmSummary vm(String name) throws Exception {
        String uri = NodeFiles.write(dir.resolve("node.xml"), "<domain type='test'><name>" + name + "</name><memory>262144</memory>"
                + "<vcpu>2</vcpu><os><type>hvm</type></os></domain>");
        MainViewModel main = new MainViewModel(fleet, fleet, messages, fx);
        main.addNodes(List.of(new NodeRef("n", "n", uri)));
        main.connect(main.node("n"));
        fx.drainUntil("the node connects", 20, () -> main.node("n").status().state() == NodeState.CONNECTED);
        return main.node("n").vms().get(0);
    }

    @Test
    void loadsEditsAndRefusesWhereTyped() throws Exception {
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, messages, fx);
        details.vmProperty().set(vm("db-1"));
        fx.drainUntil("the details load", 10, () -> details.detailsProperty().get() != null);
        assertFalse(details.loadingProperty().get());
        assertEquals("2", details.vcpusTextProperty().get());

        details.titleProperty().set("Database, primary");
        details.saveOverview();
        fx.drainUntil("saved and read back", 10, () -> details.messageProperty().get().equals("saved")
                && details.detailsProperty().get().title().equals("Database, primary"));

        details.vcpusTextProperty().set("many");
        assertFalse(details.vcpusErrorProperty().get().isEmpty(), "refused where typed");
        assertFalse(details.applyHardware(), "nothing is sent while a field is wrong");
        details.vcpusTextProperty().set("1");
        assertEquals("", details.vcpusErrorProperty().get());
        assertTrue(details.applyHardware());
        fx.drainUntil("applied and read back", 10, () -> details.detailsProperty().get().vm().vcpus() == 1);
    }

    @Test
    void snapshotsAreTakenAndDeleted() throws Exception {
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, messages, fx);
        SnapshotsViewModel snapshots = details.snapshots();
        details.vmProperty().set(vm("web-1"));
        fx.drainUntil("the (empty) snapshot list loads", 10, () -> details.detailsProperty().get() != null);
        assertEquals("", snapshots.nameProblem(snapshots.suggestedName()));
        assertFalse(snapshots.nameProblem("").isEmpty());

        snapshots.take("before-upgrade", "a point to go back to", false);
        fx.drainUntil("the snapshot is listed", 10, () -> snapshots.snapshots().stream().anyMatch(s -> s.name().equals("before-upgrade"))
                && !snapshots.busyProperty().get());
        assertFalse(snapshots.nameProblem("before-upgrade").isEmpty(), "a name in use is refused");
        VmSnapshot taken = snapshots.snapshots().get(0);
        snapshots.delete(taken, false);
        fx.drainUntil("the snapshot is gone", 10, () -> snapshots.snapshots().isEmpty() && !snapshots.busyProperty().get());
    }

    @Test
    void theChartsStartWithWhatWasAlreadySampled() throws Exception {
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, messages, fx);
        VmSummary vm = vm("app-1");
        long now = System.currentTimeMillis();
        List<VmStats> before = List.of(new VmStats(vm.key(), now - 4000, 10, 1 << 20, 0, 0, 0, 0, List.of()),
                new VmStats(vm.key(), now - 2000, 20, 1 << 20, 0, 0, 0, 0, List.of()));
        details.setSampledHistory(key -> key.equals(vm.key()) ? before : List.of());
        details.vmProperty().set(vm);
        assertEquals(before, List.copyOf(details.history()), "the last minutes sampled while its row was on screen");
        details.addSample(new VmStats(vm.key(), now, 30, 1 << 20, 0, 0, 0, 0, List.of()));
        details.addSample(new VmStats(vm.key(), now, 30, 1 << 20, 0, 0, 0, 0, List.of()));
        assertEquals(3, details.history().size(), "a sample arrives once");
    }
}
