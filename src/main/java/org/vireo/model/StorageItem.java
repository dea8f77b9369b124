package org.vireo.model;

/**
 * A disk of a VM as "delete with storage" would treat it.
 *
 * @param target    the guest device (vda, sdb)
 * @param path      the source path on the node
 * @param volume    "pool/volume" when libvirt manages it as a storage volume, else empty
 * @param deletable true when it is a managed volume that deleting the VM can remove
 */
public record StorageItem(String target, String path, String volume, long capacityBytes, boolean deletable) {
}
