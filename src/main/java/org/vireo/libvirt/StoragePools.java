package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.OperationException;
import org.vireo.model.PoolSpec;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.model.Texts;
import org.vireo.model.VmDisk;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Storage tab's libvirt calls: pools read from their XML (every type, whatever libvirt-java's enums
 * know), started, stopped, refreshed and removed; volumes read with the VMs that use them, created (raw,
 * qcow2, or a qcow2 overlay), resized and deleted. A pool or volume in use by a VM is not deleted: Vireo
 * refuses first and names the VM. Runs on the node's worker.
 */
final class StoragePools {

    private static final Logger LOG = LoggerFactory.getLogger(StoragePools.class);
    // virStorageVolResizeFlags, virStoragePoolDeleteFlags, virStorageVolCreateFlags
    private static final int RESIZE_SHRINK = 4;
    private static final int CREATE_PREALLOC_METADATA = 1;
    private static final int BLOCK_RESIZE_BYTES = 1;

    private StoragePools() {
    }

    static List<StoragePoolInfo> pools(Connect conn) throws LibvirtException {
        List<String> names = new ArrayList<>(List.of(conn.listStoragePools()));
        names.addAll(List.of(conn.listDefinedStoragePools()));
        List<StoragePoolInfo> pools = new ArrayList<>();
        for (String name : names) {
            StoragePool pool;
            try {
                pool = conn.storagePoolLookupByName(name);
            } catch (LibvirtException gone) {
                continue;   // removed between the list and the lookup
            }
            try {
                pools.add(info(pool));
            } finally {
                pool.free();
            }
        }
        pools.sort(Comparator.comparing(StoragePoolInfo::name));
        return pools;
    }

    private static StoragePoolInfo info(StoragePool pool) throws LibvirtException {
        Element root = XmlElements.parse(pool.getXMLDesc(0)).getDocumentElement();
        Element target = XmlElements.child(root, "target");
        return new StoragePoolInfo(pool.getName(), pool.getUUIDString(), root.getAttribute("type"), pool.isActive() == 1,
                pool.getAutostart(), pool.isPersistent() == 1, bytes(XmlElements.child(root, "capacity")),
                bytes(XmlElements.child(root, "allocation")), bytes(XmlElements.child(root, "available")),
                target == null ? "" : XmlElements.childText(target, "path"));
    }

    /** The pool XML for {@code spec}, built with DOM; a custom pool's XML is the user's own. */
    static String poolXml(PoolSpec spec) {
        if (spec.type().equals("custom")) {
            return spec.customXml();
        }
        Document doc = XmlElements.parse("<pool/>");
        Element root = doc.getDocumentElement();
        root.setAttribute("type", spec.type());
        XmlElements.append(doc, root, "name", spec.name().strip());
        Element source = doc.createElement("source");
        switch (spec.type()) {
            case "fs" -> XmlElements.append(doc, source, "device", null).setAttribute("path", spec.sourceDevice().strip());
            case "netfs" -> {
                XmlElements.append(doc, source, "host", null).setAttribute("name", spec.sourceHost().strip());
                XmlElements.append(doc, source, "dir", null).setAttribute("path", spec.sourcePath().strip());
                XmlElements.append(doc, source, "format", null).setAttribute("type", "nfs");
            }
            case "logical" -> {
                if (!spec.sourceDevice().isBlank()) {
                    XmlElements.append(doc, source, "device", null).setAttribute("path", spec.sourceDevice().strip());
                }
                XmlElements.append(doc, source, "name", spec.sourceName().strip());
                XmlElements.append(doc, source, "format", null).setAttribute("type", "lvm2");
            }
            case "iscsi" -> {
                XmlElements.append(doc, source, "host", null).setAttribute("name", spec.sourceHost().strip());
                XmlElements.append(doc, source, "device", null).setAttribute("path", spec.sourcePath().strip());
            }
            default -> {
                // dir: no source
            }
        }
        if (source.hasChildNodes()) {
            root.appendChild(source);
        }
        String target = switch (spec.type()) {
            case "logical" -> "/dev/" + spec.sourceName().strip();
            case "iscsi" -> "/dev/disk/by-path";
            default -> spec.target().strip();
        };
        XmlElements.append(doc, XmlElements.append(doc, root, "target", null), "path", target);
        return DomainXmlBuilder.serialize(doc);
    }

