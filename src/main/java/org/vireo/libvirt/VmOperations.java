package org.vireo.libvirt;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.vireo.model.OperationException;
import org.vireo.model.StorageItem;
import org.vireo.model.Texts;
import org.vireo.model.VmAction;
import org.vireo.model.VmDisk;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;

/** The libvirt calls behind each VM operation; runs on the VM's node worker. */
final class VmOperations {

    // virDomainUndefineFlagsValues: also drop managed save and snapshot metadata; NVRAM only where
    // the domain has one (drivers without UEFI support, like the test driver, refuse the flag).
    private static final int UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS = 1 | 2;
    private static final int UNDEFINE_NVRAM = 4;
    private static final int METADATA_ELEMENT = 2;
    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;

    private VmOperations() {
    }

    static Domain lookup(Connect conn, VmSummary vm) throws LibvirtException {
        return conn.domainLookupByUUIDString(vm.uuid());
    }

    static void perform(VireoConnect conn, VmSummary vm, VmAction action, boolean deleteStorage) throws LibvirtException {
        Domain domain = lookup(conn, vm);
        try {
            switch (action) {
                case START, RESTORE -> domain.create();   // create() restores a managed save image when there is one
                case SHUTDOWN -> domain.shutdown();
                case REBOOT -> domain.reboot(0);
                case FORCE_OFF -> domain.destroy();
                case RESET -> domain.reset();
                case NMI -> injectNmi(conn, vm);
                case AUTOSTART_ON, AUTOSTART_OFF -> domain.setAutostart(action == VmAction.AUTOSTART_ON);
                case PAUSE -> domain.suspend();
                case RESUME -> {
                    if (vm.state() == VmState.PM_SUSPENDED) {
                        domain.PMwakeup();
                    } else {
                        domain.resume();
                    }
                }
                case SAVE -> domain.managedSave();
                case DELETE -> delete(conn, domain, deleteStorage);
                default -> throw new IllegalArgumentException("unknown action " + action);
            }
        } finally {
            domain.free();
        }
    }

    /**
     * Deletes a domain: forced off when running, undefined with its managed save, snapshot
     * metadata and NVRAM, then (when asked) its own volumes. The volume list is taken before
     * anything changes, so a failure half-way names what is left.
     */
    private static void delete(Connect conn, Domain domain, boolean deleteStorage) throws LibvirtException {
        List<StorageItem> volumes = deleteStorage
                ? storage(conn, domain).stream().filter(StorageItem::deletable).toList() : List.of();
        boolean persistent = domain.isPersistent() == 1;
        boolean nvram = DomainXml.parse(domain.getXMLDesc(0)).hasNvram();
        if (domain.isActive() == 1) {
            domain.destroy();
        }
        if (persistent) {
            domain.undefine(UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS | (nvram ? UNDEFINE_NVRAM : 0));
        }
        for (StorageItem item : volumes) {
            StorageVol vol = conn.storageVolLookupByPath(item.path());
            try {
                vol.delete(0);
            } finally {
                vol.free();
            }
        }
    }

    private static void injectNmi(VireoConnect conn, VmSummary vm) {
        Pointer domain = LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn.nativePointer(), vm.uuid());
        if (domain == null) {
            throw new OperationException(Texts.get("op.nmi", vm.name()), LastError.take());
        }
        try {
            if (LibvirtNative.INSTANCE.virDomainInjectNMI(domain, 0) != 0) {
                throw new OperationException(Texts.get("op.nmi", vm.name()), LastError.take());
            }
        } finally {
            LibvirtNative.INSTANCE.virDomainFree(domain);
        }
    }

    static void rename(VireoConnect conn, VmSummary vm, String newName) {
        Pointer domain = LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn.nativePointer(), vm.uuid());
        if (domain == null) {
            throw new OperationException(Texts.get("op.rename", vm.name()), LastError.take());
        }
        try {
            if (LibvirtNative.INSTANCE.virDomainRename(domain, newName, 0) != 0) {
                throw new OperationException(Texts.get("op.rename", vm.name()), LastError.take());
            }
        } finally {
            LibvirtNative.INSTANCE.virDomainFree(domain);
        }
    }

    static List<StorageItem> storage(Connect conn, Domain domain) throws LibvirtException {
        List<StorageItem> items = new ArrayList<>();
        for (VmDisk disk : DomainXml.parse(domain.getXMLDesc(0)).disks()) {
            if (!disk.device().equals("disk")) {
                continue;   // CD-ROMs and floppies hold shared media (ISOs): never offered for deletion
            }
            StorageVol vol = DiskVolumes.of(conn, disk);
            if (vol == null) {   // a plain file outside any pool: shown, but left in place
                items.add(new StorageItem(disk.target(), disk.path(), "", 0, false));
                continue;
            }
            try {
                String pool = vol.storagePoolLookupByVolume().getName();
                items.add(new StorageItem(disk.target(), vol.getPath(), pool + "/" + vol.getName(),
                        VolumeXml.capacity(vol), disk.ownedByVm()));
            } finally {
                vol.free();
            }
        }
        return items;
    }

    static void setTags(Connect conn, VmSummary vm, List<String> tags) throws LibvirtException {
        Domain domain = lookup(conn, vm);
        try {
            int flags = (domain.isPersistent() == 1 ? AFFECT_CONFIG : 0) | (domain.isActive() == 1 ? AFFECT_LIVE : 0);
            List<String> clean = VireoTags.normalise(tags);
            domain.setMetadata(METADATA_ELEMENT, clean.isEmpty() ? null : VireoTags.toXml(clean),
                    VireoTags.PREFIX, VireoTags.NAMESPACE, flags);
        } finally {
            domain.free();
        }
    }
}
