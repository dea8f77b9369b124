package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vireo.model.VmDetails;
import org.vireo.model.VmDisk;
import org.vireo.model.VmNic;
import org.w3c.dom.Element;

/** Reads the parts of a domain's XML that Vireo shows, with DOM (never by string matching). */
final class DomainXml {

    private final Element domain;

    private DomainXml(Element domain) {
        this.domain = domain;
    }

    static DomainXml parse(String xml) {
        return new DomainXml(XmlElements.parse(xml).getDocumentElement());
    }

    String title() {
        return text(child(domain, "title"));
    }

    String description() {
        return text(child(domain, "description"));
    }

    String osType() {
        Element os = child(domain, "os");
        Element type = os == null ? null : child(os, "type");
        if (type == null) {
            return "";
        }
        String arch = type.getAttribute("arch");
        return text(type) + (arch.isEmpty() ? "" : " (" + arch + ")");
    }

    int maxVcpus() {
        Element vcpu = child(domain, "vcpu");
        try {
            return vcpu == null ? 1 : Integer.parseInt(text(vcpu).strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Firmware, machine type, the OS libosinfo named, CPU mode and display, for the overview. */
    VmDetails.Platform platform() {
        Element os = child(domain, "os");
        Element type = child(os, "type");
        Element loader = child(os, "loader");
        String firmware;
        boolean efi = os != null && "efi".equals(os.getAttribute("firmware"))
                || loader != null && ("pflash".equals(loader.getAttribute("type")) || text(loader).contains("OVMF")
                || text(loader).contains("AAVMF") || text(loader).contains("edk2"));
        boolean secure = loader != null && "yes".equals(loader.getAttribute("secure"));
        for (Element feature : children(child(os, "firmware"), "feature")) {
            if ("secure-boot".equals(feature.getAttribute("name"))) {
                secure = "yes".equals(feature.getAttribute("enabled"));
            }
        }
        firmware = efi ? (secure ? "uefi-secure" : "uefi") : "bios";
        String osId = "";
        Element metadata = child(domain, "metadata");
        Element libosinfo = child(metadata, "libosinfo");
        Element osElement = child(libosinfo, "os");
        if (osElement != null) {
            osId = osElement.getAttribute("id");
        }
        Element cpu = child(domain, "cpu");
        String cpuMode = cpu == null ? "" : first(cpu.getAttribute("mode"), cpu.getAttribute("match").isEmpty() ? "" : "custom");
        Element cpuModel = child(cpu, "model");
        if (cpuModel != null && !text(cpuModel).isBlank()) {
            cpuMode = (cpuMode.isEmpty() ? "custom" : cpuMode) + " (" + text(cpuModel).strip() + ")";
        }
        List<String> displays = new ArrayList<>();
        for (Element graphics : children(child(domain, "devices"), "graphics")) {
            displays.add(graphics.getAttribute("type").toUpperCase(Locale.ROOT));
        }
        return new VmDetails.Platform(firmware, loader == null ? "" : text(loader).strip(),
                text(child(os, "nvram")).strip(), type == null ? "" : type.getAttribute("machine"), osId, cpuMode,
                String.join(", ", displays));
    }

    boolean hasNvram() {
        Element os = child(domain, "os");
        return os != null && child(os, "nvram") != null;
    }

    List<VmDisk> disks() {
        List<VmDisk> disks = new ArrayList<>();
        for (Element disk : children(child(domain, "devices"), "disk")) {
            disks.add(disk(disk));
        }
        return disks;
    }

    /** One {@code <disk>}: a file, block device, directory, volume or network source (rbd, iscsi, nbd, http…). */
    static VmDisk disk(Element disk) {
        Element source = child(disk, "source");
        Element target = child(disk, "target");
        Element driver = child(disk, "driver");
        String path = "";
        String pool = "";
        String volume = "";
        String protocol = "";
        String name = "";
        String host = "";
        if (source != null) {
            path = first(source.getAttribute("file"), source.getAttribute("dev"), source.getAttribute("dir"));
            pool = source.getAttribute("pool");
            volume = source.getAttribute("volume");
            protocol = source.getAttribute("protocol");
            if (!protocol.isEmpty()) {
                name = source.getAttribute("name");
                Element first = child(source, "host");
                if (first != null) {
                    String port = first.getAttribute("port");
                    host = first(first.getAttribute("name"), first.getAttribute("socket")) + (port.isEmpty() ? "" : ":" + port);
                }
            } else if (path.isEmpty() && volume.isEmpty()) {
                // vhost-user, nvme and the like: name what there is rather than show nothing
                path = first(source.getAttribute("path"), source.getAttribute("socket"), source.getAttribute("name"));
            }
        }
        return new VmDisk(target == null ? "" : target.getAttribute("dev"),
                orDefault(disk.getAttribute("device"), "disk"),
                target == null ? "" : target.getAttribute("bus"),
                driver == null ? "" : driver.getAttribute("type"),
                path, pool, volume, child(disk, "readonly") != null, child(disk, "shareable") != null,
                orDefault(disk.getAttribute("type"), "file"), protocol, name, host,
                driver == null ? "" : driver.getAttribute("cache"));
    }

    List<VmNic> nics() {
        List<VmNic> nics = new ArrayList<>();
        for (Element nic : children(child(domain, "devices"), "interface")) {
            nics.add(nic(nic));
        }
        return nics;
    }

    static VmNic nic(Element nic) {
        Element mac = child(nic, "mac");
        Element source = child(nic, "source");
        Element model = child(nic, "model");
        Element target = child(nic, "target");
        Element link = child(nic, "link");
        String sourceName = "";
        if (source != null) {
            Element address = child(source, "address");
            sourceName = first(source.getAttribute("network"), source.getAttribute("bridge"), source.getAttribute("dev"),
                    source.getAttribute("path"), address == null ? "" : pciAddress(address));
        }
        return new VmNic(nic.getAttribute("type"), mac == null ? "" : mac.getAttribute("address"), sourceName,
                model == null ? "" : model.getAttribute("type"), target == null ? "" : target.getAttribute("dev"),
                link == null || !"down".equals(link.getAttribute("state")));
    }

    private static String pciAddress(Element address) {
        return address.getAttribute("bus").isEmpty() ? "" : String.join(":", address.getAttribute("domain"),
                address.getAttribute("bus"), address.getAttribute("slot")) + "." + address.getAttribute("function");
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent();
    }

    private static Element child(Element parent, String name) {
        return XmlElements.child(parent, name);
    }

    private static List<Element> children(Element parent, String name) {
        return XmlElements.children(parent, name);
    }
}
