package org.vireo.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.model.VmDisk;

/** The storage volume behind a domain's disk, by {@code pool/volume} or by path, when a pool holds it. */
final class DiskVolumes {

    private DiskVolumes() {
    }

    /** The disk's volume (the caller frees it), or null for a plain file, a network source or an empty drive. */
    static StorageVol of(Connect conn, VmDisk disk) {
        try {
            if (!disk.volume().isEmpty()) {
                StoragePool pool = conn.storagePoolLookupByName(disk.pool());
                try {
                    return pool.storageVolLookupByName(disk.volume());
                } finally {
                    pool.free();
                }
            }
            return disk.path().isEmpty() || !disk.protocol().isEmpty() ? null : conn.storageVolLookupByPath(disk.path());
        } catch (LibvirtException notAVolume) {
            return null;
        }
    }

    static void free(StorageVol vol) {
        if (vol != null) {
            try {
                vol.free();
            } catch (LibvirtException ignored) {
                // the handle is gone either way
            }
        }
    }
}
