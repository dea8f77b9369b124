package org.vireo.libvirt;

import java.util.List;
import org.vireo.model.DiskSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Device elements of a domain built and changed with DOM, in the document of the definition they go
 * into: the same edit is applied to the saved definition and to the running domain's.
 */
final class DeviceXml {

    private DeviceXml() {
    }

    static Element devices(Document doc) {
        Element devices = XmlElements.child(doc.getDocumentElement(), "devices");
        if (devices == null) {
            devices = doc.createElement("devices");
            doc.getDocumentElement().appendChild(devices);
        }
        return devices;
    }

    /** A new {@code <disk>} for {@code spec}, whose source is the node path {@code path} (empty: none). */
    static Element disk(Document doc, DiskSpec spec, String path, String format) {
        Element disk = doc.createElement("disk");
        disk.setAttribute("type", path.startsWith("/dev/") ? "block" : "file");
        disk.setAttribute("device", spec.device());
        Element driver = child(disk, "driver");
        driver.setAttribute("name", "qemu");
        if (!format.isEmpty()) {
            driver.setAttribute("type", format);
        }
        if (!path.isEmpty()) {
            child(disk, "source").setAttribute(path.startsWith("/dev/") ? "dev" : "file", path);
        }
        Element target = child(disk, "target");
        target.setAttribute("dev", spec.target());
        target.setAttribute("bus", spec.bus());
        applySettings(disk, spec);
        return disk;
    }

    /** Cache, read-only and shareable of {@code spec} on an existing {@code <disk>}; the bus too when it changed. */
    static void applySettings(Element disk, DiskSpec spec) {
        Element driver = XmlElements.child(disk, "driver");
        if (driver == null) {
            driver = insertAfterSource(disk, "driver");
            driver.setAttribute("name", "qemu");
        }
        if (spec.cache().isEmpty()) {
            driver.removeAttribute("cache");
        } else {
            driver.setAttribute("cache", spec.cache());
        }
        Element target = XmlElements.child(disk, "target");
        if (target != null && !spec.bus().equals(target.getAttribute("bus"))) {
            target.setAttribute("bus", spec.bus());
            target.setAttribute("dev", spec.target());
            remove(XmlElements.child(disk, "address"));   // an address belongs to the old bus
        }
        flag(disk, "readonly", spec.readOnly() || spec.device().equals("cdrom"));
        flag(disk, "shareable", spec.shareable());
    }

    /** Puts {@code path} (empty: ejects) into a drive. */
    static void setMedia(Element disk, String path) {
        remove(XmlElements.child(disk, "source"));
        disk.setAttribute("type", path.startsWith("/dev/") ? "block" : "file");
        if (!path.isEmpty()) {
            Element source = disk.getOwnerDocument().createElement("source");
            source.setAttribute(path.startsWith("/dev/") ? "dev" : "file", path);
            disk.insertBefore(source, XmlElements.child(disk, "target"));
        }
    }

    static Element nic(Document doc, NicSpec spec) {
        Element nic = doc.createElement("interface");
        child(nic, "mac").setAttribute("address", spec.mac());
        applyNic(nic, spec);
        return nic;
    }

    /** Type, source, model and link state of {@code spec} on an {@code <interface>}; its MAC stays. */
    static void applyNic(Element nic, NicSpec spec) {
        boolean sameSource = spec.type().equals(nic.getAttribute("type"))
                && spec.source().equals(DomainXml.nic(nic).source());
        nic.setAttribute("type", spec.type());
        if (!sameSource) {
            remove(XmlElements.child(nic, "source"));
            if (!spec.type().equals("user")) {
                Element source = nic.getOwnerDocument().createElement("source");
                switch (spec.type()) {
                    case "network" -> source.setAttribute("network", spec.source());
                    case "bridge" -> source.setAttribute("bridge", spec.source());
                    case "direct" -> {
                        source.setAttribute("dev", spec.source());
                        source.setAttribute("mode", "bridge");
                    }
                    default -> throw new IllegalArgumentException("unknown interface type " + spec.type());
                }
                Element mac = XmlElements.child(nic, "mac");
                nic.insertBefore(source, mac == null ? nic.getFirstChild() : mac.getNextSibling());
            }
        }
        Element model = XmlElements.child(nic, "model");
        if (model == null) {
            model = child(nic, "model");
        }
        model.setAttribute("type", spec.model());
        Element link = XmlElements.child(nic, "link");
        if (link == null) {
            link = child(nic, "link");
        }
        link.setAttribute("state", spec.linkUp() ? "up" : "down");
    }

    static Element diskByTarget(Document doc, String target) {
        for (Element disk : XmlElements.children(devices(doc), "disk")) {
            Element t = XmlElements.child(disk, "target");
            if (t != null && target.equals(t.getAttribute("dev"))) {
                return disk;
            }
        }
        return null;
    }

    static Element nicByMac(Document doc, String mac) {
        for (Element nic : XmlElements.children(devices(doc), "interface")) {
            Element m = XmlElements.child(nic, "mac");
            if (m != null && mac.equalsIgnoreCase(m.getAttribute("address"))) {
                return nic;
            }
        }
        return null;
    }

    static Element required(Element device, String what) {
        if (device == null) {
            throw new OperationException(Texts.get("op.device.find", what), Texts.get("device.gone", what));
        }
        return device;
    }

    /** Adds a device after the last of its kind, where a reader of the XML looks for it. */
    static void append(Document doc, Element device) {
        Element devices = devices(doc);
        List<Element> same = XmlElements.children(devices, device.getTagName());
        Node after = same.isEmpty() ? null : same.get(same.size() - 1).getNextSibling();
        devices.insertBefore(device, after);
    }

    private static void flag(Element disk, String name, boolean on) {
        Element present = XmlElements.child(disk, name);
        if (on && present == null) {
            child(disk, name);
        } else if (!on) {
            remove(present);
        }
    }

    private static Element insertAfterSource(Element disk, String name) {
        Element element = disk.getOwnerDocument().createElement(name);
        disk.insertBefore(element, disk.getFirstChild());
        return element;
    }

    static void remove(Node node) {
        if (node != null) {
            node.getParentNode().removeChild(node);
        }
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }
}
