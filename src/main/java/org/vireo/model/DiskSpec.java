package org.vireo.model;

/**
 * A disk or drive to add to a VM, or the settings to change on one.
 *
 * @param device    "disk", "cdrom" or "floppy"
 * @param source    where its data is; for a drive, {@link Source.None} leaves it empty
 * @param target    the guest device name ("vdb", "sdc"), free for its bus
 * @param cache     "", "none", "writeback", "writethrough", "directsync", "unsafe"
 */
public record DiskSpec(String device, Source source, String bus, String target, String cache, boolean readOnly,
                       boolean shareable) {

    /** Where a disk's data comes from. */
    public sealed interface Source {
    }

    /** A new volume made in a pool of the node for this disk (and deleted again if the disk cannot be added). */
    public record NewVolume(String pool, String name, long capacityBytes, String format) implements Source {
    }

    /** A volume that is already in a pool of the node. */
    public record ExistingVolume(String pool, String volume, String path, String format) implements Source {
    }

    /** A file or block device on the node, by path. */
    public record NodePath(String path) implements Source {
    }

    /** An empty drive. */
    public record None() implements Source {
    }
}
