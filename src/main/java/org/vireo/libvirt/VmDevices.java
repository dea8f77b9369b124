package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Interface;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DiskSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmDevice;
import org.vireo.model.VmDisk;
import org.vireo.model.VmNic;
import org.vireo.model.VmSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The device changes of the Hardware tab; runs on the VM's node worker.
 *
 * <p>The saved definition is changed by defining the edited XML (what virt-manager does too): it
 * works on every driver, the test driver included, and a refused define leaves the domain exactly as
 * it was. A running domain is then changed by libvirt's device calls with {@code AFFECT_LIVE}; what
 * they refuse stays in the saved definition for the next start, and libvirt's reason is returned.
 */
final class VmDevices {

    private static final Logger LOG = LoggerFactory.getLogger(VmDevices.class);
    private static final int AFFECT_LIVE = 1;

    private enum Live { ATTACH, UPDATE, DETACH }

    /** One edit, applied alike to the saved and to the live definition; returns the device it added, changed or removed (null: not there). */
    private interface Edit {
        Element apply(Document doc);
    }

    private VmDevices() {
    }

    static String addDisk(Connect conn, VmSummary vm, DiskSpec spec) throws LibvirtException {
        StorageVol created = null;
        String path = "";
        String format = "";
        if (spec.source() instanceof DiskSpec.NewVolume fresh) {
            StoragePool pool = conn.storagePoolLookupByName(fresh.pool());
            try {
                created = pool.storageVolCreateXML(DomainXmlBuilder.volume(fresh.name(), fresh.capacityBytes(), fresh.format()), 0);
            } finally {
                pool.free();
            }
            path = created.getPath();
            format = fresh.format();
        } else if (spec.source() instanceof DiskSpec.ExistingVolume existing) {
            path = existing.path();
            format = existing.format();
        } else if (spec.source() instanceof DiskSpec.NodePath nodePath) {
            path = nodePath.path();
            format = spec.device().equals("cdrom") ? "raw" : "";
        }
        String source = path;
        String driverType = format;
        try {
            String result = change(conn, vm, doc -> {
                Element disk = DeviceXml.disk(doc, spec, source, driverType);
                DeviceXml.append(doc, disk);
                return disk;
            }, Live.ATTACH);
            DiskVolumes.free(created);
            return result;
        } catch (RuntimeException | LibvirtException refused) {
            if (created != null) {
                try {
                    created.delete(0);
                    LOG.info("Rolled back: deleted the new volume {} after the disk was refused", source);
                } catch (LibvirtException e) {
                    LOG.warn("The new volume {} could not be deleted again: {}", source, LibvirtErrors.message(e));
                }
                DiskVolumes.free(created);
            }
            throw refused;
        }
    }

    static String editDisk(Connect conn, VmSummary vm, String target, DiskSpec spec) throws LibvirtException {
        return change(conn, vm, doc -> {
            Element disk = DeviceXml.diskByTarget(doc, target);
            if (disk != null) {
                DeviceXml.applySettings(disk, spec);
            }
            return disk;
        }, Live.UPDATE);
    }

    static String changeMedia(Connect conn, VmSummary vm, String target, DiskSpec.Source media) throws LibvirtException {
        String path = media instanceof DiskSpec.ExistingVolume v ? v.path()
                : media instanceof DiskSpec.NodePath p ? p.path() : "";
        return change(conn, vm, doc -> {
            Element disk = DeviceXml.diskByTarget(doc, target);
            if (disk != null) {
                DeviceXml.setMedia(disk, path);
            }
            return disk;
        }, Live.UPDATE);
    }

    static String addNic(Connect conn, VmSummary vm, NicSpec spec) throws LibvirtException {
        return change(conn, vm, doc -> {
            Element nic = DeviceXml.nic(doc, spec);
            DeviceXml.append(doc, nic);
            return nic;
        }, Live.ATTACH);
    }

    static String editNic(Connect conn, VmSummary vm, String mac, NicSpec spec) throws LibvirtException {
        return change(conn, vm, doc -> {
            Element nic = DeviceXml.nicByMac(doc, mac);
            if (nic != null) {
                DeviceXml.applyNic(nic, spec);
            }
            return nic;
        }, Live.UPDATE);
    }

