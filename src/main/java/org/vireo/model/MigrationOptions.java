package org.vireo.model;

import java.util.Objects;

/**
 * How a VM moves to another node.
 *
 * @param live            move it while it runs (libvirt's peer-to-peer migration); false: move a shut-off VM's definition
 * @param copyStorage     live: copy the disks that are on the source node's own storage (not shared); offline: also move
 *                        its disks (copied over libvirt's streams, deleted on the source once the destination is checked)
 * @param targetPool      the destination pool for copied disks; empty for the pool of the same name
 * @param persistent      defined on the destination and removed from the source; false (live only): it runs on the
 *                        destination until it stops, and the source keeps its definition
 * @param deleteSourceDisks live with a storage copy: delete the source's copies once the VM runs on the destination
 * @param bandwidthMiBps  a limit for the migration data, 0 for none
 * @param tunnelled       the data goes through the libvirtd connection between the nodes instead of a connection of
 *                        its own from the source's QEMU to the destination's
 * @param peerUri         the destination's libvirtd as the source node reaches it ({@code qemu+ssh://node-b/system})
 */
public record MigrationOptions(boolean live, boolean copyStorage, String targetPool, boolean persistent,
                               boolean deleteSourceDisks, long bandwidthMiBps, boolean tunnelled, String peerUri) {

    public MigrationOptions {
        Objects.requireNonNull(targetPool, "targetPool");
        Objects.requireNonNull(peerUri, "peerUri");
    }

    /** The address QEMU's migration stream connects to: the peer URI's host. */
    public String peerHost() {
        return LibvirtUri.tryParse(peerUri).map(LibvirtUri::host).orElse("");
    }
}
