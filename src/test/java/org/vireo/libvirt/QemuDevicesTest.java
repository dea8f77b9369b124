package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;
import org.vireo.model.DiskSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.OperationException;
import org.vireo.model.VmAction;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSettings;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * Device changes on a running QEMU guest (TCG, q35 with free PCIe root ports, firmware only) on a
 * private libvirtd: media inserted into and ejected from an empty CD-ROM, a virtio disk and a NIC
 * hot-plugged, the NIC's link set down; the live and the saved definition follow each time, and the
 * VM keeps running. virsh through the same daemon is the oracle.
 */
class QemuDevicesTest {

    @TempDir
    Path dir;

    @Test
    void aRunningGuestTakesMediaDisksAndNicsLiveAndSaved() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = Files.createDirectories(dir.resolve("pool"));
            Virsh.run(uri, "pool-create-as", "vms", "dir", "--target", poolDir.toString());
            Virsh.run(uri, "vol-create-as", "vms", "hot-vm-vda.qcow2", "64M", "--format", "qcow2");
            Virsh.run(uri, "vol-create-as", "vms", "rescue.iso", "4M", "--format", "raw");
            StringBuilder ports = new StringBuilder();
            for (int i = 1; i <= 8; i++) {
                ports.append("<controller type='pci' index='").append(i).append("' model='pcie-root-port'/>");
            }
            Path xml = Files.writeString(dir.resolve("hot-vm.xml"), "<domain type='qemu'><name>hot-vm</name>"
                    + "<memory unit='MiB'>128</memory><vcpu current='1'>2</vcpu><os><type arch='x86_64' machine='q35'>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + poolDir.resolve("hot-vm-vda.qcow2")
                    + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>"
                    + "<controller type='pci' index='0' model='pcie-root'/>" + ports
                    + "<interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>"
                    + "</devices></domain>");
            Virsh.run(uri, "define", xml.toString());
            Virsh.run(uri, "start", "hot-vm");
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                Domain domain = conn.domainLookupByName("hot-vm");
                VmSummary vm = new VmSummary("qemu", domain.getUUIDString(), "hot-vm", VmState.RUNNING, 1, 128L << 20, true, false, List.of());
                domain.free();
                String iso = poolDir.resolve("rescue.iso").toString();

                // Media into the empty drive and out again: live and saved both follow.
                assertEquals("", VmDevices.changeMedia(conn, vm, "sda", new DiskSpec.ExistingVolume("vms", "rescue.iso", iso, "raw")));
                assertTrue(blockList(uri, false).contains("sda " + iso), blockList(uri, false));
                assertTrue(blockList(uri, true).contains("sda " + iso), blockList(uri, true));
                assertEquals("", VmDevices.changeMedia(conn, vm, "sda", new DiskSpec.None()));
                assertTrue(blockList(uri, false).contains("sda -") && blockList(uri, true).contains("sda -"),
                        blockList(uri, false) + "\n" + blockList(uri, true));

                // A virtio disk on a new volume, hot-plugged into a free root port.
                String notLive = VmDevices.addDisk(conn, vm, new DiskSpec("disk",
                        new DiskSpec.NewVolume("vms", "hot-vm-vdb.qcow2", 32L << 20, "qcow2"), "virtio", "vdb", "", false, false));
                assertEquals("", notLive, "hot-plugged");
                assertTrue(blockList(uri, false).contains("vdb " + poolDir.resolve("hot-vm-vdb.qcow2")), blockList(uri, false));
                assertTrue(blockList(uri, true).contains("vdb " + poolDir.resolve("hot-vm-vdb.qcow2")), blockList(uri, true));

                // A second NIC, hot-plugged, its link set down live.
                assertEquals("", VmDevices.addNic(conn, vm, new NicSpec("user", "", "virtio", "52:54:00:00:00:02", true)));
                assertTrue(String.join("\n", Virsh.run(uri, "domiflist", "hot-vm")).contains("52:54:00:00:00:02"));
                assertEquals("", VmDevices.editNic(conn, vm, "52:54:00:00:00:02", new NicSpec("user", "", "virtio", "52:54:00:00:00:02", false)));
                assertTrue(String.join(" ", Virsh.run(uri, "domif-getlink", "hot-vm", "52:54:00:00:00:02")).contains("down"), "live link down");
                assertTrue(String.join(" ", Virsh.run(uri, "domif-getlink", "hot-vm", "52:54:00:00:00:02", "--config")).contains("down"), "saved too");

                // Removed: gone from the saved definition at once; live when the guest lets go, which a guest
                // without an operating system never does, and that is said rather than "removed".
                VmDevice second = VmInspector.details(conn, vm).devices().stream()
                        .filter(d -> d.nic() != null && d.nic().mac().equals("52:54:00:00:00:02")).findFirst().orElseThrow();
                String removed = VmDevices.remove(conn, vm, second, false);
                assertFalse(String.join("\n", Virsh.run(uri, "domiflist", "hot-vm", "--inactive")).contains("52:54:00:00:00:02"));
                boolean stillLive = String.join("\n", Virsh.run(uri, "domiflist", "hot-vm")).contains("52:54:00:00:00:02");
                assertEquals(stillLive, removed.contains("has not released it yet"), "said exactly when still there: " + removed);

