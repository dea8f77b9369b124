package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.create.VmSpec;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * A VM made the way the wizard makes it, on a private libvirtd with QEMU, has the devices every guest wants
 * (#24 item 3): the guest agent's channel, a USB tablet, virtio RNG and balloon, the serial console; and it
 * starts with them (QEMU/TCG, no operating system). virsh is the oracle.
 */
class NewVmDevicesTest {

    @TempDir
    Path dir;

    @Test
    void everyNewVmHasTheAgentChannelTabletRngAndBalloonAndStarts() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = daemon.dirPool("vms", dir.resolve("pool"));
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(new NodeRef("n", "node", uri), Duration.ofSeconds(20)).state());
                NodeFacts facts = fleet.facts("n").get(20, TimeUnit.SECONDS);
                SpecDraft draft = new SpecDraft("agent-vm", OsVariant.DEBIAN_12, "none", "", "", "", "", "1", "128M", "new",
                        "vms", "16M", "qcow2", "", "user", "", "", false, "", "", "", "", true);
                String xml = create(fleet, facts, draft, uri);
                assertTrue(xml.matches("(?s).*<channel type='unix'>.*<target type='virtio' name='org\\.qemu\\.guest_agent\\.0'/>.*</channel>.*"), xml);
                assertTrue(xml.contains("<input type='tablet' bus='usb'>"), xml);
                assertTrue(xml.contains("<controller type='usb' index='0' model='qemu-xhci'"), xml);
                assertTrue(xml.contains("<rng model='virtio'>"), xml);
                assertTrue(xml.contains("<memballoon model='virtio'>"), xml);
                assertTrue(xml.contains("<console type='pty'>"), xml);
                assertEquals("running", Virsh.run(uri, "domstate", "agent-vm").get(0).strip(), "QEMU started it with these devices");
                // The agent's socket is there for Vireo to ask (no agent runs in a guest without an OS: it stays disconnected).
                assertTrue(String.join("\n", Virsh.run(uri, "dumpxml", "agent-vm"))
                        .matches("(?s).*<target type='virtio' name='org\\.qemu\\.guest_agent\\.0' state='disconnected'/>.*"));
                Virsh.run(uri, "destroy", "agent-vm");

                // Windows 11: what the node's domain capabilities offer (OVMF with Secure Boot, swtpm) makes a VM
                // Windows Setup accepts: UEFI with Secure Boot and enrolled keys, SMM, a TPM 2.0, SATA and e1000e.
                // What Vireo read equals what virsh domcapabilities lists for the same emulator, arch and machine.
                String caps = String.join("\n", Virsh.run(uri, "domcapabilities", "--virttype", facts.domainTypes().get(0),
                        "--arch", "x86_64", "--machine", "q35"));
                assertEquals(new NodeFacts.Firmware(true, caps.contains("<value>efi</value>"),
                        caps.matches("(?s).*<enum name='secure'>\\s*<value>yes</value>.*"),
                        caps.matches("(?s).*<enum name='backendModel'>(?:(?!</enum>).)*<value>emulator</value>.*")), facts.firmware(), caps);
                assertEquals(new NodeFacts.Firmware(true, true, true, true), facts.firmware(), "the CI machine installs ovmf and swtpm");
                SpecDraft windows = new SpecDraft("win-vm", OsVariant.WINDOWS_11, "none", "", "", "", "", "2", "512M", "new",
                        "vms", "16M", "qcow2", "", "user", "", "", false, "", "", "", "", true);
                String winXml = create(fleet, facts, windows, uri);
                assertTrue(winXml.contains("<os firmware='efi'>"), winXml);
                assertTrue(winXml.contains("<feature enabled='yes' name='secure-boot'/>")
                        && winXml.contains("<feature enabled='yes' name='enrolled-keys'/>"), winXml);
                assertTrue(winXml.contains("<smm state='on'/>"), winXml);
                assertTrue(winXml.matches("(?s).*<tpm model='tpm-crb'>\\s*<backend type='emulator' version='2.0'.*"), winXml);
                assertTrue(winXml.contains("<relaxed state='on'/>"), "Hyper-V enlightenments: " + winXml);
                assertTrue(winXml.contains("bus='sata'") && winXml.contains("<model type='e1000e'/>"), winXml);
                assertEquals("running", Virsh.run(uri, "domstate", "win-vm").get(0).strip(), "it starts: OVMF and the TPM emulator run");
                Virsh.run(uri, "destroy", "win-vm");

                // With the virtio driver ISO: a second CD-ROM holds it, and the disk and NIC are virtio.
                Virsh.run(uri, "vol-create-as", "vms", "virtio-win.iso", "4M", "--format", "raw");
                NodeFacts fresh = fleet.facts("n").get(20, TimeUnit.SECONDS);
                String driversIso = poolDir.resolve("virtio-win.iso").toString();
                SpecDraft withDrivers = new SpecDraft("win-virtio", OsVariant.WINDOWS_11, "none", "", "", "", "", "2", "512M", "new",
                        "vms", "16M", "qcow2", "", "user", "", "", false, "", "", "", "", false, false, "auto", "auto", driversIso);
                String virtioXml = create(fleet, fresh, withDrivers, uri);
                assertTrue(virtioXml.matches("(?s).*<disk type='file' device='cdrom'>.*<source file='" + driversIso + "'/>.*"), virtioXml);
                assertTrue(virtioXml.contains("<target dev='vda' bus='virtio'/>") && virtioXml.contains("<model type='virtio'/>"), virtioXml);
                assertTrue(new SpecValidator(password -> "").validate(new SpecDraft("win-nope", OsVariant.WINDOWS_11, "none", "", "", "", "",
                        "2", "512M", "new", "vms", "16M", "qcow2", "", "user", "", "", false, "", "", "", "", false, false, "auto", "auto",
                        poolDir.resolve("nope.iso").toString()), fresh).errors().get(SpecValidator.Field.DRIVERS).startsWith("No such volume"));

                // The machine types are the emulator's (q35 and pc first); an i440fx VM gets no PCIe root ports, and starts.
                assertEquals(List.of("q35", "pc"), facts.machines().subList(0, 2), facts.machines().toString());
                SpecDraft i440fx = new SpecDraft("pc-vm", OsVariant.DEBIAN_12, "none", "", "", "", "", "1", "128M", "none",
                        "", "", "qcow2", "", "user", "", "", false, "", "", "", "", true, false, "auto", "auto", "", "pc");
                String pcXml = create(fleet, facts, i440fx, uri);
                assertTrue(pcXml.matches("(?s).*<type arch='x86_64' machine='pc-i440fx-[^']+'>hvm</type>.*"), pcXml);
                assertFalse(pcXml.contains("pcie-root-port"), pcXml);
                assertEquals("running", Virsh.run(uri, "domstate", "pc-vm").get(0).strip());
                Virsh.run(uri, "destroy", "pc-vm");
                assertTrue(new SpecValidator(password -> "").validate(new SpecDraft("q99-vm", OsVariant.DEBIAN_12, "none", "", "", "", "",
                        "1", "128M", "none", "", "", "qcow2", "", "user", "", "", false, "", "", "", "", true, false, "auto", "auto", "", "q99"),
                        facts).errors().get(SpecValidator.Field.MACHINE).startsWith("This node's emulator has no machine type q99"));

                // The node's other guest architecture (qemu-system-i386 comes with qemu-system-x86): an i686 VM starts;
                // an architecture the node has no QEMU for is refused, naming what it offers.
                assertEquals("x86_64", facts.arches().get(0));
                assertTrue(facts.arches().contains("i686"), facts.arches().toString());
                SpecDraft i686 = new SpecDraft("i686-vm", OsVariant.DEBIAN_12, "none", "", "", "", "", "1", "128M", "none",
                        "", "", "qcow2", "", "user", "", "", false, "", "", "", "", true, false, "auto", "auto", "", "", "i686");
                String i686Xml = create(fleet, facts, i686, uri);
                assertTrue(i686Xml.matches("(?s).*<type arch='i686' machine='pc-q35-[^']+'>hvm</type>.*"), i686Xml);
                assertTrue(!i686Xml.contains("firmware='efi'") && !i686Xml.contains("<tpm"), "BIOS, no TPM: " + i686Xml);
                assertEquals("running", Virsh.run(uri, "domstate", "i686-vm").get(0).strip());
                Virsh.run(uri, "destroy", "i686-vm");
                String aarch64 = new SpecValidator(password -> "").validate(new SpecDraft("arm-vm", OsVariant.DEBIAN_12, "none", "", "", "",
                        "", "1", "128M", "none", "", "", "qcow2", "", "user", "", "", false, "", "", "", "", true, false, "auto", "auto", "", "",
                        "aarch64"), facts).errors().get(SpecValidator.Field.ARCH);
                assertTrue(aarch64.startsWith("This node offers no aarch64 guests; it offers x86_64, i686"), aarch64);

                // Any OS with UEFI (no Secure Boot) and a TPM, as chosen: no secure-boot feature, no SMM; it starts.
                SpecDraft uefi = new SpecDraft("uefi-vm", OsVariant.DEBIAN_12, "none", "", "", "", "", "1", "256M", "none",
                        "", "", "qcow2", "", "user", "", "", false, "", "", "", "", true, false, "uefi", "yes");
                String uefiXml = create(fleet, facts, uefi, uri);
                assertTrue(uefiXml.contains("<os firmware='efi'>") && uefiXml.contains("<tpm model='tpm-crb'>"), uefiXml);
                assertTrue(!uefiXml.contains("name='secure-boot'") && !uefiXml.contains("<smm"), uefiXml);
                assertEquals("running", Virsh.run(uri, "domstate", "uefi-vm").get(0).strip());
                Virsh.run(uri, "destroy", "uefi-vm");

                // A node without a TPM emulator (swtpm) or without UEFI: the preset says what to install there.
                NodeFacts noTpm = new NodeFacts(facts.hostCpus(), facts.hostMemoryBytes(), facts.maxVcpus(), 0, facts.vmNames(),
                        facts.pools(), facts.networks(), facts.domainTypes(), new NodeFacts.Firmware(true, true, true, false));
                assertEquals("Windows 11 needs a TPM 2.0, and this node cannot emulate one: install the swtpm and swtpm-tools packages on the node.",
                        new SpecValidator(password -> "").validate(windows, noTpm).errors().get(SpecValidator.Field.OS));
                NodeFacts noUefi = new NodeFacts(facts.hostCpus(), facts.hostMemoryBytes(), facts.maxVcpus(), 0, facts.vmNames(),
                        facts.pools(), facts.networks(), facts.domainTypes(), new NodeFacts.Firmware(true, false, false, true));
                assertTrue(new SpecValidator(password -> "").validate(windows, noUefi).errors().get(SpecValidator.Field.OS)
                        .contains("install the ovmf package"));
                // Fedora needs UEFI but neither Secure Boot nor a TPM: "as the OS needs" is plain UEFI, with a TPM where there is one.
                SpecDraft fedora = new SpecDraft("fedora-vm", OsVariant.FEDORA_41, "none", "", "", "", "", "1", "256M", "none",
                        "", "", "qcow2", "", "user", "", "", false, "", "", "", "", false);
                SpecValidator.Result f41 = new SpecValidator(password -> "").validate(fedora, noTpm);
                assertTrue(f41.ok(), f41.errors().toString());
                assertEquals(VmSpec.Firmware.UEFI, f41.spec().orElseThrow().firmware());
                assertFalse(f41.spec().orElseThrow().tpm(), "no swtpm on that node: no TPM, and no refusal");
                assertTrue(new SpecValidator(password -> "").validate(fedora, noUefi).errors().get(SpecValidator.Field.OS)
                        .startsWith("Fedora needs UEFI firmware"));
                assertEquals("This node has no UEFI firmware: install the ovmf package on the node, or choose BIOS.",
                        new SpecValidator(password -> "").validate(uefi, noUefi).errors().get(SpecValidator.Field.FIRMWARE));
                assertEquals("This node cannot emulate a TPM: install the swtpm and swtpm-tools packages on the node, or leave the TPM out.",
                        new SpecValidator(password -> "").validate(uefi, noTpm).errors().get(SpecValidator.Field.FIRMWARE));
            } finally {
                fleet.close();
            }
        }
    }

    /** Checked as the wizard checks it, made as the wizard makes it; its saved definition. */
    private static String create(LibvirtFleet fleet, NodeFacts facts, SpecDraft draft, String uri) throws Exception {
        SpecValidator.Result result = new SpecValidator(password -> "").validate(draft, facts);
        assertTrue(result.ok(), result.errors().toString());
        fleet.create("n", result.spec().orElseThrow(), facts, step -> { }).get(120, TimeUnit.SECONDS);
        return String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", draft.name()));
    }
}
