package org.vireo.service.create;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.model.Texts;

/**
 * Checks a {@link SpecDraft} against a node and says, per field, what is wrong (errors) or
 * risky (warnings). The wizard shows them at their fields; the command line prints one line
 * each. A draft without errors becomes a {@link VmSpec}.
 */
public final class SpecValidator {

    public enum Field { NAME, OS, INSTALL, DRIVERS, KERNEL, VCPUS, MEMORY, FIRMWARE, ARCH, MACHINE, DISK_POOL, DISK_SIZE, DISK_VOLUME, NETWORK, MAC,
        CLOUD_USER, CLOUD_PASSWORD, CLOUD_SSH_KEY, CLOUD_HOST_NAME }

    public record Result(Optional<VmSpec> spec, Map<Field, String> errors, Map<Field, String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Letters and digits of any script, and . _ - + : — what libvirt and file names on the node both take. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._+:-]{0,63}");
    /** Why {@code name} cannot name a new VM on a node holding {@code taken}, or empty when it can. */
    public static String nameProblem(String name, Collection<String> taken) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Texts.get("spec.name.empty");
        } else if (!NAME.matcher(n).matches()) {
            return Texts.get("spec.name.form");
        } else if (taken.contains(n)) {
            return Texts.get("spec.name.taken", n);
        }
        return "";
    }

    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern BRIDGE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
    private static final Pattern SSH_KEY = Pattern.compile("(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9@.-]+) [A-Za-z0-9+/=]+( [^\\p{Cntrl}]*)?");
    private static final long MIN_MEMORY = 64L << 20;
    private static final long MIN_DISK = 1L << 20;

    private final PasswordHasher hasher;

    public SpecValidator(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Turns a plain password into the crypt hash cloud-init writes to /etc/shadow. */
    @FunctionalInterface
    public interface PasswordHasher {
        String hash(String password);
    }

    public Result validate(SpecDraft d, NodeFacts facts) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        Map<Field, String> warnings = new EnumMap<>(Field.class);

        String name = d.name() == null ? "" : d.name().strip();
        String nameProblem = nameProblem(name, facts.vmNames());
        if (!nameProblem.isEmpty()) {
            errors.put(Field.NAME, nameProblem);
        }

        VmSpec.InstallSource install = install(d, facts, errors, warnings);
        String driversIso = driversIso(d, facts, errors);
        String arch = d.arch() == null || d.arch().isBlank() ? "x86_64" : d.arch().strip();
        List<String> archMachines = facts.machinesByArch().getOrDefault(arch, List.of());
        if (!arch.matches("[a-z0-9_]{1,16}")) {
            errors.put(Field.ARCH, Texts.get("spec.arch.form"));
        } else if (!facts.machinesByArch().isEmpty() && !facts.machinesByArch().containsKey(arch)) {
            errors.put(Field.ARCH, Texts.get("spec.arch.unknown", arch, String.join(", ", facts.arches())));
        }
        boolean x86 = arch.equals("x86_64") || arch.equals("i686");
        String machine = d.machine() == null || d.machine().isBlank() ? (x86 || archMachines.isEmpty() ? "q35" : archMachines.get(0))
                : d.machine().strip();
        if (!archMachines.isEmpty() && !archMachines.contains(machine)) {
            errors.put(Field.MACHINE, Texts.get("spec.machine.unknown", machine, String.join(", ", archMachines.stream().limit(6).toList())));
        }
        VmSpec.Firmware firmware = firmware(d, facts, errors, warnings);
        boolean tpm = tpm(d, firmware, facts, errors, warnings);
        if (!arch.equals("x86_64")) {
            // the node's firmware and TPM were read for x86_64 guests: other architectures boot their BIOS (or default)
            if (d.os() != null && d.os().needsSecureBootAndTpm()) {
                errors.put(Field.ARCH, Texts.get("spec.arch.x86Only", d.os().label()));
            } else if ("uefi".equals(d.firmware()) || "uefi-secure".equals(d.firmware()) || "yes".equals(d.tpm())) {
                errors.put(Field.FIRMWARE, Texts.get("spec.arch.firmware", arch));
            }
            firmware = VmSpec.Firmware.BIOS;
            tpm = false;
        }

        int vcpus = 0;
        try {
            vcpus = Integer.parseInt(d.vcpus() == null ? "" : d.vcpus().strip());
            if (vcpus < 1 || vcpus > facts.maxVcpus()) {
                errors.put(Field.VCPUS, Texts.get("spec.vcpus.range", String.valueOf(facts.maxVcpus())));
            } else if (vcpus > facts.hostCpus()) {
                warnings.put(Field.VCPUS, Texts.get("spec.vcpus.overHost", String.valueOf(facts.hostCpus())));
            }
        } catch (NumberFormatException e) {
            errors.put(Field.VCPUS, Texts.get("spec.vcpus.number"));
        }

        long memory = SizeParser.parse(d.memory(), SizeParser.Unit.MIB).orElse(-1L);
        if (memory < 0 && SizeParser.tooLarge(d.memory())) {
            errors.put(Field.MEMORY, Texts.get("spec.memory.farTooLarge", new ByteSize(facts.hostMemoryBytes()).toHuman()));
        } else if (memory < 0) {
            errors.put(Field.MEMORY, Texts.get("spec.memory.form", SizeParser.accepted(SizeParser.Unit.MIB)));
        } else if (memory < MIN_MEMORY || memory > facts.hostMemoryBytes()) {
            errors.put(Field.MEMORY, Texts.get("spec.memory.range", new ByteSize(facts.hostMemoryBytes()).toHuman()));
        } else if (memory + facts.committedMemory() > facts.hostMemoryBytes()) {
            warnings.put(Field.MEMORY, Texts.get("spec.memory.overcommit", new ByteSize(facts.hostMemoryBytes()).toHuman()));
        }

        VmSpec.DiskChoice disk = disk(d, facts, install, errors, warnings);
        VmSpec.NetworkChoice network = network(d, facts, errors);

        String mac = d.mac() == null ? "" : d.mac().strip().toLowerCase(Locale.ROOT);
        if (mac.isEmpty()) {
            // No address chosen: libvirt picks one when it defines the domain.
        } else if (!MAC.matcher(mac).matches()) {
            errors.put(Field.MAC, Texts.get("spec.mac.form"));
        } else if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1) {
            errors.put(Field.MAC, Texts.get("spec.mac.multicast"));
        }

        Optional<VmSpec.CloudInit> cloud = Optional.empty();
        if (d.cloudInit()) {
            cloud = cloudInit(d, disk, errors);
        }

        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors, warnings);
        }
        return new Result(Optional.of(new VmSpec(name, d.os(), install, vcpus, memory, disk, network, mac, cloud, d.start(),
                firmware, tpm, driversIso, machine, arch)),
                errors, warnings);
    }

    /** The virtio driver ISO: an absolute path, a volume where it lies in a pool of the node; empty for none. */
    private static String driversIso(SpecDraft d, NodeFacts facts, Map<Field, String> errors) {
        String path = d.driversIso() == null ? "" : d.driversIso().strip();
        if (path.isEmpty()) {
            return "";
        }
        if (!path.startsWith("/") || hasControl(path)) {
            errors.put(Field.DRIVERS, Texts.get("spec.install.path"));
        } else if (knownPool(facts, path) && volume(facts, path) == null) {
            errors.put(Field.DRIVERS, Texts.get("spec.install.noVolume", path));
        }
        return path;
    }

    /** The firmware as chosen, or as the OS preset needs ("auto"); checked against what the node has. */
    private static VmSpec.Firmware firmware(SpecDraft d, NodeFacts facts, Map<Field, String> errors, Map<Field, String> warnings) {
        String choice = d.firmware() == null ? "auto" : d.firmware();
        NodeFacts.Firmware node = facts.firmware();
        String os = d.os() == null ? "" : d.os().label();
        switch (choice) {
            case "auto" -> {
                firmwareProblem(d.os(), facts).ifPresent(problem -> errors.put(Field.OS, problem));
                return d.os() == null ? VmSpec.Firmware.BIOS : d.os().needsSecureBootAndTpm() ? VmSpec.Firmware.UEFI_SECURE
                        : d.os().uefi() ? VmSpec.Firmware.UEFI : VmSpec.Firmware.BIOS;
            }
            case "bios" -> {
                if (d.os() != null && d.os().needsSecureBootAndTpm()) {
                    warnings.put(Field.FIRMWARE, Texts.get("spec.firmware.windowsBios", os));
                }
                return VmSpec.Firmware.BIOS;
            }
            case "uefi", "uefi-secure" -> {
                boolean secure = choice.equals("uefi-secure");
                if (node.known() && !node.uefi()) {
                    errors.put(Field.FIRMWARE, Texts.get("spec.firmware.noUefi"));
                } else if (secure && node.known() && !node.secureBoot()) {
                    errors.put(Field.FIRMWARE, Texts.get("spec.firmware.noSecureBoot"));
                }
                return secure ? VmSpec.Firmware.UEFI_SECURE : VmSpec.Firmware.UEFI;
            }
            default -> {
                errors.put(Field.FIRMWARE, Texts.get("spec.firmware.form"));
                return VmSpec.Firmware.BIOS;
            }
        }
    }

    /** A TPM 2.0 as chosen; "auto" gives one with UEFI where the node can emulate it (as virt-manager 4 does). */
    private static boolean tpm(SpecDraft d, VmSpec.Firmware firmware, NodeFacts facts, Map<Field, String> errors,
                               Map<Field, String> warnings) {
        String choice = d.tpm() == null ? "auto" : d.tpm();
        NodeFacts.Firmware node = facts.firmware();
        switch (choice) {
            case "auto" -> {
                return firmware != VmSpec.Firmware.BIOS && (!node.known() || node.tpmEmulator());
            }
            case "yes" -> {
                if (node.known() && !node.tpmEmulator()) {
                    errors.put(Field.FIRMWARE, Texts.get("spec.tpm.none"));
                }
                return true;
            }
            case "no" -> {
                if (d.os() != null && d.os().needsSecureBootAndTpm()) {
                    warnings.put(Field.FIRMWARE, Texts.get("spec.tpm.windowsWithout", d.os().label()));
                }
                return false;
            }
            default -> {
                errors.put(Field.FIRMWARE, Texts.get("spec.tpm.form"));
                return false;
            }
        }
    }

    /**
     * What the node lacks for an OS preset that needs UEFI (Fedora, RHEL), or UEFI with Secure Boot and a TPM 2.0
     * (Windows 11, Server 2022), naming the Debian packages to install there; nothing where the node reports no
     * domain capabilities.
     */
    static Optional<String> firmwareProblem(OsVariant os, NodeFacts facts) {
        NodeFacts.Firmware firmware = facts.firmware();
        if (os == null || !os.uefi() || !firmware.known()) {
            return Optional.empty();
        }
        if (!firmware.uefi()) {
            return Optional.of(Texts.get("spec.os.noUefi", os.label()));
        }
        if (!os.needsSecureBootAndTpm()) {
            return Optional.empty();
        }
        if (!firmware.secureBoot()) {
            return Optional.of(Texts.get("spec.os.noSecureBoot", os.label()));
        }
        if (!firmware.tpmEmulator()) {
            return Optional.of(Texts.get("spec.os.noTpm", os.label()));
        }
        return Optional.empty();
    }

    /** Control characters (NUL, newlines, escapes) have no place in paths or a command line, and XML cannot carry NUL. */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static VmSpec.InstallSource install(SpecDraft d, NodeFacts facts, Map<Field, String> errors, Map<Field, String> warnings) {
        String kind = d.installKind() == null ? "none" : d.installKind();
        String path = d.installPath() == null ? "" : d.installPath().strip();
        switch (kind) {
            case "iso", "import" -> {
                if (!path.startsWith("/") || hasControl(path)) {
                    errors.put(Field.INSTALL, Texts.get("spec.install.path"));
                    return new VmSpec.InstallSource.None();
                }
                if (knownPool(facts, path) && volume(facts, path) == null) {
                    errors.put(Field.INSTALL, Texts.get("spec.install.noVolume", path));
                } else if (!knownPool(facts, path)) {
                    // libvirt answers only for files its storage pools hold: elsewhere the node's file system is not ours to see.
                    warnings.put(Field.INSTALL, Texts.get("spec.install.unchecked"));
                }
                return kind.equals("iso") ? new VmSpec.InstallSource.Iso(path) : new VmSpec.InstallSource.ImportDisk(path);
            }
            case "kernel" -> {
                String kernel = d.kernel() == null ? "" : d.kernel().strip();
                String initrd = d.initrd() == null ? "" : d.initrd().strip();
                if (!kernel.startsWith("/") || (!initrd.isEmpty() && !initrd.startsWith("/")) || hasControl(kernel) || hasControl(initrd)) {
                    errors.put(Field.KERNEL, Texts.get("spec.kernel.paths"));
                }
                String cmdline = d.cmdline() == null ? "" : d.cmdline();
                if (hasControl(cmdline) || cmdline.length() > 4096) {
                    errors.put(Field.KERNEL, Texts.get("spec.kernel.cmdline"));
                }
                return new VmSpec.InstallSource.KernelBoot(kernel, initrd, cmdline.strip());
            }
            case "pxe" -> {
                return new VmSpec.InstallSource.NetworkBoot();
            }
            default -> {
                return new VmSpec.InstallSource.None();
            }
        }
    }

    private static VmSpec.DiskChoice disk(SpecDraft d, NodeFacts facts, VmSpec.InstallSource install, Map<Field, String> errors,
                                          Map<Field, String> warnings) {
        if (install instanceof VmSpec.InstallSource.ImportDisk) {
            return new VmSpec.DiskChoice.NoDisk();   // the imported image is the disk
        }
        String kind = d.diskKind() == null ? "none" : d.diskKind();
        switch (kind) {
            case "new" -> {
                NodeFacts.Pool pool = facts.pool(d.diskPool() == null ? "" : d.diskPool());
                if (pool == null || !pool.active()) {
                    errors.put(Field.DISK_POOL, Texts.get("spec.disk.pool"));
                }
                long size = SizeParser.parse(d.diskSize(), SizeParser.Unit.GIB).orElse(-1L);
                String format = "raw".equals(d.diskFormat()) ? "raw" : "qcow2";
                if (size < 0 && SizeParser.tooLarge(d.diskSize())) {
                    errors.put(Field.DISK_SIZE, Texts.get("spec.disk.farTooLarge"));
                } else if (size < 0) {
                    errors.put(Field.DISK_SIZE, Texts.get("spec.disk.form", SizeParser.accepted(SizeParser.Unit.GIB)));
                } else if (size < MIN_DISK) {
                    errors.put(Field.DISK_SIZE, Texts.get("spec.disk.min"));
                } else if (pool != null && format.equals("raw") && size > pool.availableBytes()) {
                    errors.put(Field.DISK_SIZE, Texts.get("spec.disk.poolFull", pool.name(), new ByteSize(pool.availableBytes()).toHuman()));
                } else if (pool != null && size > Math.max(pool.capacityBytes(), pool.availableBytes()) * 16) {
                    errors.put(Field.DISK_SIZE, Texts.get("spec.disk.beyondPool", pool.name(), new ByteSize(pool.capacityBytes()).toHuman()));
                } else if (pool != null && size > pool.availableBytes()) {
                    warnings.put(Field.DISK_SIZE, Texts.get("spec.disk.overFree", new ByteSize(pool.availableBytes()).toHuman(), pool.name()));
                }
                return new VmSpec.DiskChoice.NewDisk(pool == null ? "" : pool.name(), Math.max(size, 0), format);
            }
            case "existing" -> {
                String path = d.existingVolume() == null ? "" : d.existingVolume().strip();
                if (hasControl(path) || volume(facts, path) == null) {
                    errors.put(Field.DISK_VOLUME, Texts.get("spec.disk.volume"));
                }
                return new VmSpec.DiskChoice.ExistingVolume(path);
            }
            default -> {
                return new VmSpec.DiskChoice.NoDisk();
            }
        }
    }

    private static VmSpec.NetworkChoice network(SpecDraft d, NodeFacts facts, Map<Field, String> errors) {
        String kind = d.networkKind() == null ? "none" : d.networkKind();
        String name = d.networkName() == null ? "" : d.networkName().strip();
        switch (kind) {
            case "network" -> {
                if (!facts.networks().contains(name)) {
                    errors.put(Field.NETWORK, Texts.get("spec.network.choose"));
                }
                return new VmSpec.NetworkChoice.VirtualNetwork(name);
            }
            case "bridge" -> {
                if (!BRIDGE.matcher(name).matches()) {
                    errors.put(Field.NETWORK, Texts.get("spec.network.bridge"));
                }
                return new VmSpec.NetworkChoice.Bridge(name);
            }
            case "user" -> {
                return new VmSpec.NetworkChoice.UserMode();
            }
            default -> {
                return new VmSpec.NetworkChoice.NoNetwork();
            }
        }
    }

    private Optional<VmSpec.CloudInit> cloudInit(SpecDraft d, VmSpec.DiskChoice disk, Map<Field, String> errors) {
        String user = d.cloudUser() == null ? "" : d.cloudUser().strip();
        String password = d.cloudPassword() == null ? "" : d.cloudPassword();
        String key = d.cloudSshKey() == null ? "" : d.cloudSshKey().strip();
        String host = d.cloudHostName() == null ? "" : d.cloudHostName().strip();
        if (!USER.matcher(user).matches()) {
            errors.put(Field.CLOUD_USER, Texts.get("spec.cloud.user"));
        }
        if (password.isEmpty() && key.isEmpty()) {
            errors.put(Field.CLOUD_PASSWORD, Texts.get("spec.cloud.noLogin"));
        } else if (!password.isEmpty() && password.length() < 8) {
            errors.put(Field.CLOUD_PASSWORD, Texts.get("spec.cloud.passwordLength"));
        }
        if (!key.isEmpty() && !SSH_KEY.matcher(key).matches()) {
            errors.put(Field.CLOUD_SSH_KEY, Texts.get("spec.cloud.key"));
        }
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            errors.put(Field.CLOUD_HOST_NAME, Texts.get("spec.cloud.hostName"));
        }
        if (disk instanceof VmSpec.DiskChoice.NewDisk nd && nd.pool().isEmpty()) {
            return Optional.empty();
        }
        if (!(disk instanceof VmSpec.DiskChoice.NewDisk)) {
            errors.put(Field.CLOUD_USER, Texts.get("spec.cloud.needsDisk"));
        }
        if (errors.containsKey(Field.CLOUD_USER) || errors.containsKey(Field.CLOUD_PASSWORD)
                || errors.containsKey(Field.CLOUD_SSH_KEY) || errors.containsKey(Field.CLOUD_HOST_NAME)) {
            return Optional.empty();
        }
        return Optional.of(new VmSpec.CloudInit(user, password.isEmpty() ? "" : hasher.hash(password), key, host, d.cloudSudo()));
    }

    private static boolean knownPool(NodeFacts facts, String path) {
        return facts.pools().stream().anyMatch(p -> !p.path().isEmpty() && path.startsWith(p.path() + "/"));
    }

    private static NodeFacts.Volume volume(NodeFacts facts, String path) {
        return facts.pools().stream().flatMap(p -> p.volumes().stream()).filter(v -> v.path().equals(path)).findFirst().orElse(null);
    }
}
