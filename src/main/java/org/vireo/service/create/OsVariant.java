package org.vireo.service.create;

import java.util.Optional;

/**
 * OS families with the defaults a user should not have to know: firmware, buses, sizes. Named by family, not release: the
 * catalogue's entries (osinfo-db) name the release and take their devices from their family.
 */
public enum OsVariant {
    LINUX_GENERIC("Linux (generic)", "linux", false, "virtio", "virtio", 2048, 2, 20),
    DEBIAN_12("Debian", "debian12", false, "virtio", "virtio", 2048, 2, 20),
    UBUNTU_24_04("Ubuntu", "ubuntu24.04", false, "virtio", "virtio", 4096, 2, 25),
    FEDORA_41("Fedora", "fedora41", true, "virtio", "virtio", 4096, 2, 25),
    RHEL_9("RHEL 9 / Alma / Rocky", "rhel9", true, "virtio", "virtio", 4096, 2, 30),
    ALPINE("Alpine Linux", "alpinelinux", false, "virtio", "virtio", 512, 1, 4),
    WINDOWS_10("Windows 10", "win10", true, "sata", "e1000e", 4096, 2, 64),
    WINDOWS_11("Windows 11", "win11", true, "sata", "e1000e", 4096, 2, 64),
    WINDOWS_SERVER_2022("Windows Server 2022", "win2k22", true, "sata", "e1000e", 4096, 2, 64),
    FREEBSD_14("FreeBSD", "freebsd14", false, "virtio", "virtio", 2048, 2, 20),
    OTHER("Other / unknown", "other", false, "sata", "e1000", 1024, 1, 10);

    private final String label;
    private final String shortId;
    private final boolean uefi;
    private final String diskBus;
    private final String nicModel;
    private final int memoryMiB;
    private final int vcpus;
    private final int diskGiB;

    OsVariant(String label, String shortId, boolean uefi, String diskBus, String nicModel, int memoryMiB, int vcpus, int diskGiB) {
        this.label = label;
        this.shortId = shortId;
        this.uefi = uefi;
        this.diskBus = diskBus;
        this.nicModel = nicModel;
        this.memoryMiB = memoryMiB;
        this.vcpus = vcpus;
        this.diskGiB = diskGiB;
    }

    public String label() {
        return label;
    }

    /** libosinfo's short id for the family (debian12, win11 …), as virt-install and the command line take it. */
    public String shortId() {
        return shortId;
    }

    /** The family a short id or an enum name (any case) names, if any. */
    public static Optional<OsVariant> fromId(String id) {
        String wanted = id == null ? "" : id.strip();
        for (OsVariant os : values()) {
            if (os.shortId.equalsIgnoreCase(wanted) || os.name().equalsIgnoreCase(wanted)) {
                return Optional.of(os);
            }
        }
        return Optional.empty();
    }

    public boolean uefi() {
        return uefi;
    }

    /** A Windows family: its clock, enlightenments, video and driver ISO differ. */
    public boolean windows() {
        return name().startsWith("WINDOWS");
    }

    /** Windows 11 and Server 2022: Setup checks for UEFI with Secure Boot and a TPM 2.0. */
    public boolean needsSecureBootAndTpm() {
        return this == WINDOWS_11 || this == WINDOWS_SERVER_2022;
    }

    public String diskBus() {
        return diskBus;
    }

    public String nicModel() {
        return nicModel;
    }

    public int suggestedMemoryMiB() {
        return memoryMiB;
    }

    public int suggestedVcpus() {
        return vcpus;
    }

    public int suggestedDiskGiB() {
        return diskGiB;
    }
}
