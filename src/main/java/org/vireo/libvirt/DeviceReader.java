package org.vireo.libvirt;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.vireo.model.ByteSize;
import org.vireo.model.Texts;
import org.vireo.model.VmDetails;
import org.vireo.model.VmDevice;
import org.vireo.model.VmDisk;
import org.vireo.model.VmNic;
import org.w3c.dom.Element;

/**
 * Every device of a domain's XML as the Hardware tab lists it: its kind, a line in plain words and its
 * XML fragment. Anything libvirt can hold reads without an error; what Vireo has no words for is
 * "other", named by its element.
 */
final class DeviceReader {

    private static final String DOT = " · ";
    private static final Map<String, VmDevice.Kind> KINDS = new HashMap<>();

    static {
        KINDS.put("interface", VmDevice.Kind.NIC);
        KINDS.put("graphics", VmDevice.Kind.GRAPHICS);
        KINDS.put("video", VmDevice.Kind.VIDEO);
        KINDS.put("sound", VmDevice.Kind.SOUND);
        KINDS.put("audio", VmDevice.Kind.SOUND);
        KINDS.put("input", VmDevice.Kind.INPUT);
        for (String name : List.of("serial", "console", "channel", "parallel")) {
            KINDS.put(name, VmDevice.Kind.CONSOLE);
        }
        KINDS.put("controller", VmDevice.Kind.CONTROLLER);
        for (String name : List.of("hostdev", "redirdev", "smartcard", "redirfilter")) {
            KINDS.put(name, VmDevice.Kind.HOST_DEVICE);
        }
        KINDS.put("tpm", VmDevice.Kind.TPM);
        KINDS.put("rng", VmDevice.Kind.RNG);
        KINDS.put("watchdog", VmDevice.Kind.WATCHDOG);
        KINDS.put("filesystem", VmDevice.Kind.FILESYSTEM);
        KINDS.put("memballoon", VmDevice.Kind.BALLOON);
    }

    private DeviceReader() {
    }

