package org.vireo.model;

import java.util.List;

/** What a node's host is: names, versions, CPUs, memory, VMs, storage pools and virtual networks. */
public record HostDetails(String hostName, String hypervisor, String hypervisorVersion, String libvirtVersion,
                          String cpuModel, int cpus, int mhz, long memoryBytes, int runningVms, int totalVms,
                          List<PoolInfo> pools, List<NetworkInfo> networks) {

    public record PoolInfo(String name, boolean active, long capacityBytes, long availableBytes) {
    }

    /** @param addresses the network's own addresses, "192.168.122.1/24" */
    public record NetworkInfo(String name, boolean active, List<String> addresses) {
    }

    /** libvirt packs versions as major * 1,000,000 + minor * 1,000 + release. */
    public static String version(long packed) {
        return packed <= 0 ? "" : (packed / 1_000_000) + "." + (packed / 1_000 % 1_000) + "." + (packed % 1_000);
    }
}
