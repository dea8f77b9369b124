package org.vireo.model;

import java.util.List;

/**
 * What the details view shows of one VM, read in one go on its node's worker.
 *
 * @param stateReason   libvirt's reason for the current state ("booted", "destroyed", "crashed"…)
 * @param maxVcpus      the configured maximum (hot-plug ceiling)
 * @param disks         with their volumes' capacity where libvirt manages them
 * @param xml           the live domain XML, as libvirt returns it
 */
public record VmDetails(VmSummary vm, String title, String description, String osType, String stateReason,
                        int maxVcpus, long maxMemoryBytes, List<DiskDetail> disks, List<VmNic> nics,
                        List<String> addresses, String xml) {

    /** A disk with its storage: "pool/volume" and capacity when it is a managed volume. */
    public record DiskDetail(VmDisk disk, String volume, long capacityBytes) {
    }
}