    /**
     * The devices of {@code xml}, in the document's order; {@code storage} gives a disk's volume
     * ("pool/volume", or empty) and its size (or -1).
     */
    static List<VmDevice> read(String xml, Function<VmDisk, VmDetails.DiskDetail> storage) {
        Element devices = XmlElements.child(XmlElements.parse(xml).getDocumentElement(), "devices");
        List<VmDevice> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Element e : XmlElements.children(devices)) {
            String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
            if (name.equals("emulator")) {
                continue;   // the overview's, not a device
            }
            int index = seen.merge(name, 1, Integer::sum) - 1;
            result.add(device(name, index, e, storage));
        }
        return result;
    }

    /**
     * Marks how the saved definition differs from the running domain for disks, drives and NICs: the
     * devices of {@code live} with their pending state, then those only the saved definition has.
     */
    static List<VmDevice> withPending(List<VmDevice> live, List<VmDevice> saved) {
        Map<String, VmDevice> savedByKey = new LinkedHashMap<>();
        for (VmDevice device : saved) {
            if (tracked(device)) {
                savedByKey.put(device.id(), device);
            }
        }
        List<VmDevice> result = new ArrayList<>();
        for (VmDevice device : live) {
            if (!tracked(device)) {
                result.add(device);
                continue;
            }
            VmDevice next = savedByKey.remove(device.id());
            if (next == null) {
                result.add(device.withPending(VmDevice.Pending.REMOVED));
            } else if (!next.summary().equals(device.summary())) {
                result.add(device.withPending(VmDevice.Pending.CHANGED));
            } else {
                result.add(device);
            }
        }
        savedByKey.values().forEach(added -> result.add(added.withPending(VmDevice.Pending.ADDED)));
        return result;
    }

    private static boolean tracked(VmDevice device) {
        return device.kind() == VmDevice.Kind.DISK || device.kind() == VmDevice.Kind.DRIVE || device.kind() == VmDevice.Kind.NIC;
    }

    private static VmDevice device(String name, int index, Element e, Function<VmDisk, VmDetails.DiskDetail> storage) {
        String fragment = fragment(e);
        if (name.equals("disk")) {
            VmDisk disk = DomainXml.disk(e);
            return disk.isDrive()
                    ? new VmDevice(VmDevice.Kind.DRIVE, disk.target(), Texts.get("device.drive." + disk.device(), disk.target()),
                            driveSummary(disk), fragment, disk, null, VmDevice.Pending.NONE)
                    : new VmDevice(VmDevice.Kind.DISK, disk.target(), disk.target(), diskSummary(disk, storage.apply(disk)),
                            fragment, disk, null, VmDevice.Pending.NONE);
        }
        if (name.equals("interface")) {
            VmNic nic = DomainXml.nic(e);
            String key = nic.mac().isEmpty() ? "interface" + index : nic.mac();
            return new VmDevice(VmDevice.Kind.NIC, key, Texts.get("device.nic", nic.mac().isEmpty() ? "#" + (index + 1) : nic.mac()),
                    nicSummary(nic), fragment, null, nic, VmDevice.Pending.NONE);
        }
        VmDevice.Kind kind = KINDS.getOrDefault(name, VmDevice.Kind.OTHER);
        return new VmDevice(kind, name + index, title(kind, name, e), summary(kind, name, e), fragment, null, null,
                VmDevice.Pending.NONE);
    }

    private static String diskSummary(VmDisk disk, VmDetails.DiskDetail detail) {
        List<String> parts = new ArrayList<>();
        parts.add(disk.bus().isEmpty() ? disk.type() : disk.bus());
        String size = detail.capacityBytes() >= 0 ? new ByteSize(detail.capacityBytes()).toHuman() + " " : "";
        String format = disk.format().isEmpty() ? "" : disk.format() + " ";
        int slash = detail.volume().indexOf('/');
        if (!disk.volume().isEmpty()) {
            parts.add(Texts.get("device.disk.inPool", size + format + disk.volume(), disk.pool()));
        } else if (slash > 0) {
            // A file that is a volume of a pool: named as the pool knows it
            parts.add(Texts.get("device.disk.inPool", size + format + detail.volume().substring(slash + 1), detail.volume().substring(0, slash)));
        } else if (!disk.protocol().isEmpty()) {
            parts.add(format + disk.where());
        } else if (!disk.path().isEmpty()) {
            parts.add(size + format + disk.path());
        } else {
            parts.add(Texts.get("device.noSource", disk.type()));
        }
        flags(disk, parts);
        return String.join(DOT, parts);
    }

    private static String driveSummary(VmDisk disk) {
        List<String> parts = new ArrayList<>();
        parts.add(disk.hasMedia() ? disk.where() : Texts.get("device.drive.empty"));
        if (!disk.bus().isEmpty()) {
            parts.add(disk.bus());
        }
        return String.join(DOT, parts);
    }

    private static void flags(VmDisk disk, List<String> parts) {
        if (!disk.cache().isEmpty()) {
            parts.add(Texts.get("device.disk.cache", disk.cache()));
        }
        if (disk.readOnly()) {
            parts.add(Texts.get("device.disk.readOnly"));
        }
        if (disk.shareable()) {
            parts.add(Texts.get("device.disk.shareable"));
        }
    }

    private static String nicSummary(VmNic nic) {
        List<String> parts = new ArrayList<>();
        parts.add(nic.source().isEmpty() ? nic.type() : nic.type() + " " + nic.source());
        if (!nic.model().isEmpty()) {
            parts.add(nic.model());
        }
        parts.add(Texts.get(nic.linkUp() ? "device.nic.up" : "device.nic.down"));
        return String.join(DOT, parts);
    }

    private static String title(VmDevice.Kind kind, String name, Element e) {
        String type = e.getAttribute("type");
        return switch (kind) {
            case GRAPHICS -> type.toUpperCase(Locale.ROOT);
            case CONTROLLER -> Texts.get("device.title.controller", type, e.getAttribute("index"));
            case HOST_DEVICE -> name.equals("hostdev") ? Texts.get("device.title.hostdev", type.toUpperCase(Locale.ROOT))
                    : name.equals("redirdev") ? Texts.get("device.title.redirdev", e.getAttribute("bus").toUpperCase(Locale.ROOT))
                    : name;
            case CONSOLE -> Texts.get("device.title." + name);
            case OTHER -> name;
            default -> Texts.get("device.kind." + kind.name().toLowerCase(Locale.ROOT) + ".one")
;
        };
    }

    private static String summary(VmDevice.Kind kind, String name, Element e) {
        List<String> parts = new ArrayList<>();
        String type = e.getAttribute("type");
        String model = e.getAttribute("model");
        Element source = XmlElements.child(e, "source");
        Element target = XmlElements.child(e, "target");
        Element modelElement = XmlElements.child(e, "model");
        Element backend = XmlElements.child(e, "backend");
        switch (kind) {
            case GRAPHICS -> {
                String listen = e.getAttribute("listen");
                Element listenElement = XmlElements.child(e, "listen");
                if (listen.isEmpty() && listenElement != null) {
                    listen = nonEmpty(listenElement.getAttribute("address"), listenElement.getAttribute("socket"),
                            listenElement.getAttribute("type"));
                }
                add(parts, listen);
                String port = e.getAttribute("port");
                add(parts, port.isEmpty() || port.equals("-1") ? "" : Texts.get("device.graphics.port", port));
                if ("yes".equals(e.getAttribute("autoport"))) {
                    parts.add(Texts.get("device.graphics.autoport"));
                }
            }
            case VIDEO -> {
                if (modelElement != null) {
                    add(parts, modelElement.getAttribute("type"));
                    String vram = modelElement.getAttribute("vram");
                    add(parts, vram.isEmpty() ? "" : new ByteSize(Long.parseLong(vram) * 1024).toHuman());
                    String heads = modelElement.getAttribute("heads");
                    add(parts, heads.isEmpty() || heads.equals("1") ? "" : Texts.get("device.video.heads", heads));
                }
            }
            case SOUND -> add(parts, nonEmpty(model, type, e.getAttribute("id")));
            case INPUT -> {
                add(parts, type);
                add(parts, e.getAttribute("bus"));
            }
            case CONSOLE -> {
                add(parts, type);
                if (target != null) {
                    add(parts, nonEmpty(target.getAttribute("name"), target.getAttribute("type")));
                }
                if (source != null) {
                    add(parts, nonEmpty(source.getAttribute("path"), source.getAttribute("host")));
                }
            }
            case CONTROLLER -> {
                add(parts, model);
                String ports = e.getAttribute("ports");
                add(parts, ports.isEmpty() ? "" : Texts.get("device.controller.ports", ports));
            }
            case HOST_DEVICE -> {
                add(parts, nonEmpty(type, e.getAttribute("mode")));
                add(parts, hostSource(source));
                add(parts, e.getAttribute("bus"));
            }
            case TPM -> {
                add(parts, model);
                if (backend != null) {
                    add(parts, backend.getAttribute("type"));
                    add(parts, backend.getAttribute("version"));
                }
            }
            case RNG -> {
                add(parts, model);
                if (backend != null) {
                    add(parts, nonEmpty(backend.getTextContent().strip(), backend.getAttribute("model")));
                }
            }
            case WATCHDOG -> {
                add(parts, model);
                add(parts, e.getAttribute("action"));
            }
            case FILESYSTEM -> {
                Element driver = XmlElements.child(e, "driver");
                add(parts, driver == null ? type : nonEmpty(driver.getAttribute("type"), type));
                String from = source == null ? "" : nonEmpty(source.getAttribute("dir"), source.getAttribute("file"),
                        source.getAttribute("name"), source.getAttribute("socket"));
                add(parts, from + (target == null ? "" : " \u2192 " + target.getAttribute("dir")));
            }
            case BALLOON -> add(parts, model);
            default -> {
                add(parts, nonEmpty(type, model));
                if (modelElement != null) {
                    add(parts, modelElement.getAttribute("type"));
                }
            }
        }
        return String.join(DOT, parts);
    }

    private static String hostSource(Element source) {
        if (source == null) {
            return "";
        }
        Element vendor = XmlElements.child(source, "vendor");
        Element product = XmlElements.child(source, "product");
        if (vendor != null || product != null) {
            return (vendor == null ? "?" : vendor.getAttribute("id")) + ":" + (product == null ? "?" : product.getAttribute("id"));
        }
        Element address = XmlElements.child(source, "address");
        if (address != null) {
            if (!address.getAttribute("slot").isEmpty()) {
                return String.format("%s:%s:%s.%s", strip(address.getAttribute("domain")), strip(address.getAttribute("bus")),
                        strip(address.getAttribute("slot")), strip(address.getAttribute("function")));
            }
            return nonEmpty(address.getAttribute("bus") + "." + address.getAttribute("device"), address.getAttribute("uuid"));
        }
        Element adapter = XmlElements.child(source, "adapter");
        return adapter == null ? nonEmpty(source.getAttribute("mode"), source.getAttribute("type")) : adapter.getAttribute("name");
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value);
        }
    }

    private static String nonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    /** The element as XML, its indentation made relative to itself. */
    static String fragment(Element e) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(e), new StreamResult(out));
            String[] lines = out.toString().split("\n", -1);
            String last = lines[lines.length - 1];
            int indent = last.length() - last.stripLeading().length();
            StringBuilder text = new StringBuilder(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int own = line.length() - line.stripLeading().length();
                text.append('\n').append(line.substring(Math.min(indent, own)));
            }
            return text.toString();
        } catch (Exception failure) {
            throw new IllegalStateException("The JDK's XML support failed", failure);
        }
    }
}
