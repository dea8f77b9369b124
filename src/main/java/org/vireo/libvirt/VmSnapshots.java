package org.vireo.libvirt;

import static org.vireo.libvirt.XmlElements.child;
import static org.vireo.libvirt.XmlElements.childText;
import static org.vireo.libvirt.XmlElements.children;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Snapshot calls; runs on the VM's node worker. Snapshot XML is built and read with DOM. */
final class VmSnapshots {

    private static final int DELETE_CHILDREN = 1;

    private VmSnapshots() {
    }

    static List<VmSnapshot> list(Connect conn, VmSummary vm) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            String current = "";
            if (domain.hasCurrentSnapshot() == 1) {
                DomainSnapshot snapshot = domain.snapshotCurrent();
                try {
                    current = read(snapshot.getXMLDesc(), "").name();
                } finally {
                    snapshot.free();
                }
            }
            List<VmSnapshot> all = new ArrayList<>();
            for (String name : domain.snapshotListNames()) {
                DomainSnapshot snapshot = domain.snapshotLookupByName(name);
                try {
                    all.add(read(snapshot.getXMLDesc(), current));
                } finally {
                    snapshot.free();
                }
            }
            return parentsFirst(all);
        } finally {
            domain.free();
        }
    }

    static void take(Connect conn, VmSummary vm, String name, String description, boolean withMemory)
            throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            boolean running = domain.isActive() == 1;
            domain.snapshotCreateXML(snapshotXml(name, description, running && !withMemory), 0).free();
        } catch (LibvirtException e) {
            String why = LibvirtErrors.message(e);
            String advice = refusalAdvice(why);
            if (advice == null) {
                throw e;
            }
            throw new OperationException(Texts.get("op.takeSnapshot", name, vm.name()),
                    Texts.get("snapshot.refusal", advice, why));
        } finally {
            domain.free();
        }
    }

    private static final Pattern NOT_QCOW2 =
            Pattern.compile("internal snapshot for disk (\\S+) unsupported for storage type (\\S+)");

    /** Why QEMU refused an internal snapshot and what would work, for the refusals users meet; null otherwise. */
    static String refusalAdvice(String libvirtMessage) {
        Matcher disk = NOT_QCOW2.matcher(libvirtMessage);
        if (disk.find()) {
            return Texts.get("snapshot.notQcow2", disk.group(1), disk.group(2));
        }
        if (libvirtMessage.contains("pflash based firmware")) {
            return Texts.get("snapshot.uefiRunning");
        }
        if (libvirtMessage.contains("must include the memory state")) {
            return Texts.get("snapshot.needsMemory");
        }
        return null;
    }

    static void revert(Connect conn, VmSummary vm, String name) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            DomainSnapshot snapshot = domain.snapshotLookupByName(name);
            try {
                domain.revertToSnapshot(snapshot);
            } finally {
                snapshot.free();
            }
        } finally {
            domain.free();
        }
    }

    static void delete(Connect conn, VmSummary vm, String name, boolean withChildren) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            DomainSnapshot snapshot = domain.snapshotLookupByName(name);
            try {
                snapshot.delete(withChildren ? DELETE_CHILDREN : 0);
            } finally {
                snapshot.free();
            }
        } finally {
            domain.free();
        }
    }

    static String snapshotXml(String name, String description, boolean withoutMemory) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("domainsnapshot");
            doc.appendChild(root);
            Element nameElement = doc.createElement("name");
            nameElement.setTextContent(name);
            root.appendChild(nameElement);
            if (!description.isBlank()) {
                Element desc = doc.createElement("description");
                desc.setTextContent(description);
                root.appendChild(desc);
            }
            if (withoutMemory) {
                Element memory = doc.createElement("memory");
                memory.setAttribute("snapshot", "no");
                root.appendChild(memory);
            }
            return DomainXmlBuilder.serialize(doc);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static VmSnapshot read(String xml, String current) {
        try {
            Element root = XmlElements.parse(xml).getDocumentElement();
            String name = childText(root, "name");
            Element parent = child(root, "parent");
            String created = childText(root, "creationTime");
            Element memory = child(root, "memory");
            String memoryKind = memory == null ? "" : memory.getAttribute("snapshot");
            boolean external = "external".equals(memoryKind);
            for (Element disk : children(child(root, "disks"), "disk")) {
                external |= "external".equals(disk.getAttribute("snapshot"));
            }
            String state = childText(root, "state");
            boolean withMemory = memory == null
                    ? state.equals("running") || state.equals("paused")
                    : memoryKind.equals("internal") || memoryKind.equals("external");
            return new VmSnapshot(name, parent == null ? "" : childText(parent, "name"), childText(root, "description"),
                    created.isEmpty() ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(created)),
                    state, name.equals(current), external, withMemory);
        } catch (Exception e) {
            throw new IllegalArgumentException("libvirt returned snapshot XML that does not parse", e);
        }
    }

    /** Orders a tree depth-first from its roots, oldest first among siblings. */
    static List<VmSnapshot> parentsFirst(List<VmSnapshot> all) {
        Map<String, List<VmSnapshot>> children = new HashMap<>();
        List<VmSnapshot> roots = new ArrayList<>();
        Map<String, VmSnapshot> byName = new HashMap<>();
        all.forEach(s -> byName.put(s.name(), s));
        for (VmSnapshot s : all) {
            if (s.parent().isEmpty() || !byName.containsKey(s.parent())) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s);
            }
        }
        List<VmSnapshot> ordered = new ArrayList<>();
        Comparator<VmSnapshot> byTime = Comparator.comparing(VmSnapshot::created).thenComparing(VmSnapshot::name);
        roots.sort(byTime);
        ArrayList<VmSnapshot> stack = new ArrayList<>(roots);
        Collections.reverse(stack);
        while (!stack.isEmpty()) {
            VmSnapshot next = stack.remove(stack.size() - 1);
            ordered.add(next);
            List<VmSnapshot> kids = new ArrayList<>(children.getOrDefault(next.name(), List.of()));
            kids.sort(byTime.reversed());
            stack.addAll(kids);
        }
        return ordered;
    }
}
