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
import org.vireo.model.VmSettings;
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
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, fleet, messages, fx);
        details.vmProperty().set(vm("db-1"));
        fx.drainUntil("the details load", 10, () -> details.detailsProperty().get() != null);
        assertFalse(details.loadingProperty().get());
        SettingsViewModel settings = details.settings();
        fx.drainUntil("the settings load", 10, () -> settings.settingsProperty().get() != null);
        assertEquals("2", settings.vcpusProperty().get());

        details.titleProperty().set("Database, primary");
        details.saveOverview();
        fx.drainUntil("saved and read back", 10, () -> details.messageProperty().get().equals("saved")
                && details.detailsProperty().get().title().equals("Database, primary"));

        settings.vcpusProperty().set("many");
        assertEquals("A whole number of vCPUs, e.g. 2.", settings.vcpusErrorProperty().get(), "refused where typed, the wizard's words");
        assertFalse(settings.canApplyCpu().get(), "nothing is sent while a field is wrong");
        settings.vcpusProperty().set("3");
        assertEquals("No more than the maximum of 2.", settings.vcpusErrorProperty().get());
        settings.maxVcpusProperty().set("100000");
        assertTrue(settings.maxVcpusErrorProperty().get().startsWith("Between 1 and "), settings.maxVcpusErrorProperty().get());
        settings.maxVcpusProperty().set("4");
        settings.socketsProperty().set("3");
        assertEquals("Sockets, cores and threads: whole numbers from 1, or all three empty for the hypervisor's default.",
                settings.topologyErrorProperty().get());
        settings.coresProperty().set("1");
        settings.threadsProperty().set("1");
        assertEquals("3 × 1 × 1 = 3, but the maximum is 4 vCPUs: the product must equal it.", settings.topologyErrorProperty().get());
        settings.socketsProperty().set("2");
        settings.coresProperty().set("2");
        assertTrue(settings.canApplyCpu().get());
        settings.applyCpu();
        // It runs: the maximum and topology wait for the next start, and 3 vCPUs are more than it runs with at most.
        fx.drainUntil("applied and read back", 10, () -> settings.settingsProperty().get() != null
                && settings.settingsProperty().get().saved().cpu().maxVcpus() == 4);
        assertEquals("Saved: it applies at the next start (the VM runs with the old values until then).", settings.cpuMessageProperty().get());
        assertEquals("Saved for the next start: 3 of at most 4 vCPUs, Hypervisor default, 2 × 2 × 1. Runs now with 2 of at most 2 vCPUs,"
                + " Hypervisor default.", settings.cpuPendingProperty().get());
        assertEquals("2", settings.socketsProperty().get());
        assertEquals("4", settings.maxVcpusProperty().get(), "the fields show what was saved");

        settings.memoryMaximumProperty().set("1 TiB");
        assertTrue(settings.memoryMaximumErrorProperty().get().startsWith("Between 64 MiB and the host's"),
                settings.memoryMaximumErrorProperty().get());
        settings.memoryMaximumProperty().set("512 MiB");
        settings.memoryCurrentProperty().set("1 GiB");
        assertEquals("No more than the maximum of 512 MiB.", settings.memoryCurrentErrorProperty().get());
        settings.memoryCurrentProperty().set("384");
        settings.applyMemory();
        fx.drainUntil("memory applied", 10, () -> settings.settingsProperty().get() != null
                && settings.settingsProperty().get().saved().memory().equals(new VmSettings.Memory(384L << 20, 512L << 20)));
        assertEquals("384 MiB", settings.memoryCurrentProperty().get());
    }

    @Test
    void snapshotsAreTakenAndDeleted() throws Exception {
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, fleet, messages, fx);
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
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, fleet, messages, fx);
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
