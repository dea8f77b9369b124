package org.vireo.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the create-VM checks need to know about a node, read in one go.
 *
 * @param maxVcpus        the most vCPUs the hypervisor gives one guest
 * @param committedMemory memory of the VMs running now, for the overcommit warning
 * @param domainTypes     the guest domain types the node offers (kvm, qemu, test…), best first
 * @param machines        the x86_64 machine types its emulator offers (q35 and pc first, then versioned ones, newest first)
 * @param machinesByArch  every guest architecture the node offers (x86_64 first) with its machine types, in that order
 */
public record NodeFacts(int hostCpus, long hostMemoryBytes, int maxVcpus, long committedMemory, Set<String> vmNames,
                        List<Pool> pools, List<String> networks, List<String> domainTypes, Firmware firmware,
                        List<String> machines, Map<String, List<String>> machinesByArch) {

    /** Facts of an x86_64-only node (or one whose other architectures were not read). */
    public NodeFacts(int hostCpus, long hostMemoryBytes, int maxVcpus, long committedMemory, Set<String> vmNames,
                     List<Pool> pools, List<String> networks, List<String> domainTypes, Firmware firmware, List<String> machines) {
        this(hostCpus, hostMemoryBytes, maxVcpus, committedMemory, vmNames, pools, networks, domainTypes, firmware, machines,
                machines.isEmpty() ? Map.of() : Map.of("x86_64", machines));
    }

    /** The guest architectures the node offers, x86_64 first; empty where it does not say (the test driver). */
    public List<String> arches() {
        return List.copyOf(machinesByArch.keySet());
    }

    /** Facts of a node whose domain capabilities were not read (the test driver has none). */
    public NodeFacts(int hostCpus, long hostMemoryBytes, int maxVcpus, long committedMemory, Set<String> vmNames,
                     List<Pool> pools, List<String> networks, List<String> domainTypes) {
        this(hostCpus, hostMemoryBytes, maxVcpus, committedMemory, vmNames, pools, networks, domainTypes, Firmware.UNKNOWN, List.of());
    }

    /** Facts without a list of machine types (nothing is checked against one). */
    public NodeFacts(int hostCpus, long hostMemoryBytes, int maxVcpus, long committedMemory, Set<String> vmNames,
                     List<Pool> pools, List<String> networks, List<String> domainTypes, Firmware firmware) {
        this(hostCpus, hostMemoryBytes, maxVcpus, committedMemory, vmNames, pools, networks, domainTypes, firmware, List.of());
    }

    /**
     * What libvirt's domain capabilities say the node can give a new x86_64 q35 guest of its best domain type.
     *
     * @param known       false where the node reports no domain capabilities: then nothing is checked against them
     * @param uefi        UEFI firmware is installed (libvirt can select it: {@code <os firmware='efi'>})
     * @param secureBoot  a UEFI loader with Secure Boot is installed
     * @param tpmEmulator a TPM 2.0 can be emulated (swtpm is installed on the node)
     */
    public record Firmware(boolean known, boolean uefi, boolean secureBoot, boolean tpmEmulator) {
        public static final Firmware UNKNOWN = new Firmware(false, false, false, false);
    }

    public record Pool(String name, boolean active, long capacityBytes, long availableBytes, String path,
                       List<Volume> volumes) {
    }

    /**
     * @param format       libvirt's name for its content (raw, qcow2, iso …), empty where it does not say
     * @param usedAsDiskBy the VMs that have it as a disk (not as CD-ROM media), running or saved
     */
    public record Volume(String name, String path, long capacityBytes, String format, List<String> usedAsDiskBy) {

        public Volume(String name, String path, long capacityBytes) {
            this(name, path, capacityBytes, "", List.of());
        }

        /** An installer image: libvirt calls it iso, or its name says so. */
        public boolean isIso() {
            return format.equals("iso") || name.toLowerCase(Locale.ROOT).endsWith(".iso");
        }
    }

    public Pool pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