    static void create(Connect conn, PoolSpec spec) throws LibvirtException {
        String what = Texts.get("op.storage.createPool", spec.name());
        StoragePool pool;
        try {
            pool = conn.storagePoolDefineXML(poolXml(spec), 0);
        } catch (LibvirtException refused) {
            throw new OperationException(what, LibvirtErrors.message(refused));
        }
        boolean built = false;
        try {
            if (spec.build()) {
                pool.build(0);
                built = true;
            }
            if (spec.start()) {
                pool.create(0);
            }
            if (spec.autostart()) {
                pool.setAutostart(1);
            }
        } catch (LibvirtException failed) {
            // Nothing half-made: the definition goes again, and what its build made where libvirt can remove it.
            String reason = LibvirtErrors.message(failed);
            try {
                if (pool.isActive() == 1) {
                    pool.destroy();
                }
                if (built && spec.type().equals("dir")) {
                    pool.delete(0);
                }
                pool.undefine();
            } catch (LibvirtException cleanup) {
                LOG.warn("The pool {} that failed to start could not be removed again: {}", spec.name(), LibvirtErrors.message(cleanup));
            }
            throw new OperationException(what, Texts.get("storage.createFailed", reason));
        } finally {
            pool.free();
        }
    }

    static List<StorageVolumeInfo> volumes(Connect conn, String poolName) throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        try {
            if (pool.isActive() != 1) {
                return List.of();
            }
            pool.refresh(0);   // files copied in by other means are listed too
            Map<String, List<String>> users = VmDevices.volumeUsers(conn);
            List<StorageVolumeInfo> volumes = new ArrayList<>();
            for (String name : pool.listVolumes()) {
                StorageVol vol;
                try {
                    vol = pool.storageVolLookupByName(name);
                } catch (LibvirtException gone) {
                    continue;
                }
                try {
                    Element root = XmlElements.parse(vol.getXMLDesc(0)).getDocumentElement();
                    Element target = XmlElements.child(root, "target");
                    Element format = target == null ? null : XmlElements.child(target, "format");
                    String path = vol.getPath();
                    volumes.add(new StorageVolumeInfo(poolName, name, path, format == null ? "" : format.getAttribute("type"),
                            bytes(XmlElements.child(root, "capacity")), bytes(XmlElements.child(root, "allocation")),
                            users.getOrDefault(path, List.of()).stream().sorted().toList()));
                } finally {
                    vol.free();
                }
            }
            volumes.sort(Comparator.comparing(StorageVolumeInfo::name));
            return volumes;
        } finally {
            pool.free();
        }
    }

    @FunctionalInterface
    interface PoolCall {
        void run(StoragePool pool) throws LibvirtException;
    }

    static void onPool(Connect conn, String poolName, PoolCall call) throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        try {
            call.run(pool);
        } finally {
            pool.free();
        }
    }

    /** Stops (when active) and undefines a pool; its contents go too only when asked. Refused while a VM uses one of its volumes. */
    static void delete(Connect conn, String poolName, boolean deleteContents) throws LibvirtException {
        String what = Texts.get("op.storage.deletePool", poolName);
        onPool(conn, poolName, pool -> {
            if (pool.isActive() == 1) {
                pool.refresh(0);
                Map<String, List<String>> users = VmDevices.volumeUsers(conn);
                for (String name : pool.listVolumes()) {
                    StorageVol vol = pool.storageVolLookupByName(name);
                    try {
                        List<String> vms = users.getOrDefault(vol.getPath(), List.of());
                        if (!vms.isEmpty()) {
                            throw new OperationException(what, Texts.get("storage.poolInUse", name, String.join(", ", vms)));
                        }
                    } finally {
                        vol.free();
                    }
                }
                if (deleteContents) {
                    for (String name : pool.listVolumes()) {
                        StorageVol vol = pool.storageVolLookupByName(name);
                        try {
                            vol.delete(0);
                        } finally {
                            vol.free();
                        }
                    }
                }
                pool.destroy();
            }
            if (deleteContents) {
                pool.delete(0);   // the pool's directory (or format), now empty
            }
            if (pool.isPersistent() == 1) {
                pool.undefine();
            }
        });
    }

    static void createVolume(Connect conn, String poolName, String name, String format, long capacityBytes, boolean preallocate,
                             String backingPath) throws LibvirtException {
        onPool(conn, poolName, pool -> {
            Document doc = XmlElements.parse("<volume/>");
            Element root = doc.getDocumentElement();
            XmlElements.append(doc, root, "name", name);
            Element capacity = XmlElements.append(doc, root, "capacity", Long.toString(capacityBytes));
            capacity.setAttribute("unit", "bytes");
            if (preallocate && "raw".equals(format)) {
                XmlElements.append(doc, root, "allocation", Long.toString(capacityBytes)).setAttribute("unit", "bytes");
            } else {
                XmlElements.append(doc, root, "allocation", "0");
            }
            Element target = XmlElements.append(doc, root, "target", null);
            XmlElements.append(doc, target, "format", null).setAttribute("type", format);
            if (!backingPath.isEmpty()) {
                Element backing = XmlElements.append(doc, root, "backingStore", null);
                XmlElements.append(doc, backing, "path", backingPath);
                XmlElements.append(doc, backing, "format", null).setAttribute("type", backingFormat(conn, backingPath));
            }
            int flags = preallocate && "qcow2".equals(format) ? CREATE_PREALLOC_METADATA : 0;
            pool.storageVolCreateXML(DomainXmlBuilder.serialize(doc), flags).free();
        });
    }

    private static String backingFormat(Connect conn, String path) throws LibvirtException {
        StorageVol vol = conn.storageVolLookupByPath(path);
        try {
            Element target = XmlElements.child(XmlElements.parse(vol.getXMLDesc(0)).getDocumentElement(), "target");
            Element format = target == null ? null : XmlElements.child(target, "format");
            return format == null || format.getAttribute("type").isEmpty() ? "raw" : format.getAttribute("type");
        } finally {
            vol.free();
        }
    }

    /**
     * A copy of a volume in the same pool, in its format, made by libvirt from the source (a failed copy is
     * removed by libvirt). Runs as long as the copy takes: called from a transfer thread, not the node's worker.
     */
    static void cloneVolume(Connect conn, String poolName, String sourceName, String newName) throws LibvirtException {
        onPool(conn, poolName, pool -> {
            StorageVol source = pool.storageVolLookupByName(sourceName);
            try {
                Document copy = VolumeXml.copyOf(source.getXMLDesc(0), newName);
                XmlElements.append(copy, copy.getDocumentElement(), "allocation", "0");   // sparse where the pool allows
                pool.storageVolCreateXMLFrom(DomainXmlBuilder.serialize(copy), source, 0).free();
            } finally {
                source.free();
            }
        });
    }

    static void deleteVolume(Connect conn, String poolName, String name) throws LibvirtException {
        onPool(conn, poolName, pool -> {
            StorageVol vol = pool.storageVolLookupByName(name);
            try {
                List<String> vms = VmDevices.volumeUsers(conn).getOrDefault(vol.getPath(), List.of());
                if (!vms.isEmpty()) {
                    throw new OperationException(Texts.get("op.storage.deleteVolume", name),
                            Texts.get("storage.volumeInUse", name, String.join(", ", vms)));
                }
                vol.delete(0);
            } finally {
                vol.free();
            }
        });
    }

    /**
     * Grows or shrinks a volume. A disk of a running VM is grown through the VM (virDomainBlockResize), so
     * that QEMU and the guest see the new size at once; shrinking one in use is libvirt's to refuse.
     */
    static void resizeVolume(Connect conn, String poolName, String name, long capacityBytes, boolean shrink) throws LibvirtException {
        onPool(conn, poolName, pool -> {
            StorageVol vol = pool.storageVolLookupByName(name);
            try {
                String path = vol.getPath();
                if (!shrink && resizeThroughRunningVm(conn, path, capacityBytes)) {
                    return;
                }
                vol.resize(capacityBytes, shrink ? RESIZE_SHRINK : 0);
            } finally {
                vol.free();
            }
        });
    }

    private static boolean resizeThroughRunningVm(Connect conn, String path, long capacityBytes) throws LibvirtException {
        for (int id : conn.listDomains()) {
            Domain domain;
            try {
                domain = conn.domainLookupByID(id);
            } catch (LibvirtException gone) {
                continue;
            }
            try {
                for (VmDisk disk : DomainXml.parse(domain.getXMLDesc(0)).disks()) {
                    if (path.equals(disk.path())) {
                        domain.blockResize(disk.target(), capacityBytes, BLOCK_RESIZE_BYTES);
                        return true;
                    }
                }
            } finally {
                domain.free();
            }
        }
        return false;
    }


    private static long bytes(Element element) {
        return VolumeXml.bytes(element, "bytes");
    }
}
