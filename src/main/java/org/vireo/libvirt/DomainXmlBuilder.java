package org.vireo.libvirt;

import java.io.StringWriter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.vireo.model.NodeFacts;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.VmSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds domain and volume XML from a validated {@link VmSpec} with DOM: every user text (name,
 * paths, kernel command line) is set as text or attribute value, so it can never become markup.
 */
final class DomainXmlBuilder {

    /** Where the spec's new disk and seed image will live: predictable, so the preview shows real paths. */
    record Layout(String diskVolume, String diskPath, String seedVolume, String seedPath) {
        static Layout of(VmSpec spec, NodeFacts facts) {
            if (!(spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk)) {
                return new Layout("", "", "", "");
            }
            NodeFacts.Pool pool = facts.pool(disk.pool());
            String dir = pool == null ? "" : pool.path();
            String volume = spec.name() + "." + disk.format();
            String seed = spec.name() + "-seed.iso";
            return new Layout(volume, dir + "/" + volume, seed, dir + "/" + seed);
        }
    }

    private DomainXmlBuilder() {
    }

    /**
     * Root ports for a q35 VM, as virt-manager makes them: libvirt would add only those its devices take,
     * leaving none free to hot-plug a disk or NIC into later; the devices take about nine of these.
     */
    static final int SPARE_ROOT_PORTS = 14;

    /** The virtio-serial port QEMU's guest agent listens on. */
    static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";

    static String domain(VmSpec spec, NodeFacts facts) {
        Layout layout = Layout.of(spec, facts);
        String type = facts.domainTypes().isEmpty() ? "kvm" : facts.domainTypes().get(0);
        OsVariant os = spec.os();
        Document doc = newDocument();
        Element domain = doc.createElement("domain");
        domain.setAttribute("type", type);
        doc.appendChild(domain);
        text(domain, "name", spec.name());
        text(domain, "memory", Long.toString(spec.memoryBytes() / 1024)).setAttribute("unit", "KiB");
        text(domain, "currentMemory", Long.toString(spec.memoryBytes() / 1024)).setAttribute("unit", "KiB");
        text(domain, "vcpu", Integer.toString(spec.vcpus())).setAttribute("placement", "static");

        Element osElement = child(domain, "os");
        // Windows 11 and Server 2022 Setup check for UEFI with Secure Boot and a TPM 2.0; libvirt picks the loader and
        // the NVRAM template from the node's firmware descriptors (what its domain capabilities list).
        boolean uefi = spec.firmware() != VmSpec.Firmware.BIOS && !type.equals("test");
        boolean secureBoot = uefi && spec.firmware() == VmSpec.Firmware.UEFI_SECURE;
        if (uefi) {
            osElement.setAttribute("firmware", "efi");
        }
        Element osType = text(osElement, "type", "hvm");
        osType.setAttribute("arch", spec.arch());
        if (!type.equals("test")) {
            osType.setAttribute("machine", spec.machine());
        }
        if (secureBoot) {
            Element firmware = child(osElement, "firmware");
            for (String feature : List.of("enrolled-keys", "secure-boot")) {
                Element f = child(firmware, "feature");
                f.setAttribute("enabled", "yes");
                f.setAttribute("name", feature);
            }
            child(osElement, "loader").setAttribute("secure", "yes");
        }
        if (spec.install() instanceof VmSpec.InstallSource.KernelBoot kernel) {
            text(osElement, "kernel", kernel.kernel());
            if (!kernel.initrd().isEmpty()) {
                text(osElement, "initrd", kernel.initrd());
            }
            if (!kernel.cmdline().isEmpty()) {
                text(osElement, "cmdline", kernel.cmdline());
            }
        } else if (spec.install() instanceof VmSpec.InstallSource.Iso) {
            child(osElement, "boot").setAttribute("dev", "cdrom");
            child(osElement, "boot").setAttribute("dev", "hd");
        } else if (spec.install() instanceof VmSpec.InstallSource.NetworkBoot) {
            child(osElement, "boot").setAttribute("dev", "network");
            child(osElement, "boot").setAttribute("dev", "hd");
        } else {
            child(osElement, "boot").setAttribute("dev", "hd");
        }
        Element features = child(domain, "features");
        child(features, "acpi");
        child(features, "apic");
        boolean windows = os.windows();
        if (windows && !type.equals("test")) {
            // Hyper-V enlightenments: Windows runs noticeably smoother with them (as virt-manager sets them).
            Element hyperv = child(features, "hyperv");
            hyperv.setAttribute("mode", "custom");
            child(hyperv, "relaxed").setAttribute("state", "on");
            child(hyperv, "vapic").setAttribute("state", "on");
            Element spinlocks = child(hyperv, "spinlocks");
            spinlocks.setAttribute("state", "on");
            spinlocks.setAttribute("retries", "8191");
        }
        if (secureBoot) {
            child(features, "smm").setAttribute("state", "on");   // Secure Boot's variables are guarded in SMM
        }
        Element clock = child(domain, "clock");
        clock.setAttribute("offset", windows ? "localtime" : "utc");
        if (windows && !type.equals("test")) {
            Element timer = child(clock, "timer");
            timer.setAttribute("name", "hypervclock");
            timer.setAttribute("present", "yes");
        }
        text(domain, "on_poweroff", "destroy");
        text(domain, "on_reboot", "restart");
        text(domain, "on_crash", "destroy");

        Element devices = child(domain, "devices");
        DiskNames names = new DiskNames();
        String bus = spec.diskBus();
        if (spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk) {
            disk(devices, "disk", disk.format(), layout.diskPath(), names.next(bus), bus, false);
        } else if (spec.disk() instanceof VmSpec.DiskChoice.ExistingVolume existing) {
            disk(devices, "disk", "", existing.path(), names.next(bus), bus, false);
        }
        if (spec.install() instanceof VmSpec.InstallSource.ImportDisk imported) {
            disk(devices, "disk", "", imported.path(), names.next(bus), bus, false);
        }
        if (spec.install() instanceof VmSpec.InstallSource.Iso iso) {
            disk(devices, "cdrom", "raw", iso.path(), names.next("sata"), "sata", true);
        }
        if (!spec.driversIso().isEmpty()) {
            disk(devices, "cdrom", "raw", spec.driversIso(), names.next("sata"), "sata", true);   // Windows Setup loads them from here
        }
        if (spec.cloudInit().isPresent()) {
            disk(devices, "cdrom", "raw", layout.seedPath(), names.next("sata"), "sata", true);
        }
        VmSpec.NetworkChoice network = spec.network();
        if (!(network instanceof VmSpec.NetworkChoice.NoNetwork)) {
            Element nic = child(devices, "interface");
            if (network instanceof VmSpec.NetworkChoice.VirtualNetwork vnet) {
                nic.setAttribute("type", "network");
                child(nic, "source").setAttribute("network", vnet.name());
            } else if (network instanceof VmSpec.NetworkChoice.Bridge bridge) {
                nic.setAttribute("type", "bridge");
                child(nic, "source").setAttribute("bridge", bridge.name());
            } else {
                nic.setAttribute("type", "user");
            }
            if (!spec.mac().isEmpty()) {
                child(nic, "mac").setAttribute("address", spec.mac());
            }
            child(nic, "model").setAttribute("type", spec.nicModel());
        }
        child(devices, "serial").setAttribute("type", "pty");
        Element console = child(devices, "console");
        console.setAttribute("type", "pty");
        child(console, "target").setAttribute("type", "serial");
        if (!type.equals("test")) {
            Element graphics = child(devices, "graphics");
            graphics.setAttribute("type", "vnc");
            graphics.setAttribute("autoport", "yes");
            graphics.setAttribute("listen", "127.0.0.1");
            child(child(devices, "video"), "model").setAttribute("type", windows ? "qxl" : "virtio");
            Element rng = child(devices, "rng");
            rng.setAttribute("model", "virtio");
            Element backend = text(rng, "backend", "/dev/urandom");
            backend.setAttribute("model", "random");
            // The guest agent's channel (addresses, clean shutdown and file-system freeze once an agent runs in the
            // guest), a USB tablet so the VNC pointer lines up with the guest's, and the balloon that lets memory be
            // lowered while the VM runs.
            Element agent = child(devices, "channel");
            agent.setAttribute("type", "unix");
            Element agentTarget = child(agent, "target");
            agentTarget.setAttribute("type", "virtio");
            agentTarget.setAttribute("name", GUEST_AGENT_CHANNEL);
            Element usb = child(devices, "controller");
            usb.setAttribute("type", "usb");
            usb.setAttribute("model", "qemu-xhci");
            Element tablet = child(devices, "input");
            tablet.setAttribute("type", "tablet");
            tablet.setAttribute("bus", "usb");
            child(devices, "memballoon").setAttribute("model", "virtio");
            if (spec.tpm()) {
                Element tpm = child(devices, "tpm");
                tpm.setAttribute("model", "tpm-crb");
                Element tpmBackend = child(tpm, "backend");
                tpmBackend.setAttribute("type", "emulator");
                tpmBackend.setAttribute("version", "2.0");
            }
            if (spec.pcie()) {
                pcieRootPorts(devices);
            }
        }
        return serialize(doc);
    }

