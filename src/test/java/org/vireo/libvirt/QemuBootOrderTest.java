package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * The boot order as the firmware sees it: SeaBIOS, told to print on the serial port (written to a file),
 * says which device it boots from. Changed through Vireo, the next start boots from the CD-ROM first.
 */
class QemuBootOrderTest {

    @TempDir
    Path dir;

    @Test
    void theNextStartBootsFromTheDeviceMovedToTheFront() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path disk = dir.resolve("boot-vm.qcow2");
            Path iso = Files.write(dir.resolve("installer.iso"), new byte[1 << 20]);
            Path serial = dir.resolve("serial.log");
            new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M").inheritIO().start().waitFor();
            Path xml = Files.writeString(dir.resolve("boot-vm.xml"), "<domain type='qemu'><name>boot-vm</name>"
                    + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                    + "<os><type arch='x86_64' machine='q35'>hvm</type><boot dev='hd'/><bios useserial='yes'/></os><devices>"
                    + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + disk + "'/>"
                    + "<target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='" + iso + "'/>"
                    + "<target dev='sda' bus='sata'/><readonly/></disk>"
                    + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                    + "</devices></domain>");
            Virsh.run(uri, "define", xml.toString());
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                VmSummary vm = DomainReader.read("qemu", conn.domainLookupByName("boot-vm"));
                assertEquals(List.of("disk:vda:1", "disk:sda:0"), VmSettingsEditor.read(conn, vm).saved().boot().devices().stream()
                        .map(d -> d.id() + ":" + d.order()).toList(), "the old <boot dev='hd'/>, read as a device order");

                VmSettingsEditor.change(conn, vm, "boot", doc -> VmSettingsEditor.setBoot(doc, new VmSettings.Boot(List.of(
                        new VmSettings.BootDevice("disk:sda", "", "", 1), new VmSettings.BootDevice("disk:vda", "", "", 2)), false, 0)), null);
                Virsh.run(uri, "start", "boot-vm");
                String seen = "";
                for (int i = 0; i < 100 && !seen.contains("Booting from"); i++) {
                    Thread.sleep(200);
                    seen = Files.exists(serial) ? Files.readString(serial) : "";
                }
                Virsh.run(uri, "destroy", "boot-vm");
                assertTrue(seen.contains("Booting from DVD/CD"), "SeaBIOS on the serial port: " + seen);
            } finally {
                conn.close();
            }
        }
    }
}
