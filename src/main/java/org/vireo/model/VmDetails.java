package org.vireo.model;

import java.util.List;

/**
 * What the details view shows of one VM, read in one go on its node's worker.
 *
 * @param stateReason   libvirt's reason for the current state ("booted", "destroyed", "crashed"…)
 * @param maxVcpus      the configured maximum (hot-plug ceiling)
 * @param disks         with their volumes' capacity where libvirt manages them
 * @param xml           the live domain XML, as libvirt returns it
 * @param platform      firmware, machine, OS, CPU mode and display, for the overview
 * @param devices       every device, for the Hardware tab, marked where the saved definition differs
 * @param autostart     whether libvirt starts it with the host (persistent domains only)
 */
public record VmDetails(VmSummary vm, String title, String description, String osType, String stateReason,
                        int maxVcpus, long maxMemoryBytes, List<DiskDetail> disks, List<VmNic> nics,
                        List<String> addresses, String xml, Platform platform, List<VmDevice> devices,
                        boolean autostart) {

    /**
     * @param firmware "bios", "uefi" or "uefi-secure"
     * @param loader   the firmware file, when the XML names one
     * @param os       libosinfo's id of the installed OS ("http://debian.org/debian/12"), when the domain has it
     * @param cpuMode  "host-passthrough", "host-model", "custom (Skylake-Client)"; empty for the hypervisor's default
     * @param display  the graphics types ("VNC", "SPICE, VNC"); empty when there is none
     */
    public record Platform(String firmware, String loader, String nvram, String machine, String os, String cpuMode,
                           String display) {
    }

    /** A disk with its storage: "pool/volume" and capacity when it is a managed volume. */
    public record DiskDetail(VmDisk disk, String volume, long capacityBytes) {
    }
}
