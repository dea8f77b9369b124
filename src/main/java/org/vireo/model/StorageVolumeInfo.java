package org.vireo.model;

import java.util.List;

/**
 * One volume of a pool.
 *
 * @param format  qcow2, raw, iso… as libvirt reads it from the file ("" when it does not say)
 * @param usedBy  the VMs whose disks (running or saved) use it, sorted
 */
public record StorageVolumeInfo(String pool, String name, String path, String format, long capacityBytes, long allocationBytes,
                                List<String> usedBy) {
    public StorageVolumeInfo {
        usedBy = List.copyOf(usedBy);
    }
}
