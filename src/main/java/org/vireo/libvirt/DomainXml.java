package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.List;
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

    boolean hasNvram() {
        Element os = child(domain, "os");
        return os != null && child(os, "nvram") != null;
    }

    List<VmDisk> disks() {
        List<VmDisk> disks = new ArrayList<>();
        Element devices = child(domain, "devices");
        if (devices == null) {
            return disks;
        }
        for (Element disk : children(devices, "disk")) {
            Element source = child(disk, "source");
            Element target = child(disk, "target");
            Element driver = child(disk, "driver");
            String path = "";
            String pool = "";
            String volume = "";
            if (source != null) {
                path = first(source.getAttribute("file"), source.getAttribute("dev"), source.getAttribute("dir"));
                pool = source.getAttribute("pool");
                volume = source.getAttribute("volume");
            }
            disks.add(new VmDisk(target == null ? "" : target.getAttribute("dev"),
                    orDefault(disk.getAttribute("device"), "disk"),
                    target == null ? "" : target.getAttribute("bus"),
                    driver == null ? "" : driver.getAttribute("type"),
                    path, pool, volume, child(disk, "readonly") != null, child(disk, "shareable") != null));
        }
        return disks;
    }

    List<VmNic> nics() {
        List<VmNic> nics = new ArrayList<>();
        Element devices = child(domain, "devices");
        if (devices == null) {
            return nics;
        }
        for (Element nic : children(devices, "interface")) {
            Element mac = child(nic, "mac");
            Element source = child(nic, "source");
            Element model = child(nic, "model");
            Element target = child(nic, "target");
            String sourceName = source == null ? ""
                    : first(source.getAttribute("network"), source.getAttribute("bridge"), source.getAttribute("dev"));
            nics.add(new VmNic(nic.getAttribute("type"), mac == null ? "" : mac.getAttribute("address"), sourceName,
                    model == null ? "" : model.getAttribute("type"), target == null ? "" : target.getAttribute("dev")));
        }
        return nics;
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
