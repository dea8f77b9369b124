package org.vireo.model;

/**
 * One disk-like device of a domain, as its XML describes it.
 *
 * @param device     "disk", "cdrom", "floppy" or "lun"
 * @param path       the source file, block device or directory on the node; empty for a volume reference,
 *                   a network source or an empty drive
 * @param pool       with {@code volume}: a {@code type='volume'} source
 * @param type       the source kind: "file", "block", "dir", "network", "volume", "nvme", "vhostuser"…
 * @param protocol   for a network source: "rbd", "iscsi", "nbd", "gluster", "http"…
 * @param sourceName for a network source: its name ("pool/image", an iSCSI IQN/LUN, an URL path)
 * @param host       for a network source: its first host, "name:port"
 * @param cache      the driver's cache mode ("none", "writeback"…); empty for the hypervisor's default
 */
public record VmDisk(String target, String device, String bus, String format, String path, String pool,
                     String volume, boolean readOnly, boolean shareable, String type, String protocol,
                     String sourceName, String host, String cache) {

    /** A disk whose storage belongs to this VM alone, so deleting the VM may delete it. */
    public boolean ownedByVm() {
        return device.equals("disk") && !readOnly && !shareable && storedOnNode();
    }

    /** Whether its data is on the node (a path or a pool's volume), so that a volume may be deleted with it. */
    public boolean storedOnNode() {
        return protocol.isEmpty() && (!path.isEmpty() || !volume.isEmpty());
    }

    public boolean isDrive() {
        return device.equals("cdrom") || device.equals("floppy");
    }

    /** Whether there is anything in it: an empty CD-ROM drive has no source. */
    public boolean hasMedia() {
        return !path.isEmpty() || !volume.isEmpty() || !sourceName.isEmpty();
    }

    /** Where its data is, in a user's words: the path, "pool/volume", or "rbd pool/image on host". */
    public String where() {
        if (!volume.isEmpty()) {
            return pool + "/" + volume;
        }
        if (!protocol.isEmpty()) {
            return protocol + " " + sourceName + (host.isEmpty() ? "" : " on " + host);
        }
        return path;
    }
}
