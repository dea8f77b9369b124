package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.OperationException;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/** Boot order, processor and memory changed through libvirt on the test driver, virsh the oracle; refusals change nothing. */
class VmSettingsEditorTest {

    @TempDir
    Path home;

    @Test
    void bootCpuAndMemoryReachTheSavedDefinitionAndRefusalsChangeNothing() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            setup.define("<domain type='test'><name>srv</name><memory unit='MiB'>512</memory><vcpu>4</vcpu>"
                    + "<os><type arch='x86_64'>hvm</type><boot dev='hd'/><boot dev='network'/></os><devices>"
                    + "<disk type='file' device='disk'><source file='/var/lib/srv.qcow2'/><target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='cdrom'><source file='/isos/debian.iso'/><target dev='sda' bus='sata'/><readonly/></disk>"
                    + "<interface type='network'><mac address='52:54:00:aa:00:01'/><source network='default'/></interface>"
                    + "</devices></domain>");
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                VmSummary vm = DomainReader.read("n", conn.domainLookupByName("srv"));
                VmSettings read = VmSettingsEditor.read(conn, vm);
                assertNull(read.live(), "shut off: nothing runs");
                // The old <os><boot dev> order, read as a device order: the disk, then the NIC; the CD-ROM not.
                assertEquals(List.of("disk:vda:1", "nic:52:54:00:aa:00:01:2", "disk:sda:0"), read.saved().boot().devices().stream()
                        .map(d -> d.id() + ":" + d.order()).toList());
                assertEquals(new VmSettings.Cpu("", "", 0, 0, 0, 4, 4), read.saved().cpu());
                assertEquals(new VmSettings.Memory(512L << 20, 512L << 20), read.saved().memory());
                // The test driver has no domain capabilities: every model libvirt knows for x86_64 is offered.
                List<String> models = Virsh.run(uri, "cpu-models", "x86_64").stream().filter(l -> !l.isBlank())
                        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
                assertEquals(models, read.limits().cpuModels());
                assertTrue(read.limits().modelsFrom().contains("no domain capabilities"), read.limits().modelsFrom());

                // CD-ROM first, then the disk; the NIC no longer boots; a boot menu of 5 s.
                VmSettings.Boot boot = new VmSettings.Boot(List.of(
                        new VmSettings.BootDevice("disk:sda", "", "", 1), new VmSettings.BootDevice("disk:vda", "", "", 2),
                        new VmSettings.BootDevice("nic:52:54:00:aa:00:01", "", "", 0)), true, 5000);
                assertEquals("", VmSettingsEditor.change(conn, vm, "boot", saved -> VmSettingsEditor.setBoot(saved, boot), null));
                String xml = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv"));
                assertFalse(xml.contains("<boot dev="), "the old way is replaced, never left beside: " + xml);
                assertTrue(xml.matches("(?s).*<target dev='sda' bus='sata'/>.*<boot order='1'/>.*"), xml);
                assertTrue(xml.matches("(?s).*<target dev='vda' bus='virtio'/>\\s*<boot order='2'/>.*"), xml);
                assertEquals(2, xml.split("<boot order=").length - 1, "the NIC does not boot");
                assertTrue(xml.contains("<bootmenu enable='yes' timeout='5000'/>"), xml);
                assertEquals(boot.devices().stream().map(d -> d.id() + ":" + d.order()).toList(),
                        VmSettingsEditor.read(conn, vm).saved().boot().devices().stream().map(d -> d.id() + ":" + d.order()).toList());

                // Two sockets × two cores, host-passthrough, 2 of 4 vCPUs running.
                assertEquals("", VmSettingsEditor.change(conn, vm, "cpu",
                        saved -> VmSettingsEditor.setCpu(saved, new VmSettings.Cpu("host-passthrough", "", 2, 2, 1, 2, 4)), null));
                xml = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv"));
                assertTrue(xml.contains("<vcpu placement='static' current='2'>4</vcpu>"), xml);
                assertTrue(xml.matches("(?s).*<cpu mode='host-passthrough'[^>]*>\\s*<topology sockets='2' (dies='1' )?cores='2' threads='1'/>.*"), xml);
                assertEquals(new VmSettings.Cpu("host-passthrough", "", 2, 2, 1, 2, 4), VmSettingsEditor.read(conn, vm).saved().cpu());

                // A named model.
                VmSettingsEditor.change(conn, vm, "cpu", saved -> VmSettingsEditor.setCpu(saved, new VmSettings.Cpu("custom", "Haswell", 2, 2, 1, 4, 4)), null);
                xml = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv"));
                assertTrue(xml.matches("(?s).*<cpu mode='custom' match='exact'[^>]*>\\s*<model fallback='allow'>Haswell</model>.*"), xml);
                assertTrue(xml.contains("<vcpu placement='static'>4</vcpu>"), xml);

                // A mode libvirt does not know (the window offers only the node's): refused, nothing changes.
                String before = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv"));
                OperationException refused = assertThrows(OperationException.class, () -> VmSettingsEditor.change(conn, vm, "cpu",
                        saved -> VmSettingsEditor.setCpu(saved, new VmSettings.Cpu("host-pass", "", 2, 2, 1, 4, 4)), null));
                assertTrue(refused.detail().contains("failed to validate against schema"), refused.detail());
                assertEquals(before, String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv")));

                // Back to the hypervisor's default: no <cpu> left.
                VmSettingsEditor.change(conn, vm, "cpu", saved -> VmSettingsEditor.setCpu(saved, new VmSettings.Cpu("", "", 0, 0, 0, 4, 4)), null);
                assertFalse(String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv")).contains("<cpu"));

                // Memory: 256 MiB of at most 1 GiB.
                assertEquals("", VmSettingsEditor.change(conn, vm, "memory",
                        saved -> VmSettingsEditor.setMemory(saved, new VmSettings.Memory(256L << 20, 1L << 30)), null));
                List<String> info = Virsh.run(uri, "dominfo", "srv");
                assertTrue(info.stream().anyMatch(l -> l.matches("Max memory:\\s+1048576 KiB")), info.toString());
                assertTrue(info.stream().anyMatch(l -> l.matches("Used memory:\\s+262144 KiB")), info.toString());
                before = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv"));
                refused = assertThrows(OperationException.class, () -> VmSettingsEditor.change(conn, vm, "memory",
                        saved -> VmSettingsEditor.setMemory(saved, new VmSettings.Memory(0, 0)), null));
                assertTrue(refused.detail().contains("Memory size must be specified"), refused.detail());
                assertEquals(before, String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "srv")), refused.detail());
            } finally {
                conn.close();
            }
        }
    }
}
