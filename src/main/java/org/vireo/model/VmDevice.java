package org.vireo.model;

/**
 * One device of a domain for the Hardware tab: what kind it is, a line that says what it is in plain
 * words, and its XML as libvirt holds it.
 *
 * @param key     what identifies it among the domain's devices: a disk's target, a NIC's MAC, else its
 *                element name and position
 * @param title   a short name for the list ("vda", "CD-ROM sda", "NIC 52:54:00:12:34:56")
 * @param summary the rest of its line ("virtio · 20 GiB qcow2 in pool default")
 * @param disk    for disks and drives, what the forms edit; else null
 * @param nic     for network interfaces, what the forms edit; else null
 * @param pending for a running VM: how the saved definition differs, applying at the next start
 */
public record VmDevice(Kind kind, String key, String title, String summary, String xml, VmDisk disk, VmNic nic,
                       Pending pending) {

    /** The groups of the Hardware tab, in its order. */
    public enum Kind {
        DISK, DRIVE, NIC, GRAPHICS, VIDEO, SOUND, INPUT, CONSOLE, CONTROLLER, HOST_DEVICE, TPM, RNG, WATCHDOG,
        FILESYSTEM, BALLOON, OTHER
    }

    /** How the saved definition differs from the running VM for this device. */
    public enum Pending {
        NONE, ADDED, CHANGED, REMOVED
    }

    /** What identifies the device among all of the domain's: its kind and its key. */
    public String id() {
        return id(kind, key);
    }

    public static String id(Kind kind, String key) {
        return kind + "/" + key;
    }

    public VmDevice withPending(Pending now) {
        return new VmDevice(kind, key, title, summary, xml, disk, nic, now);
    }
}
