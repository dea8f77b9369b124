package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;
import org.vireo.model.VmDetails;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSummary;
import org.vireo.testlab.NodeFiles;
import org.w3c.dom.Element;

/**
 * The Hardware tab's reading of devices, on libvirt's test driver: every domain of the demo lab, of
 * virt-manager's own test fixture (when it is beside this checkout) and of a node with network disks,
 * hostdev NICs, TPM, virtiofs and devices Vireo has never heard of reads without an error, and the
 * count per kind equals what {@code dumpxml} holds.
 */
class DeviceReaderTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfDeviceIsListedWithWhatItIs() throws Exception {
        Path file = dir.resolve("exotic.xml");
        try (InputStream in = DeviceReaderTest.class.getResourceAsStream("exotic-devices.xml")) {
            Files.write(file, in.readAllBytes());
        }
        VmDetails details = detailsOfAll("test://" + file).get("exotic");
        Map<String, VmDevice> byTitle = details.devices().stream().collect(Collectors.toMap(VmDevice::title, d -> d, (a, b) -> a));
        assertEquals("virtio · raw rbd pool/image on mon1.example:6789", byTitle.get("vda").summary());
        assertEquals("virtio · iscsi iqn.2013-07.com.example:iscsi-pool/1 on iscsi.example:3260", byTitle.get("vdb").summary());
        assertTrue(byTitle.get("vde").summary().contains("data.qcow2 in pool default-pool"), byTitle.get("vde").summary());
        assertEquals("virtio · /dev/sdz · shared", byTitle.get("vdf").summary());
        assertEquals("http /iso/debian.iso on mirror.example:80 · sata", byTitle.get("CD-ROM sda").summary());
        assertEquals("empty · sata", byTitle.get("CD-ROM sdb").summary());
        assertEquals("network default · virtio · link down", byTitle.get("NIC 52:54:00:00:00:01").summary());
        assertEquals("hostdev 0x0000:0x03:0x00.0x1 · link up", byTitle.get("NIC 52:54:00:00:00:05").summary());
        assertEquals("127.0.0.1 · port chosen at start", byTitle.get("VNC").summary());
        assertEquals("emulator · 2.0", byTitle.get("TPM").summary().replace("tpm-crb · ", ""));
        assertEquals("virtiofs · /srv/share \u2192 share", byTitle.get("Shared folder").summary());
        assertTrue(details.devices().stream().anyMatch(d -> d.kind() == VmDevice.Kind.OTHER && d.title().equals("vsock")), "vsock is other");
        assertTrue(byTitle.get("vda").xml().startsWith("<disk ") && byTitle.get("vda").xml().contains("protocol=\"rbd\""), byTitle.get("vda").xml());
        assertTrue(byTitle.get("vda").xml().endsWith("\n</disk>"), "indented relative to itself: " + byTitle.get("vda").xml());

        assertEquals("", details.stateReason(), "the test driver gives no reason: none is shown, not 'unknown'");
        assertEquals("uefi-secure", details.platform().firmware());
        assertEquals("q35", details.platform().machine());
        assertEquals("http://debian.org/debian/12", details.platform().os());
        assertEquals("host-passthrough", details.platform().cpuMode());
        assertEquals("VNC, SPICE", details.platform().display());
    }

    @Test
    void theDemoLabAndVirtManagersFixtureReadWithoutAnErrorAndCountRight() throws Exception {
        List<String> uris = new ArrayList<>();
        for (String name : List.of("workstation.xml", "lab-server.xml", "edge-box.xml")) {
            Path file = dir.resolve(name);
            try (InputStream in = DeviceReaderTest.class.getResourceAsStream("/org/vireo/demo/" + name)) {
                Files.write(file, in.readAllBytes());
            }
            uris.add("test://" + file);
        }
        NodeFiles.peerFixture().ifPresent(fixture -> uris.add("test://" + fixture));
        int domains = 0;
        for (String uri : uris) {
            Map<String, VmDetails> all = detailsOfAll(uri);
            domains += all.size();
            if (uri.endsWith("workstation.xml")) {
                // A file that is a volume of a pool is named as the pool knows it.
                assertEquals("virtio · 60 GiB qcow2 fedora-41-desktop-vda.qcow2 in pool default", all.get("fedora-41-desktop").devices()
                        .stream().filter(d -> d.title().equals("vda")).findFirst().orElseThrow().summary());
            }
        }
        assertTrue(domains >= 41, "the demo lab's 41 domains at least: read " + domains);
    }

    /** Every domain's details on {@code uri}, checked against its own dumpxml's device counts. */
    private static Map<String, VmDetails> detailsOfAll(String uri) throws Exception {
        LibvirtRuntime.start();
        VireoConnect conn = new VireoConnect(uri);
        Map<String, VmDetails> all = new TreeMap<>();
        try {
            for (String name : names(conn)) {
                Domain domain = conn.domainLookupByName(name);
                VmSummary vm = DomainReader.read("n", domain);
                VmDetails details = VmInspector.details(conn, vm);
                assertEquals(kindsInXml(domain.getXMLDesc(0)), kindsListed(details.devices()), "device kinds of " + name + " on " + uri);
                for (VmDevice device : details.devices()) {
                    assertFalse(device.title().isBlank(), name + ": a device without a title: " + device);
                    if (device.kind() == VmDevice.Kind.DISK) {
                        assertFalse(device.summary().contains("no source"), name + ": " + device);
                    }
                }
                domain.free();
                all.put(name, details);
            }
        } finally {
            conn.close();
        }
        return all;
    }

    private static List<String> names(VireoConnect conn) throws Exception {
        List<String> names = new ArrayList<>(List.of(conn.listDefinedDomains()));
        for (int id : conn.listDomains()) {
            names.add(conn.domainLookupByID(id).getName());
        }
        return names;
    }

    /** The oracle: counted from the XML by element name, independently of DeviceReader's table. */
    private static Map<String, Integer> kindsInXml(String xml) {
        Map<String, Integer> counts = new TreeMap<>();
        Element devices = XmlElements.child(XmlElements.parse(xml).getDocumentElement(), "devices");
        for (Element e : XmlElements.children(devices)) {
            String name = e.getTagName();
            String kind = switch (name) {
                case "emulator" -> null;
                case "disk" -> List.of("cdrom", "floppy").contains(e.getAttribute("device")) ? "DRIVE" : "DISK";
                case "interface" -> "NIC";
                case "serial", "console", "channel", "parallel" -> "CONSOLE";
                case "hostdev", "redirdev", "smartcard", "redirfilter" -> "HOST_DEVICE";
                case "memballoon" -> "BALLOON";
                case "audio" -> "SOUND";
                case "graphics", "video", "sound", "input", "controller", "tpm", "rng", "watchdog", "filesystem" -> name.toUpperCase();
                default -> "OTHER";
            };
            if (kind != null) {
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Integer> kindsListed(List<VmDevice> devices) {
        Map<String, Integer> counts = new TreeMap<>();
        devices.forEach(d -> counts.merge(d.kind().name(), 1, Integer::sum));
        return counts;
    }
}