    static String remove(Connect conn, VmSummary vm, VmDevice device, boolean deleteVolume) throws LibvirtException {
        StorageVol volume = null;
        if (deleteVolume && device.disk() != null) {
            volume = DiskVolumes.of(conn, device.disk());
            if (volume != null) {
                List<String> others = usage(conn, vm.uuid()).users().getOrDefault(volume.getPath(), List.of());
                if (!others.isEmpty()) {
                    String where = volume.getPath();
                    DiskVolumes.free(volume);
                    throw new OperationException(Texts.get("op.device.remove", vm.name(), device.title()),
                            Texts.get("device.volumeInUse", where, String.join(", ", others)));
                }
            }
        }
        String notLive;
        try {
            notLive = change(conn, vm, doc -> {
                Element found = device.nic() != null ? DeviceXml.nicByMac(doc, device.nic().mac())
                        : device.disk() != null ? DeviceXml.diskByTarget(doc, device.disk().target()) : null;
                DeviceXml.remove(found);
                return found;
            }, Live.DETACH);
        } catch (RuntimeException | LibvirtException refused) {
            DiskVolumes.free(volume);
            throw refused;
        }
        if (volume != null) {
            String path = volume.getPath();
            if (!notLive.isEmpty()) {
                DiskVolumes.free(volume);
                return notLive + "\n" + Texts.get("device.volumeKept", path);
            }
            try {
                volume.delete(0);
                LOG.info("Deleted the volume {} with its disk", path);
            } finally {
                DiskVolumes.free(volume);
            }
        }
        return notLive;
    }