                // A bus that cannot be hot-plugged: saved for the next start, said so, the VM still running.
                String sata = VmDevices.addDisk(conn, vm, new DiskSpec("disk",
                        new DiskSpec.NewVolume("vms", "hot-vm-sdb.qcow2", 32L << 20, "qcow2"), "sata", "sdb", "", false, false));
                assertTrue(sata.contains("next start"), sata);
                assertTrue(blockList(uri, true).contains("sdb") && !blockList(uri, false).contains("sdb"));

                // Settings: the models offered are libvirt's for x86_64 that the domain capabilities call usable.
                VmSettings settings = VmSettingsEditor.read(conn, vm);
                List<String> usable = Virsh.run(uri, "domcapabilities", "--virttype", "qemu", "--arch", "x86_64", "--machine", "q35").stream()
                        .map(String::strip).filter(l -> l.startsWith("<model usable='yes'"))
                        .map(l -> l.replaceAll("<[^>]*>", "").strip()).toList();
                List<String> expected = Virsh.run(uri, "cpu-models", "x86_64").stream().filter(usable::contains)
                        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
                assertFalse(expected.isEmpty());
                assertEquals(expected, settings.limits().cpuModels());
                assertTrue(settings.limits().cpuModes().contains("host-model"), settings.limits().cpuModes().toString());
                // A topology QEMU refuses (3 sockets for 1 vCPU): refused with its words, the saved XML untouched.
                String saved = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "hot-vm"));
                OperationException topology = assertThrows(OperationException.class, () -> VmSettingsEditor.change(conn, vm, "cpu",
                        doc -> VmSettingsEditor.setCpu(doc, new VmSettings.Cpu("", "", 3, 1, 1, 1, 2)), VmSettingsEditor.liveVcpus(1)));
                assertTrue(topology.detail().contains("topology"), topology.detail());
                assertEquals(saved, String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "hot-vm")));
                // A second vCPU hot-added to the running guest (its maximum is 2): live and saved.
                assertEquals("", VmSettingsEditor.change(conn, vm, "cpu",
                        doc -> VmSettingsEditor.setCpu(doc, new VmSettings.Cpu("", "", 0, 0, 0, 2, 2)), VmSettingsEditor.liveVcpus(2),
                        VmSettings::cpuPending), "in effect now: nothing waits");
                assertTrue(Virsh.run(uri, "vcpucount", "hot-vm", "--live", "--active").get(0).strip().equals("2"),
                        Virsh.run(uri, "vcpucount", "hot-vm").toString());
                assertTrue(Virsh.run(uri, "vcpucount", "hot-vm", "--config", "--active").get(0).strip().equals("2"));
                // The balloon lowered live; the maximum for the next start.
                String memory = VmSettingsEditor.change(conn, vm, "memory",
                        doc -> VmSettingsEditor.setMemory(doc, new VmSettings.Memory(96L << 20, 192L << 20)), VmSettingsEditor.liveMemory(96L << 20),
                        VmSettings::memoryPending);
                assertEquals("Saved: it applies at the next start (the VM runs with the old values until then).", memory);
                List<String> info = Virsh.run(uri, "dominfo", "hot-vm");
                assertTrue(info.stream().anyMatch(l -> l.matches("Max memory:\\s+131072 KiB")), "the running maximum stays: " + info);
                assertTrue(String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "hot-vm")).contains("<memory unit='KiB'>196608</memory>"));
                assertEquals(new VmSettings.Memory(96L << 20, 192L << 20), VmSettingsEditor.read(conn, vm).saved().memory());

                // Its root disk grown from 64 to 128 MiB while it runs: through the VM, so QEMU sees it at once.
                StoragePools.resizeVolume(conn, "vms", "hot-vm-vda.qcow2", 128L << 20, false);
                assertTrue(String.join("\n", Virsh.run(uri, "domblkinfo", "hot-vm", "vda")).matches("(?s).*Capacity:\\s+134217728.*"),
                        String.join("\n", Virsh.run(uri, "domblkinfo", "hot-vm", "vda")));

                // Force reset: QEMU resets the machine, and libvirt tells its listeners (virsh event here) it rebooted.
                Process events = new ProcessBuilder("virsh", "-c", uri, "event", "--domain", "hot-vm", "--event", "reboot",
                        "--timeout", "20").redirectErrorStream(true).start();
                Thread.sleep(1500);   // virsh registers for the event before the reset
                VmOperations.perform(conn, vm, VmAction.RESET, false);
                String seen = new String(events.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(seen.contains("event 'reboot' for domain 'hot-vm'"), seen);
                // An NMI reaches QEMU (a guest without an OS shows nothing; the e2e guest's kernel does).
                VmOperations.perform(conn, vm, VmAction.NMI, false);

                assertEquals("running", Virsh.run(uri, "domstate", "hot-vm").get(0).strip());
                assertFalse(Virsh.run(uri, "domblklist", "hot-vm").isEmpty());
            } finally {
                conn.close();
            }
        }
    }

    private static String blockList(String uri, boolean saved) {
        List<String> args = saved ? List.of("domblklist", "hot-vm", "--inactive") : List.of("domblklist", "hot-vm");
        return String.join("\n", Virsh.run(uri, args.toArray(String[]::new))).replaceAll("[ \\t]+", " ");
    }
}
