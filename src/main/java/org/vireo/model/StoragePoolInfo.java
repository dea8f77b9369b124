package org.vireo.model;

/**
 * One storage pool of a node, as the Storage tab lists it.
 *
 * @param type           libvirt's pool type: dir, fs, netfs, logical, iscsi…
 * @param persistent     false for a pool created transient (it goes when stopped)
 * @param path           its target path, where it has one
 */
public record StoragePoolInfo(String name, String uuid, String type, boolean active, boolean autostart, boolean persistent,
                              long capacityBytes, long allocationBytes, long availableBytes, String path) {

    /** Used share of the capacity, 0 to 1; 0 for an inactive pool (libvirt reports no figures then). */
    public double usedFraction() {
        return capacityBytes <= 0 ? 0 : Math.min(1, (double) allocationBytes / capacityBytes);
    }
}
