package org.vireo.service.create;

/** OS families with the defaults a user should not have to know: firmware, buses, sizes. */
public enum OsVariant {
    LINUX_GENERIC("Linux (generic)", false, "virtio", "virtio", 2048, 2, 20),
    DEBIAN_12("Debian 12", false, "virtio", "virtio", 2048, 2, 20),
    UBUNTU_24_04("Ubuntu 24.04", false, "virtio", "virtio", 4096, 2, 25),
    FEDORA_41("Fedora 41", true, "virtio", "virtio", 4096, 2, 25),
    RHEL_9("RHEL 9 / Alma / Rocky", true, "virtio", "virtio", 4096, 2, 30),
    ALPINE("Alpine Linux", false, "virtio", "virtio", 512, 1, 4),
    WINDOWS_11("Windows 11", true, "sata", "e1000e", 4096, 2, 64),
    WINDOWS_SERVER_2022("Windows Server 2022", true, "sata", "e1000e", 4096, 2, 64),
    FREEBSD_14("FreeBSD 14", false, "virtio", "virtio", 2048, 2, 20),
    OTHER("Other / unknown", false, "sata", "e1000", 1024, 1, 10);

    private final String label;
    private final boolean uefi;
    private final String diskBus;
    private final String nicModel;
    private final int memoryMiB;
    private final int vcpus;
    private final int diskGiB;

    OsVariant(String label, boolean uefi, String diskBus, String nicModel, int memoryMiB, int vcpus, int diskGiB) {
        this.label = label;
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

    public boolean uefi() {
        return uefi;
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
