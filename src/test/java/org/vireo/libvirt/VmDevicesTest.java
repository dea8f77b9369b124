package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DiskSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.OperationException;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * Disks, CD-ROM media and NICs added, changed and removed through libvirt on the test driver behind a
 * private libvirtd (so that virsh, the oracle, sees the same node), and refusals that change nothing.
 */
class VmDevicesTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path home;

    @Test
    void disksMediaAndNicsChangeAsVirshSaysAndRefusalsChangeNothing() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            String own = setup.createVolume("off-root.qcow2", GIB);
            String shared = setup.createVolume("shared.qcow2", GIB);
            String spare = setup.createVolume("spare.qcow2", GIB);
            String iso = setup.createVolume("debian.iso", GIB / 4);
            setup.define(domain("off", "<disk type='file' device='disk'><source file='" + own + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='disk'><source file='" + shared + "'/><target dev='vdb' bus='virtio'/><shareable/></disk>"
                    + "<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>"
                    + "<interface type='network'><mac address='52:54:00:aa:00:01'/><source network='default'/><model type='virtio'/></interface>"));
            setup.define(domain("other", "<disk type='file' device='disk'><source file='" + shared + "'/><target dev='vda' bus='virtio'/><shareable/></disk>"
                    + "<interface type='network'><mac address='52:54:00:bb:00:01'/><source network='default'/></interface>"));
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                VmSummary off = DomainReader.read("n", conn.domainLookupByName("off"));

                DeviceChoices choices = VmDevices.choices(conn, off);
                assertEquals(List.of("other"), choices.usersOf(shared), "the shared volume's other user");
                assertTrue(choices.macsInUse().contains("52:54:00:bb:00:01") && !choices.macsInUse().contains("52:54:00:aa:00:01"),
                        "other VMs' MACs, not its own: " + choices.macsInUse());
                assertTrue(choices.targetsUsed().containsAll(List.of("vda", "vdb", "sda")), choices.targetsUsed().toString());

                // A new 1 GiB qcow2 volume as vdc.
                assertEquals("", VmDevices.addDisk(conn, off, disk(new DiskSpec.NewVolume("default-pool", "off-data.qcow2", GIB, "qcow2"), "vdc")));
                assertTrue(blockList(uri, "off").contains("vdc /default-pool/off-data.qcow2"), blockList(uri, "off"));
                assertTrue(Virsh.run(uri, "vol-info", "--pool", "default-pool", "off-data.qcow2").stream()
                        .anyMatch(l -> l.matches("Capacity:\\s+1\\.00 GiB")), "1 GiB");

                // An existing volume: none is made.
                int volumes = volumeList(uri).size();
                VmDevices.addDisk(conn, off, disk(new DiskSpec.ExistingVolume("default-pool", "spare.qcow2", spare, "qcow2"), "vdd"));
                assertTrue(blockList(uri, "off").contains("vdd " + spare));
                assertEquals(volumes, volumeList(uri).size(), "no volume made for an existing one");

                // Removed without and with its volume.
                VmDevices.remove(conn, off, device(conn, off, "vdd"), false);
                assertFalse(blockList(uri, "off").contains("vdd"));
                assertTrue(volumeList(uri).contains("spare.qcow2"), "kept");
                VmDevices.remove(conn, off, device(conn, off, "vdc"), true);
                assertFalse(blockList(uri, "off").contains("vdc"));
                assertFalse(volumeList(uri).contains("off-data.qcow2"), "deleted with its disk");

                // Refusals leave the definition byte-identical and no volume behind.
                String before = inactiveXml(uri, "off");
                OperationException inUse = assertThrows(OperationException.class,
                        () -> VmDevices.remove(conn, off, device(conn, off, "vdb"), true));
                assertTrue(inUse.detail().contains("other"), inUse.detail());
                assertEquals(before, inactiveXml(uri, "off"));
                assertTrue(volumeList(uri).contains("shared.qcow2"));
                DiskSpec badBus = new DiskSpec("disk", new DiskSpec.NewVolume("default-pool", "refused.qcow2", GIB, "qcow2"),
                        "bogus", "vdc", "", false, false);
                Exception refused = assertThrows(Exception.class, () -> VmDevices.addDisk(conn, off, badBus));
                String reason = refused instanceof OperationException op ? op.detail() : String.valueOf(refused.getMessage());
                assertTrue(reason.contains("bogus"), "libvirt's reason: " + reason);
                assertEquals(before, inactiveXml(uri, "off"), "a refused disk changes nothing");
                assertFalse(volumeList(uri).contains("refused.qcow2"), "the volume made for it is deleted again");

                // CD-ROM media in and out.
                VmDevices.changeMedia(conn, off, "sda", new DiskSpec.ExistingVolume("default-pool", "debian.iso", iso, "raw"));
                assertTrue(blockList(uri, "off").contains("sda " + iso), blockList(uri, "off"));
                VmDevices.changeMedia(conn, off, "sda", new DiskSpec.None());
                assertTrue(blockList(uri, "off").contains("sda -"), blockList(uri, "off"));

                // A second NIC, its link down, removed.
                VmDevices.addNic(conn, off, new NicSpec("network", "default", "e1000e", "52:54:00:aa:00:02", true));
                assertTrue(String.join("\n", Virsh.run(uri, "domiflist", "off", "--inactive")).contains("52:54:00:aa:00:02"));
                VmDevices.editNic(conn, off, "52:54:00:aa:00:02", new NicSpec("network", "default", "e1000e", "52:54:00:aa:00:02", false));
                assertTrue(String.join(" ", Virsh.run(uri, "domif-getlink", "off", "52:54:00:aa:00:02", "--config")).contains("down"));
                VmDevice second = DomainDevices.of(conn, off).stream().filter(d -> d.nic() != null && d.nic().mac().equals("52:54:00:aa:00:02"))
                        .findFirst().orElseThrow();
                VmDevices.remove(conn, off, second, false);
                assertFalse(String.join("\n", Virsh.run(uri, "domiflist", "off", "--inactive")).contains("52:54:00:aa:00:02"));

                // The test driver's running VM cannot be changed live: saved for its next start, and said so.
                VmSummary running = DomainReader.read("n", conn.domainLookupByName("test"));
                String notLive = VmDevices.addNic(conn, running, new NicSpec("network", "default", "virtio", "52:54:00:cc:00:01", true));
                assertTrue(notLive.contains("next start"), notLive);
                assertTrue(String.join("\n", Virsh.run(uri, "domiflist", "test", "--inactive")).contains("52:54:00:cc:00:01"));
                assertFalse(String.join("\n", Virsh.run(uri, "domiflist", "test")).contains("52:54:00:cc:00:01"));
                assertEquals(VmDevice.Pending.ADDED, VmInspector.details(conn, running).devices().stream()
                        .filter(d -> d.nic() != null && d.nic().mac().equals("52:54:00:cc:00:01")).findFirst().orElseThrow().pending());
            } finally {
                conn.close();
            }
        }
    }

    private static String domain(String name, String devices) {
        return "<domain type='test'><name>" + name + "</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
                + devices + "</devices></domain>";
    }

    private static DiskSpec disk(DiskSpec.Source source, String target) {
        return new DiskSpec("disk", source, "virtio", target, "", false, false);
    }

    private static VmDevice device(VireoConnect conn, VmSummary vm, String target) throws Exception {
        return DomainDevices.of(conn, vm).stream().filter(d -> d.disk() != null && d.disk().target().equals(target)).findFirst().orElseThrow();
    }

    private static String blockList(String uri, String name) {
        return String.join("\n", Virsh.run(uri, "domblklist", name, "--inactive")).replaceAll("[ \\t]+", " ");
    }

    private static List<String> volumeList(String uri) {
        return Virsh.run(uri, "vol-list", "default-pool").stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    private static String inactiveXml(String uri, String name) {
        return String.join("\n", Virsh.run(uri, "dumpxml", name, "--inactive"));
    }

    /** The devices as the Hardware tab reads them. */
    private static final class DomainDevices {
        static List<VmDevice> of(VireoConnect conn, VmSummary vm) throws Exception {
            return VmInspector.details(conn, vm).devices();
        }
    }
}
