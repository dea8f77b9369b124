package org.vireo.libvirt;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmDisk;
import org.vireo.model.VmNic;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and changes a VM's boot, processor and memory settings. A change edits the saved definition
 * with DOM and defines it with libvirt's validation (refused: nothing changed); on a running VM the
 * parts that can change live (vCPUs within the maximum, the memory balloon) are then set live, and
 * the rest is said to apply at the next start.
 */
final class VmSettingsEditor {

    private static final int AFFECT_LIVE = 1;
    private static final int DEFAULT_MAX_VCPUS = 255;
    private static final VmSettings.Limits NO_LIMITS = new VmSettings.Limits(0, 0, 0, List.of(), List.of(), "");

    private VmSettingsEditor() {
    }

    static VmSettings read(VireoConnect conn, VmSummary vm) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            boolean persistent = domain.isPersistent() == 1;
            boolean active = domain.isActive() == 1;
            Document saved = XmlElements.parse(domain.getXMLDesc(persistent ? DomainXmlFlags.INACTIVE : 0));
            VmSettings.Values live = active ? values(XmlElements.parse(domain.getXMLDesc(0))) : null;
            return new VmSettings(values(saved), live, limits(conn, saved.getDocumentElement()));
        } finally {
            domain.free();
        }
    }

    static VmSettings.Values values(Document doc) {
        Element root = doc.getDocumentElement();
        return new VmSettings.Values(boot(root), cpu(root), memory(root));
    }

    // ---- boot

    private static VmSettings.Boot boot(Element root) {
        Element devices = XmlElements.child(root, "devices");
        List<BootItem> items = new ArrayList<>();
        for (Element e : XmlElements.children(devices)) {
            String id = id(e);
            if (id == null) {
                continue;
            }
            Element boot = XmlElements.child(e, "boot");
            int order = boot == null ? 0 : parseInt(boot.getAttribute("order"), 0);
            items.add(new BootItem(e, id, order));
        }
        Element os = XmlElements.child(root, "os");
        boolean perDevice = items.stream().anyMatch(i -> i.order > 0);
        if (!perDevice && os != null) {
            // The old way, <os><boot dev='cdrom'/>…: the first device of each kind, in that order.
            int next = 1;
            for (Element boot : XmlElements.children(os, "boot")) {
                BootItem first = items.stream().filter(i -> i.order == 0 && legacyKind(i.element).equals(boot.getAttribute("dev")))
                        .findFirst().orElse(null);
                if (first != null) {
                    first.order = next++;
                }
            }
        }
        List<VmSettings.BootDevice> devicesInOrder = new ArrayList<>();
        items.stream().filter(i -> i.order > 0).sorted(Comparator.comparingInt(i -> i.order))
                .forEach(i -> devicesInOrder.add(device(i, devicesInOrder.size() + 1)));
        items.stream().filter(i -> i.order == 0).forEach(i -> devicesInOrder.add(device(i, 0)));
        Element menu = os == null ? null : XmlElements.child(os, "bootmenu");
        boolean menuOn = menu != null && "yes".equals(menu.getAttribute("enable"));
        return new VmSettings.Boot(devicesInOrder, menuOn, menuOn ? parseInt(menu.getAttribute("timeout"), 0) : 0);
    }

    private static final class BootItem {
        final Element element;
        final String id;
        int order;

        BootItem(Element element, String id, int order) {
            this.element = element;
            this.id = id;
            this.order = order;
        }
    }

    private static VmSettings.BootDevice device(BootItem item, int order) {
        if (item.element.getTagName().equals("disk")) {
            VmDisk disk = DomainXml.disk(item.element);
            String title = disk.isDrive() ? Texts.get("device.drive." + disk.device(), disk.target())
                    : Texts.get("settings.boot.disk", disk.target());
            return new VmSettings.BootDevice(item.id, title, disk.hasMedia() ? disk.where() : Texts.get("device.drive.empty"), order);
        }
        VmNic nic = DomainXml.nic(item.element);
        return new VmSettings.BootDevice(item.id, Texts.get("device.nic", nic.mac()),
                (nic.type() + " " + nic.source()).strip(), order);
    }

    /** "disk:vda", "nic:52:54:…"; null for a device that cannot be listed in the boot order. */
    private static String id(Element e) {
        if (e.getTagName().equals("disk")) {
            Element target = XmlElements.child(e, "target");
            return target == null ? null : "disk:" + target.getAttribute("dev");
        }
        if (e.getTagName().equals("interface")) {
            Element mac = XmlElements.child(e, "mac");
            return mac == null ? null : "nic:" + mac.getAttribute("address");
        }
        return null;
    }

    private static String legacyKind(Element e) {
        if (e.getTagName().equals("interface")) {
            return "network";
        }
        return switch (e.getAttribute("device")) {
            case "cdrom" -> "cdrom";
            case "floppy" -> "fd";
            default -> "hd";
        };
    }

    /** Replaces any {@code <os><boot dev>} with per-device {@code <boot order>}; host devices keep theirs. */
    static void setBoot(Document doc, VmSettings.Boot boot) {
        Element root = doc.getDocumentElement();
        Element os = XmlElements.child(root, "os");
        if (os == null) {
            throw new IllegalArgumentException("a domain without <os>");
        }
        XmlElements.children(os, "boot").forEach(os::removeChild);
        Element menu = XmlElements.child(os, "bootmenu");
        if (boot.menu()) {
            if (menu == null) {
                menu = doc.createElement("bootmenu");
                os.appendChild(menu);
            }
            menu.setAttribute("enable", "yes");
            if (boot.menuTimeoutMillis() > 0) {
                menu.setAttribute("timeout", Integer.toString(boot.menuTimeoutMillis()));
            } else {
                menu.removeAttribute("timeout");
            }
        } else if (menu != null) {
            os.removeChild(menu);
        }
        Element devices = XmlElements.child(root, "devices");
        Set<Integer> taken = new HashSet<>();
        Map<String, Element> listed = new LinkedHashMap<>();
        for (Element e : XmlElements.children(devices)) {
            String id = id(e);
            Element old = XmlElements.child(e, "boot");
            if (id != null) {
                listed.put(id, e);
                if (old != null) {
                    e.removeChild(old);
                }
            } else if (old != null) {
                taken.add(parseInt(old.getAttribute("order"), 0));   // a host device's own place stays
            }
        }
        int next = 1;
        for (VmSettings.BootDevice device : boot.devices().stream().filter(d -> d.order() > 0)
                .sorted(Comparator.comparingInt(VmSettings.BootDevice::order)).toList()) {
            Element e = listed.get(device.id());
            if (e == null) {
                throw new OperationException(Texts.get("op.settings.boot"), Texts.get("settings.boot.gone", device.title()));
            }
            while (taken.contains(next)) {
                next++;
            }
            Element order = doc.createElement("boot");
            order.setAttribute("order", Integer.toString(next++));
            e.appendChild(order);
        }
    }

    // ---- processor

    private static VmSettings.Cpu cpu(Element root) {
        Element vcpu = XmlElements.child(root, "vcpu");
        int max = vcpu == null ? 1 : parseInt(vcpu.getTextContent().strip(), 1);
        int current = vcpu == null || vcpu.getAttribute("current").isEmpty() ? max : parseInt(vcpu.getAttribute("current"), max);
        Element cpu = XmlElements.child(root, "cpu");
        String mode = "";
        String model = "";
        int sockets = 0;
        int cores = 0;
        int threads = 0;
        if (cpu != null) {
            Element modelElement = XmlElements.child(cpu, "model");
            model = modelElement == null ? "" : modelElement.getTextContent().strip();
            mode = cpu.getAttribute("mode");
            if (mode.isEmpty() && !model.isEmpty()) {
                mode = "custom";
            }
            Element topology = XmlElements.child(cpu, "topology");
            if (topology != null) {
                sockets = parseInt(topology.getAttribute("sockets"), 0);
                cores = parseInt(topology.getAttribute("cores"), 0);
                threads = parseInt(topology.getAttribute("threads"), 0);
            }
        }
        return new VmSettings.Cpu(mode, mode.equals("custom") ? model : "", sockets, cores, threads, current, max);
    }

    static void setCpu(Document doc, VmSettings.Cpu wanted) {
        Element root = doc.getDocumentElement();
        Element vcpu = XmlElements.child(root, "vcpu");
        if (vcpu == null) {
            vcpu = doc.createElement("vcpu");
            root.appendChild(vcpu);
        }
        vcpu.setTextContent(Integer.toString(wanted.maxVcpus()));
        if (wanted.vcpus() < wanted.maxVcpus()) {
            vcpu.setAttribute("current", Integer.toString(wanted.vcpus()));
        } else {
            vcpu.removeAttribute("current");
        }
        Element cpu = XmlElements.child(root, "cpu");
        if (cpu == null) {
            if (wanted.mode().isEmpty() && !wanted.hasTopology()) {
                return;
            }
            cpu = doc.createElement("cpu");
            root.appendChild(cpu);
        }
        Element model = XmlElements.child(cpu, "model");
        switch (wanted.mode()) {
            case "custom" -> {
                cpu.setAttribute("mode", "custom");
                if (cpu.getAttribute("match").isEmpty()) {
                    cpu.setAttribute("match", "exact");
                }
                if (model == null) {
                    model = doc.createElement("model");
                    cpu.insertBefore(model, cpu.getFirstChild());
                }
                model.setTextContent(wanted.model());
                model.setAttribute("fallback", "allow");
            }
            case "" -> {
                cpu.removeAttribute("mode");
                cpu.removeAttribute("match");
                removeIfThere(cpu, model);
            }
            default -> {
                cpu.setAttribute("mode", wanted.mode());
                cpu.removeAttribute("match");
                removeIfThere(cpu, model);
            }
        }
        Element topology = XmlElements.child(cpu, "topology");
        if (wanted.hasTopology()) {
            if (topology == null) {
                topology = doc.createElement("topology");
                cpu.appendChild(topology);
            }
            topology.removeAttribute("dies");   // one die per socket: the product is what the fields say
            topology.removeAttribute("clusters");
            topology.setAttribute("sockets", Integer.toString(wanted.sockets()));
            topology.setAttribute("cores", Integer.toString(wanted.cores()));
            topology.setAttribute("threads", Integer.toString(wanted.threads()));
        } else {
            removeIfThere(cpu, topology);
        }
        if (cpu.getAttributes().getLength() == 0 && XmlElements.children(cpu).isEmpty()) {
            root.removeChild(cpu);
        }
    }

    // ---- memory

    private static VmSettings.Memory memory(Element root) {
        long max = kib(XmlElements.child(root, "memory"));
        Element current = XmlElements.child(root, "currentMemory");
        return new VmSettings.Memory((current == null ? max : kib(current)) * 1024, max * 1024);
    }

    static void setMemory(Document doc, VmSettings.Memory wanted) {
        Element root = doc.getDocumentElement();
        Element memory = XmlElements.child(root, "memory");
        if (memory == null) {
            memory = doc.createElement("memory");
            root.appendChild(memory);
        }
        memory.setAttribute("unit", "KiB");
        memory.setTextContent(Long.toString(wanted.maximumBytes() / 1024));
        Element current = XmlElements.child(root, "currentMemory");
        if (current == null) {
            current = doc.createElement("currentMemory");
            root.insertBefore(current, memory.getNextSibling());
        }
        current.setAttribute("unit", "KiB");
        current.setTextContent(Long.toString(wanted.currentBytes() / 1024));
    }

    // ---- changes

    @FunctionalInterface
    interface Edit {
        void apply(Document saved);
    }

    /**
     * Saves {@code edit} for the next start, then applies {@code live} to a running VM; returns what the
     * user should know ("" when all of it is in effect now).
     */
    static String change(VireoConnect conn, VmSummary vm, String what, Edit edit, LiveChange live) throws LibvirtException {
        return change(conn, vm, what, edit, live, s -> !s.saved().equals(s.live()));
    }

    /**
     * As above; {@code pending} says whether the section changed still waits for the next start (another
     * section's pending change, a disk added for the next start, is not this change's).
     */
    static String change(VireoConnect conn, VmSummary vm, String what, Edit edit, LiveChange live,
                         Predicate<VmSettings> pending) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            boolean persistent = domain.isPersistent() == 1;
            boolean active = domain.isActive() == 1;
            if (!persistent) {
                throw new OperationException(what, Texts.get("settings.transient"));
            }
            Document saved = XmlElements.parse(domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE));
            edit.apply(saved);
            DomainDefinition.define(conn, DomainXmlBuilder.serialize(saved), what).free();
            if (!active) {
                return "";
            }
            List<String> notLive = live == null ? List.of() : live.apply(conn, domain);
            VmSettings after = new VmSettings(values(XmlElements.parse(domain.getXMLDesc(DomainXmlFlags.INACTIVE))),
                    values(XmlElements.parse(domain.getXMLDesc(0))), NO_LIMITS);
            if (!notLive.isEmpty()) {
                return Texts.get("settings.notLive", String.join("; ", notLive));
            }
            return pending.test(after) ? Texts.get("settings.nextStart") : "";
        } finally {
            domain.free();
        }
    }

    /** What a running VM takes at once; returns libvirt's reasons for what it did not. */
    @FunctionalInterface
    interface LiveChange {
        List<String> apply(VireoConnect conn, Domain domain) throws LibvirtException;
    }

    static LiveChange liveVcpus(int vcpus) {
        return (conn, domain) -> {
            VmSettings.Cpu now = cpu(XmlElements.parse(domain.getXMLDesc(0)).getDocumentElement());
            if (now.vcpus() == vcpus || vcpus > now.maxVcpus()) {
                return List.of();   // nothing to do, or the maximum itself changes: that is the next start's
            }
            try {
                domain.setVcpusFlags(vcpus, AFFECT_LIVE);
                return List.of();
            } catch (LibvirtException e) {
                return List.of(Texts.get("settings.vcpus.notLive", LibvirtErrors.message(e)));
            }
        };
    }

    static LiveChange liveMemory(long currentBytes) {
        return (conn, domain) -> {
            VmSettings.Memory now = memory(XmlElements.parse(domain.getXMLDesc(0)).getDocumentElement());
            if (now.currentBytes() == currentBytes || currentBytes > now.maximumBytes()) {
                return List.of();
            }
            Pointer pointer = LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn.nativePointer(), domain.getUUIDString());
            try {
                if (LibvirtNative.INSTANCE.virDomainSetMemoryFlags(pointer, new NativeLong(currentBytes / 1024), AFFECT_LIVE) == 0) {
                    return List.of();
                }
            } finally {
                LibvirtNative.INSTANCE.virDomainFree(pointer);
            }
            return List.of(Texts.get("settings.memory.notLive", LastError.take()));
        };
    }

    // ---- the node's bounds

    private static VmSettings.Limits limits(VireoConnect conn, Element domain) throws LibvirtException {
        NodeInfo info = conn.nodeInfo();
        Element os = XmlElements.child(domain, "os");
        Element type = os == null ? null : XmlElements.child(os, "type");
        String arch = type == null || type.getAttribute("arch").isEmpty() ? "x86_64" : type.getAttribute("arch");
        String machine = type == null || type.getAttribute("machine").isEmpty() ? null : type.getAttribute("machine");
        Element devices = XmlElements.child(domain, "devices");
        String emulator = devices == null ? "" : XmlElements.childText(devices, "emulator");
        String virtType = domain.getAttribute("type");
        List<String> names = cpuModelNames(conn, arch);
        Element caps = DomainCapabilities.read(conn, emulator.isEmpty() ? null : emulator, arch, machine, virtType);
        if (caps == null) {
            int max = conn.getMaxVcpus(virtType);
            return new VmSettings.Limits(info.cpus, info.memory * 1024L, max > 0 ? max : DEFAULT_MAX_VCPUS,
                    List.of("host-passthrough", "host-model", "custom"), names, Texts.get("settings.models.all", names.size(), arch));
        }
        Element vcpu = XmlElements.child(caps, "vcpu");
        int max = vcpu == null ? DEFAULT_MAX_VCPUS : parseInt(vcpu.getAttribute("max"), DEFAULT_MAX_VCPUS);
        List<String> modes = new ArrayList<>();
        Set<String> usable = new TreeSet<>();
        Element cpu = XmlElements.child(caps, "cpu");
        for (Element mode : cpu == null ? List.<Element>of() : XmlElements.children(cpu, "mode")) {
            if (!"yes".equals(mode.getAttribute("supported"))) {
                continue;
            }
            modes.add(mode.getAttribute("name"));
            if (mode.getAttribute("name").equals("custom")) {
                for (Element model : XmlElements.children(mode, "model")) {
                    if (!"no".equals(model.getAttribute("usable"))) {
                        usable.add(model.getTextContent().strip());
                    }
                }
            }
        }
        List<String> offered = names.stream().filter(usable::contains).toList();
        return new VmSettings.Limits(info.cpus, info.memory * 1024L, max, modes, offered,
                Texts.get("settings.models.usable", offered.size(), arch, virtType));
    }

    private static List<String> cpuModelNames(VireoConnect conn, String arch) {
        PointerByReference models = new PointerByReference();
        int count = LibvirtNative.INSTANCE.virConnectGetCPUModelNames(conn.nativePointer(), arch, models, 0);
        if (count < 0) {
            LastError.take();
            return List.of();
        }
        Pointer array = models.getValue();
        List<String> names = new ArrayList<>(count);
        for (Pointer name : array.getPointerArray(0, count)) {
            names.add(name.getString(0));
            Native.free(Pointer.nativeValue(name));
        }
        Native.free(Pointer.nativeValue(array));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    private static void removeIfThere(Element parent, Element child) {
        if (child != null) {
            parent.removeChild(child);
        }
    }

    private static long kib(Element memory) {
        return VolumeXml.bytes(memory, "KiB") / 1024;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
