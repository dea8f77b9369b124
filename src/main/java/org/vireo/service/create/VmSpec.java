package org.vireo.service.create;

import java.util.Optional;

/**
 * A VM to create, validated: every field holds a value libvirt will take. Built by
 * {@link SpecValidator} from what the user typed (in the wizard or on the command line).
 */
public record VmSpec(String name, OsVariant os, InstallSource install, int vcpus, long memoryBytes, DiskChoice disk,
                     NetworkChoice network, String mac, Optional<CloudInit> cloudInit, boolean startAfterCreation,
                     Firmware firmware, boolean tpm, String driversIso, String machine, String arch) {

    /** An x86_64 VM. */
    public VmSpec(String name, OsVariant os, InstallSource install, int vcpus, long memoryBytes, DiskChoice disk,
                  NetworkChoice network, String mac, Optional<CloudInit> cloudInit, boolean startAfterCreation,
                  Firmware firmware, boolean tpm, String driversIso, String machine) {
        this(name, os, install, vcpus, memoryBytes, disk, network, mac, cloudInit, startAfterCreation, firmware, tpm, driversIso, machine,
                "x86_64");
    }

    /** A VM on q35. */
    public VmSpec(String name, OsVariant os, InstallSource install, int vcpus, long memoryBytes, DiskChoice disk,
                  NetworkChoice network, String mac, Optional<CloudInit> cloudInit, boolean startAfterCreation,
                  Firmware firmware, boolean tpm, String driversIso) {
        this(name, os, install, vcpus, memoryBytes, disk, network, mac, cloudInit, startAfterCreation, firmware, tpm, driversIso, "q35");
    }

    /** Whether the machine is PCI Express (q35): it gets root ports to hot-plug into; i440fx (pc) has plain PCI slots. */
    public boolean pcie() {
        return machine.equals("q35") || machine.startsWith("pc-q35");
    }

    /** A VM without a driver ISO. */
    public VmSpec(String name, OsVariant os, InstallSource install, int vcpus, long memoryBytes, DiskChoice disk,
                  NetworkChoice network, String mac, Optional<CloudInit> cloudInit, boolean startAfterCreation,
                  Firmware firmware, boolean tpm) {
        this(name, os, install, vcpus, memoryBytes, disk, network, mac, cloudInit, startAfterCreation, firmware, tpm, "");
    }

    /** The disk bus: virtio once the guest has its drivers (a driver ISO given), else what the OS drives on its own. */
    public String diskBus() {
        return driversIso.isEmpty() ? os.diskBus() : "virtio";
    }

    /** The NIC model, by the same rule as {@link #diskBus()}. */
    public String nicModel() {
        return driversIso.isEmpty() ? os.nicModel() : "virtio";
    }

    /** A VM with BIOS and no TPM. */
    public VmSpec(String name, OsVariant os, InstallSource install, int vcpus, long memoryBytes, DiskChoice disk,
                  NetworkChoice network, String mac, Optional<CloudInit> cloudInit, boolean startAfterCreation) {
        this(name, os, install, vcpus, memoryBytes, disk, network, mac, cloudInit, startAfterCreation, Firmware.BIOS, false);
    }

    /** What the guest boots with; libvirt selects the UEFI loader and NVRAM template from the node's firmware descriptors. */
    public enum Firmware { BIOS, UEFI, UEFI_SECURE }

    /** How the guest gets its operating system. */
    public sealed interface InstallSource {
        record None() implements InstallSource {
        }

        /** An installer image: a volume in one of the node's pools, or a path on the node. */
        record Iso(String path) implements InstallSource {
        }

        /** Boot an existing disk image as the VM's disk. */
        record ImportDisk(String path) implements InstallSource {
        }

        record KernelBoot(String kernel, String initrd, String cmdline) implements InstallSource {
        }

        record NetworkBoot() implements InstallSource {
        }
    }

    public sealed interface DiskChoice {
        record NewDisk(String pool, long sizeBytes, String format) implements DiskChoice {
        }

        record ExistingVolume(String path) implements DiskChoice {
        }

        record NoDisk() implements DiskChoice {
        }
    }

    public sealed interface NetworkChoice {
        record VirtualNetwork(String name) implements NetworkChoice {
        }

        record Bridge(String name) implements NetworkChoice {
        }

        record UserMode() implements NetworkChoice {
        }

        record NoNetwork() implements NetworkChoice {
        }
    }

    /**
     * First-boot settings for cloud-init's NoCloud source.
     *
     * @param passwordHash a SHA-512 crypt hash; the plain password is never kept
     */
    public record CloudInit(String user, String passwordHash, String sshKey, String hostName, boolean passwordlessSudo) {

        /** A user without passwordless sudo. */
        public CloudInit(String user, String passwordHash, String sshKey, String hostName) {
            this(user, passwordHash, sshKey, hostName, false);
        }

    }
}
