package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.model.NodeFacts;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads what the create-VM checks need from a node: host size, names in use, pools, networks. */
final class NodeFactsReader {

    private static final int LIST_ACTIVE = 1;

    private NodeFactsReader() {
    }

    static NodeFacts read(Connect conn) throws LibvirtException {
        return read(conn, VmDevices.diskUsers(conn));
    }

    /** With {@code diskUsers} (path → VMs that have it as a disk) already read by the caller. */
    static NodeFacts read(Connect conn, Map<String, List<String>> diskUsers) throws LibvirtException {
        NodeInfo info = conn.nodeInfo();
        String capabilities = conn.getCapabilities();
        List<String> types = domainTypes(capabilities);
        int maxVcpus;
        try {
            maxVcpus = conn.getMaxVcpus(types.isEmpty() ? null : types.get(0));
        } catch (LibvirtException e) {
            maxVcpus = 255;
        }
        if (maxVcpus <= 0) {
            maxVcpus = 255;
        }
        Set<String> names = new HashSet<>();
        for (Domain domain : conn.listAllDomains(0)) {
            try {
                names.add(domain.getName());
            } finally {
                domain.free();
            }
        }
        long committed = 0;
        for (Domain domain : conn.listAllDomains(LIST_ACTIVE)) {
            try {
                committed += domain.getInfo().memory * 1024L;
            } finally {
                domain.free();
            }
        }
        List<NodeFacts.Pool> pools = new ArrayList<>();
        for (String name : conn.listStoragePools()) {
            pools.add(pool(conn, name, true, diskUsers));
        }
        for (String name : conn.listDefinedStoragePools()) {
            pools.add(pool(conn, name, false, diskUsers));
        }
        pools.sort(Comparator.comparing(NodeFacts.Pool::name));
        List<String> networks = new ArrayList<>(List.of(conn.listNetworks()));
        networks.sort(null);
        NodeFacts.Firmware firmware = conn instanceof VireoConnect vireo && !types.isEmpty()
                ? firmware(DomainCapabilities.read(vireo, null, "x86_64", "q35", types.get(0))) : NodeFacts.Firmware.UNKNOWN;
        Map<String, List<String>> byArch = new LinkedHashMap<>();
        if (!types.contains("test")) {
            for (String arch : arches(capabilities)) {
                byArch.put(arch, machines(capabilities, arch));
            }
        }
        return new NodeFacts(info.cpus, info.memory * 1024L, maxVcpus, committed, names, pools, networks, types, firmware,
                byArch.getOrDefault("x86_64", List.of()), byArch);
    }

    private static NodeFacts.Pool pool(Connect conn, String name, boolean active, Map<String, List<String>> diskUsers)
            throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName(name);
        try {
            Element xml = parse(pool.getXMLDesc(0));
            long capacity = number(xml, "capacity");
            long available = number(xml, "available");
            NodeList paths = xml.getElementsByTagName("path");
            String path = paths.getLength() == 0 ? "" : paths.item(0).getTextContent().strip();
            List<NodeFacts.Volume> volumes = new ArrayList<>();
            if (active) {
                for (String volumeName : pool.listVolumes()) {
                    StorageVol vol = pool.storageVolLookupByName(volumeName);
                    try {
                        String volumePath = vol.getPath();
                        String volumeXml = vol.getXMLDesc(0);
                        volumes.add(new NodeFacts.Volume(volumeName, volumePath, VolumeXml.capacity(volumeXml),
                                VolumeXml.format(volumeXml), diskUsers.getOrDefault(volumePath, List.of())));
                    } finally {
                        vol.free();
                    }
                }
            }
            volumes.sort(Comparator.comparing(NodeFacts.Volume::name));
            return new NodeFacts.Pool(name, active, capacity, available, path, volumes);
        } finally {
            pool.free();
        }
    }

    /** UEFI, Secure Boot and a TPM emulator as the domain capabilities offer them (unknown without any). */
    static NodeFacts.Firmware firmware(Element caps) {
        if (caps == null) {
            return NodeFacts.Firmware.UNKNOWN;
        }
        Element os = XmlElements.child(caps, "os");
        boolean uefi = os != null && DomainCapabilities.values(os, "firmware").contains("efi");
        Element loader = os == null ? null : XmlElements.child(os, "loader");
        boolean secure = uefi && loader != null && DomainCapabilities.values(loader, "secure").contains("yes");
        Element devices = XmlElements.child(caps, "devices");
        Element tpm = devices == null ? null : XmlElements.child(devices, "tpm");
        boolean tpmEmulator = tpm != null && "yes".equals(tpm.getAttribute("supported"))
                && DomainCapabilities.values(tpm, "model").contains("tpm-crb") && DomainCapabilities.values(tpm, "backendModel").contains("emulator");
        return new NodeFacts.Firmware(true, uefi, secure, tpmEmulator);
    }

    /** The architectures of the node's hvm guests, x86_64 first, then as the capabilities list them. */
    static List<String> arches(String capabilities) {
        Set<String> arches = new LinkedHashSet<>();
        for (Element guest : XmlElements.children(parse(capabilities), "guest")) {
            if (!"hvm".equals(XmlElements.childText(guest, "os_type"))) {
                continue;
            }
            for (Element a : XmlElements.children(guest, "arch")) {
                arches.add(a.getAttribute("name"));
            }
        }
        List<String> ordered = new ArrayList<>(arches);
        ordered.sort(Comparator.comparing((String a) -> !a.equals("x86_64")));
        return ordered;
    }

    /** The machine types of {@code arch} guests: the aliases (q35, pc) first, then the versioned ones, newest first. */
    static List<String> machines(String capabilities, String arch) {
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> versioned = new TreeSet<>(Comparator.reverseOrder());
        Element root = parse(capabilities);
        for (Element guest : XmlElements.children(root, "guest")) {
            for (Element a : XmlElements.children(guest, "arch")) {
                if (!arch.equals(a.getAttribute("name"))) {
                    continue;
                }
                for (Element machine : XmlElements.children(a, "machine")) {
                    String name = machine.getTextContent().strip();
                    (machine.hasAttribute("canonical") ? aliases : versioned).add(name);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String preferred : List.of("q35", "pc")) {
            if (aliases.remove(preferred)) {
                ordered.add(preferred);
            }
        }
        ordered.addAll(aliases);
        ordered.addAll(versioned);
        return ordered;
    }

    static List<String> domainTypes(String capabilities) {
        Set<String> types = new LinkedHashSet<>();
        Element root = parse(capabilities);
        NodeList domains = root.getElementsByTagName("domain");
        for (int i = 0; i < domains.getLength(); i++) {
            types.add(((Element) domains.item(i)).getAttribute("type"));
        }
        List<String> ordered = new ArrayList<>();
        for (String preferred : List.of("kvm", "qemu")) {
            if (types.remove(preferred)) {
                ordered.add(preferred);
            }
        }
        ordered.addAll(types);
        return ordered;
    }

    private static long number(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return 0;
        }
        try {
            return Long.parseLong(nodes.item(0).getTextContent().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Element parse(String xml) {
        return XmlElements.parse(xml).getDocumentElement();
    }
}