    /**
     * Applies {@code edit} to the saved definition (define, all or nothing), then live; returns what
     * was not done live. A transient domain has only the live definition, where a refusal is final.
     */
    private static String change(Connect conn, VmSummary vm, Edit edit, Live live) throws LibvirtException {
        Domain domain = conn.domainLookupByUUIDString(vm.uuid());
        try {
            boolean persistent = domain.isPersistent() == 1;
            boolean active = domain.isActive() == 1;
            if (persistent) {
                Document saved = XmlElements.parse(domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE));
                if (edit.apply(saved) == null) {
                    throw new OperationException(Texts.get("op.device.find", vm.name()), Texts.get("device.gone", vm.name()));
                }
                conn.domainDefineXML(DeviceReader.fragment(saved.getDocumentElement())).free();
            }
            if (!active) {
                return "";
            }
            Document running = XmlElements.parse(domain.getXMLDesc(DomainXmlFlags.SECURE));
            Element device = edit.apply(running);
            if (device == null) {
                return persistent ? "" : Texts.get("device.gone", vm.name());   // only in the saved definition: added or removed there
            }
            String xml = DeviceReader.fragment(device);
            try {
                switch (live) {
                    case ATTACH -> domain.attachDeviceFlags(xml, AFFECT_LIVE);
                    case UPDATE -> domain.updateDeviceFlags(xml, AFFECT_LIVE);
                    case DETACH -> domain.detachDeviceFlags(xml, AFFECT_LIVE);
                    default -> throw new IllegalStateException();
                }
                // libvirt returns once it asked the guest; a guest that has not let go yet (no OS, no hot-plug
                // support) keeps the device, and saying "removed" would be untrue.
                if (live == Live.DETACH && edit.apply(XmlElements.parse(domain.getXMLDesc(DomainXmlFlags.SECURE))) != null) {
                    return Texts.get("device.notReleased");
                }
                return "";
            } catch (LibvirtException refused) {
                if (!persistent) {
                    throw refused;
                }
                return Texts.get("device.notLive", LibvirtErrors.message(refused));
            }
        } finally {
            domain.free();
        }
    }

    /**
     * What the other domains of the node use (volumes and paths by VM, as media of any kind and as disks alone, MACs)
     * and the VM's own disk targets, live and saved.
     */
    private record Usage(Map<String, List<String>> users, Map<String, List<String>> diskUsers, Set<String> macs, Set<String> targets) {
    }

    private static Usage usage(Connect conn, String selfUuid) throws LibvirtException {
        Usage usage = new Usage(new TreeMap<>(), new TreeMap<>(), new HashSet<>(), new HashSet<>());
        for (Domain domain : allDomains(conn)) {
            try {
                boolean self = domain.getUUIDString().equals(selfUuid);
                String name = domain.getName();
                for (String xml : definitions(domain)) {
                    DomainXml parsed = DomainXml.parse(xml);
                    for (VmDisk disk : parsed.disks()) {
                        if (self) {
                            usage.targets().add(disk.target());
                        } else if (disk.hasMedia()) {
                            String key = key(conn, disk);
                            addOnce(usage.users(), key, name);
                            if (disk.device().equals("disk")) {
                                addOnce(usage.diskUsers(), key, name);
                            }
                        }
                    }
                    if (!self) {
                        parsed.nics().forEach(nic -> usage.macs().add(nic.mac().toLowerCase(Locale.ROOT)));
                    }
                }
            } finally {
                domain.free();
            }
        }
        return usage;
    }

    private static void addOnce(Map<String, List<String>> users, String key, String name) {
        List<String> list = users.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(name)) {
            list.add(name);
        }
    }

    /** Every domain's disks (running and saved) by the path of their storage: the VMs that use each volume. */
    static Map<String, List<String>> volumeUsers(Connect conn) throws LibvirtException {
        return usage(conn, "").users();
    }

    /** As {@link #volumeUsers}, for disks alone: an ISO in CD-ROM drives is shared media, not someone's disk. */
    static Map<String, List<String>> diskUsers(Connect conn) throws LibvirtException {
        return usage(conn, "").diskUsers();
    }

    static DeviceChoices choices(Connect conn, VmSummary vm) throws LibvirtException {
        Usage usage = usage(conn, vm.uuid());
        HostInterfaces host = hostInterfaces(conn);
        return new DeviceChoices(NodeFactsReader.read(conn, usage.diskUsers()), usage.users(), usage.macs(), usage.targets(),
                host.all(), host.bridges());
    }

    /** The node's host interfaces by name, and those of them that are bridges. */
    record HostInterfaces(List<String> all, List<String> bridges) {
    }

    static HostInterfaces hostInterfaces(Connect conn) {
        List<String> interfaces = new ArrayList<>();
        List<String> bridges = new ArrayList<>();
        try {
            for (String name : conn.listInterfaces()) {
                interfaces.add(name);
                try {
                    Interface iface = conn.interfaceLookupByName(name);
                    try {
                        if ("bridge".equals(XmlElements.parse(iface.getXMLDescription(0)).getDocumentElement().getAttribute("type"))) {
                            bridges.add(name);
                        }
                    } finally {
                        iface.free();
                    }
                } catch (LibvirtException e) {
                    // listed but gone: not offered as a bridge
                }
            }
        } catch (LibvirtException noInterfaceDriver) {
            LOG.debug("No host interfaces listed on this node: {}", LibvirtErrors.message(noInterfaceDriver));
        }
        return new HostInterfaces(interfaces, bridges);
    }

    /** For each virtual network, the VMs with an interface on it; and of those, the ones running on it now. */
    record NetworkUsers(Map<String, Set<String>> all, Map<String, Set<String>> running) {

        List<String> of(String network) {
            return List.copyOf(all.getOrDefault(network, Set.of()));
        }

        List<String> runningOf(String network) {
            return List.copyOf(running.getOrDefault(network, Set.of()));
        }
    }

    static NetworkUsers networkUsers(Connect conn) throws LibvirtException {
        NetworkUsers users = new NetworkUsers(new TreeMap<>(), new TreeMap<>());
        for (Domain domain : allDomains(conn)) {
            try {
                String name = domain.getName();
                boolean running = domain.isActive() == 1;
                boolean live = true;   // the first definition is the running one for an active domain
                for (String xml : definitions(domain)) {
                    for (VmNic nic : DomainXml.parse(xml).nics()) {
                        if (nic.type().equals("network") && !nic.source().isEmpty()) {
                            users.all().computeIfAbsent(nic.source(), k -> new TreeSet<>()).add(name);
                            if (running && live) {
                                users.running().computeIfAbsent(nic.source(), k -> new TreeSet<>()).add(name);
                            }
                        }
                    }
                    live = false;
                }
            } finally {
                domain.free();
            }
        }
        return users;
    }

    /** The path of a disk's storage, as the users map and the volume picker name it. */
    private static String key(Connect conn, VmDisk disk) {
        StorageVol vol = DiskVolumes.of(conn, disk);
        try {
            return vol != null ? vol.getPath() : disk.path().isEmpty() ? disk.where() : disk.path();
        } catch (LibvirtException gone) {
            return disk.where();
        } finally {
            DiskVolumes.free(vol);
        }
    }

    /** The live and, for a running persistent domain, the saved definition. */
    private static List<String> definitions(Domain domain) throws LibvirtException {
        List<String> xml = new ArrayList<>();
        xml.add(domain.getXMLDesc(0));
        if (domain.isActive() == 1 && domain.isPersistent() == 1) {
            xml.add(domain.getXMLDesc(DomainXmlFlags.INACTIVE));
        }
        return xml;
    }

    private static List<Domain> allDomains(Connect conn) throws LibvirtException {
        List<Domain> domains = new ArrayList<>();
        for (int id : conn.listDomains()) {
            try {
                domains.add(conn.domainLookupByID(id));
            } catch (LibvirtException gone) {
                // stopped meanwhile: listed below if defined
            }
        }
        for (String name : conn.listDefinedDomains()) {
            try {
                domains.add(conn.domainLookupByName(name));
            } catch (LibvirtException gone) {
                // undefined meanwhile
            }
        }
        return domains;
    }
}
