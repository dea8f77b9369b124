package org.vireo.model;

/**
 * One disk-like device of a domain, as its XML describes it.
 *
 * @param device "disk", "cdrom" or "floppy"
 * @param path   the source file or block device on the node; empty for a volume reference or an empty drive
 * @param pool   with {@code volume}: a {@code type='volume'} source
 */
public record VmDisk(String target, String device, String bus, String format, String path, String pool,
                     String volume, boolean readOnly, boolean shareable) {

    /** A disk whose storage belongs to this VM alone, so deleting the VM may delete it. */
    public boolean ownedByVm() {
        return device.equals("disk") && !readOnly && !shareable && (!path.isEmpty() || !volume.isEmpty());
    }
}
