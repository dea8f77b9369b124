package org.vireo.service.create;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.vireo.model.NodeFacts;

/**
 * A VM as typed, before any check: the wizard's fields and the command line's flags fill the
 * same draft, and {@link SpecValidator} turns it into a {@link VmSpec} or says what is wrong.
 *
 * @param installKind none, iso, import, kernel or pxe
 * @param diskKind    new, existing or none
 * @param networkKind network, bridge, user or none
 * @param cloudSudo   whether the cloud-init user may run anything as root without a password
 * @param firmware    auto (what the OS preset needs), bios, uefi or uefi-secure
 * @param tpm         auto (with UEFI where the node can emulate one), yes or no
 * @param machine     the machine type (q35, pc, pc-q35-7.2 …); empty for q35
 * @param driversIso  the virtio driver ISO (virtio-win) for a Windows guest, or empty: a second CD-ROM, and virtio
 *                    disk and NIC instead of the SATA and e1000e Windows can drive on its own
 */
public record SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                        String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                        String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                        boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                        String cloudHostName, boolean start, boolean cloudSudo, String firmware, String tpm, String driversIso,
                        String machine, String arch) {

    /** The same draft under another name (placement ranks a VM not yet named). */
    public SpecDraft withName(String newName) {
        return new SpecDraft(newName, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize,
                diskFormat, existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName,
                start, cloudSudo, firmware, tpm, driversIso, machine, arch);
    }

    /** A draft for the node's x86_64 guests ({@code arch} empty). */
    public SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                     String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                     String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                     boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                     String cloudHostName, boolean start, boolean cloudSudo, String firmware, String tpm, String driversIso,
                     String machine) {
        this(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize, diskFormat,
                existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName, start,
                cloudSudo, firmware, tpm, driversIso, machine, "");
    }

    /** A draft on the node's default machine type (q35). */
    public SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                     String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                     String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                     boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                     String cloudHostName, boolean start, boolean cloudSudo, String firmware, String tpm, String driversIso) {
        this(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize, diskFormat,
                existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName, start,
                cloudSudo, firmware, tpm, driversIso, "");
    }

    /** A draft without a driver ISO. */
    public SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                     String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                     String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                     boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                     String cloudHostName, boolean start, boolean cloudSudo, String firmware, String tpm) {
        this(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize, diskFormat,
                existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName, start,
                cloudSudo, firmware, tpm, "");
    }

    /** A draft with the firmware and TPM the OS preset and the node suggest ("auto"). */
    public SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                     String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                     String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                     boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                     String cloudHostName, boolean start, boolean cloudSudo) {
        this(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize, diskFormat,
                existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName, start,
                cloudSudo, "auto", "auto");
    }

    /** A draft whose cloud-init user, if any, gets no passwordless sudo (the default: it must be asked for). */
    public SpecDraft(String name, OsVariant os, String installKind, String installPath, String kernel, String initrd,
                     String cmdline, String vcpus, String memory, String diskKind, String diskPool, String diskSize,
                     String diskFormat, String existingVolume, String networkKind, String networkName, String mac,
                     boolean cloudInit, String cloudUser, String cloudPassword, String cloudSshKey,
                     String cloudHostName, boolean start) {
        this(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory, diskKind, diskPool, diskSize, diskFormat,
                existingVolume, networkKind, networkName, mac, cloudInit, cloudUser, cloudPassword, cloudSshKey, cloudHostName, start,
                false);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A random locally administered unicast MAC in QEMU's 52:54:00 prefix: chosen once for a draft, so
     * the preview, the checks and the VM made all show the same address (the validator stays pure).
     */
    public static String randomMac() {
        byte[] tail = new byte[3];
        RANDOM.nextBytes(tail);
        return "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail);
    }

    /** The defaults for a fresh VM of this OS family on this node. */
    public static SpecDraft defaults(OsVariant os, NodeFacts facts) {
        String pool = facts.pools().stream().filter(NodeFacts.Pool::active).map(NodeFacts.Pool::name).findFirst().orElse("");
        String network = facts.networks().isEmpty() ? "" : facts.networks().get(0);
        return new SpecDraft("", os, "none", "", "", "", "", Integer.toString(os.suggestedVcpus()),
                os.suggestedMemoryMiB() + " MiB", pool.isEmpty() ? "none" : "new", pool, os.suggestedDiskGiB() + " GiB",
                "qcow2", "", network.isEmpty() ? "none" : "network", network, "", false, "", "", "", "", true);
    }
}
