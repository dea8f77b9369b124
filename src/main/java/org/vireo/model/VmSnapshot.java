package org.vireo.model;

import java.time.Instant;

/**
 * One snapshot of a VM as libvirt describes it.
 *
 * @param parent   the parent snapshot's name, empty for a root
 * @param state    the VM state it captured, in libvirt's words ("running", "shutoff" …)
 * @param external whether its disks (or memory) live in separate files rather than inside the images
 * @param memory   whether it holds the guest's memory, so a revert resumes the running guest
 */
public record VmSnapshot(String name, String parent, String description, Instant created, String state,
                         boolean current, boolean external, boolean memory) {
}