    private static void pcieRootPorts(Element devices) {
        Element root = child(devices, "controller");
        root.setAttribute("type", "pci");
        root.setAttribute("index", "0");
        root.setAttribute("model", "pcie-root");
        for (int i = 0; i < SPARE_ROOT_PORTS; i++) {
            Element port = child(devices, "controller");
            port.setAttribute("type", "pci");
            port.setAttribute("model", "pcie-root-port");
        }
    }

    static String volume(String name, long capacityBytes, String format) {
        Document doc = newDocument();
        Element volume = doc.createElement("volume");
        doc.appendChild(volume);
        text(volume, "name", name);
        text(volume, "capacity", Long.toString(capacityBytes)).setAttribute("unit", "bytes");
        if (format.equals("qcow2")) {
            text(volume, "allocation", "0").setAttribute("unit", "bytes");
        }
        child(child(volume, "target"), "format").setAttribute("type", format);
        return serialize(doc);
    }

    private static void disk(Element devices, String device, String format, String path, String dev, String bus, boolean readOnly) {
        Element disk = child(devices, "disk");
        disk.setAttribute("type", path.startsWith("/dev/") ? "block" : "file");
        disk.setAttribute("device", device);
        Element driver = child(disk, "driver");
        driver.setAttribute("name", "qemu");
        if (!format.isEmpty()) {
            driver.setAttribute("type", format);
        }
        child(disk, "source").setAttribute(path.startsWith("/dev/") ? "dev" : "file", path);
        Element target = child(disk, "target");
        target.setAttribute("dev", dev);
        target.setAttribute("bus", bus);
        if (readOnly) {
            child(disk, "readonly");
        }
    }

    /** vda, vdb… for virtio; sda, sdb… shared by SATA and SCSI. */
    private static final class DiskNames {
        private int virtio;
        private int sd;

        String next(String bus) {
            return bus.equals("virtio") ? "vd" + (char) ('a' + virtio++) : "sd" + (char) ('a' + sd++);
        }
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static Element text(Element parent, String name, String value) {
        Element element = child(parent, name);
        element.setTextContent(value);
        return element;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException("The JDK's XML support failed", e);
        }
    }

    static String serialize(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("The JDK's XML support failed", e);
        }
    }

}
