package org.vireo.libvirt;

import static org.vireo.libvirt.XmlElements.child;
import static org.vireo.libvirt.XmlElements.children;
import static org.vireo.libvirt.XmlElements.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.service.CloneService.DiskChoice;
import org.vireo.service.CloneService.DiskMode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Clones a shut-off domain: its inactive XML with a new name, no UUID and no MACs (libvirt makes
 * fresh ones), and each cloned disk pointed at a new volume made by libvirt's storage clone in
 * the same pool or a chosen one. Whatever fails, the volumes made so far are deleted again.
 */
final class VmCloner {

    private static final Logger LOG = LoggerFactory.getLogger(VmCloner.class);

    private VmCloner() {
    }

    static String cloneVm(Connect conn, VmSummary vm, String newName, Map<String, DiskChoice> choices, Consumer<String> progress)
            throws LibvirtException {
        Domain original = VmOperations.lookup(conn, vm);
        Deque<StorageVol> made = new ArrayDeque<>();
        try {
            if (original.isActive() == 1) {
                throw new OperationException(Texts.get("op.clone", vm.name()), Texts.get("clone.running", vm.name()));
            }
            Document doc = parse(original.getXMLDesc(DomainXmlFlags.SECURE | DomainXmlFlags.INACTIVE));
            Element root = doc.getDocumentElement();
            child(root, "name").setTextContent(newName);
            remove(child(root, "uuid"));
            for (Element nic : children(child(root, "devices"), "interface")) {
                remove(child(nic, "mac"));
            }
            Element os = child(root, "os");
            if (os != null) {
                remove(child(os, "nvram"));   // a fresh copy of the firmware's template, not the original's variables
            }
            for (Element disk : children(child(root, "devices"), "disk")) {
                Element target = child(disk, "target");
                String dev = target == null ? "" : target.getAttribute("dev");
                DiskChoice choice = choices.getOrDefault(dev, DiskChoice.of(DiskMode.CLONE));
                DiskMode mode = choice.mode();
                if (!"disk".equals(disk.getAttribute("device")) && mode == DiskMode.CLONE) {
                    mode = DiskMode.SHARE;   // CD-ROMs hold shared media
                }
                switch (mode) {
                    case SKIP -> remove(disk);
                    case SHARE -> { }
                    case CLONE -> {
                        progress.accept(Texts.get("clone.progress.disk", dev));
                        StorageVol copy = cloneDisk(conn, disk, newName, dev, choice.pool());
                        made.push(copy);
                        Element source = child(disk, "source");
                        for (String attr : List.of("file", "dev", "pool", "volume")) {
                            source.removeAttribute(attr);
                        }
                        if ("volume".equals(disk.getAttribute("type"))) {
                            StoragePool pool = copy.storagePoolLookupByVolume();
                            source.setAttribute("pool", pool.getName());
                            pool.free();
                            source.setAttribute("volume", copy.getName());
                        } else {
                            disk.setAttribute("type", "file");
                            source.setAttribute("file", copy.getPath());
                        }
                    }
                }
            }
            progress.accept("Defining " + newName + " …");
            Domain copy = conn.domainDefineXML(DomainXmlBuilder.serialize(doc));
            try {
                return copy.getUUIDString();
            } finally {
                copy.free();
            }
        } catch (LibvirtException | OperationException | IllegalStateException | IllegalArgumentException e) {
            rollBack(made, progress);
            throw e;
        } finally {
            made.forEach(VmCloner::free);
            original.free();
        }
    }

    private static StorageVol cloneDisk(Connect conn, Element disk, String newName, String dev, String poolName)
            throws LibvirtException {
        Element source = child(disk, "source");
        if (source == null) {
            throw new OperationException(Texts.get("op.cloneDisk", dev), Texts.get("clone.diskEmpty", dev));
        }
        StorageVol from;
        try {
            from = "volume".equals(disk.getAttribute("type"))
                    ? conn.storagePoolLookupByName(source.getAttribute("pool")).storageVolLookupByName(source.getAttribute("volume"))
                    : conn.storageVolLookupByPath(source.hasAttribute("file") ? source.getAttribute("file") : source.getAttribute("dev"));
        } catch (LibvirtException e) {
            throw new OperationException(Texts.get("op.cloneDisk", dev), Texts.get("clone.notAVolume", dev));
        }
        StoragePool pool = poolName.isEmpty() ? from.storagePoolLookupByVolume() : conn.storagePoolLookupByName(poolName);
        try {
            String oldName = from.getName();
            int dot = oldName.lastIndexOf('.');
            String name = newName + "-" + dev + (dot > 0 ? oldName.substring(dot) : "");
            return pool.storageVolCreateXMLFrom(DomainXmlBuilder.serialize(VolumeXml.copyOf(from.getXMLDesc(0), name)), from, 0);
        } finally {
            pool.free();
            from.free();
        }
    }

    private static void rollBack(Deque<StorageVol> made, Consumer<String> progress) {
        for (StorageVol vol : made) {
            try {
                String name = vol.getName();
                vol.delete(0);
                progress.accept(Texts.get("clone.rolledBack", name));
                LOG.info("Clone rolled back: deleted the volume {}", name);
            } catch (LibvirtException e) {
                LOG.warn("Clone roll-back could not delete a volume: {}", e.getMessage());
            }
        }
    }

    private static void free(StorageVol vol) {
        try {
            vol.free();
        } catch (LibvirtException e) {
            LOG.debug("free failed", e);
        }
    }



    private static void remove(Element e) {
        if (e != null) {
            e.getParentNode().removeChild(e);
        }
    }
}
