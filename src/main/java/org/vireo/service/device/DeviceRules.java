package org.vireo.service.device;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.model.Texts;
import org.vireo.service.create.SizeParser;

/** Checks of what a user types into the device forms; each returns the problem in plain words, or "". */
public final class DeviceRules {

    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern VOLUME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}._+-]{0,254}");
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final Pattern NETWORK = Pattern.compile("[^/\\p{Cntrl}]{1,255}");

    private DeviceRules() {
    }

    public static String macProblem(String text, Set<String> inUse) {
        String mac = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!MAC.matcher(mac).matches()) {
            return Texts.get("device.mac.form");
        }
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1) {
            return Texts.get("spec.mac.multicast");
        }
        if (mac.equals("00:00:00:00:00:00")) {
            return Texts.get("device.mac.zero");
        }
        if (inUse.contains(mac)) {
            return Texts.get("device.mac.inUse", mac);
        }
        return "";
    }

    /** A MAC in QEMU's locally administered range 52:54:00, not used on the node. */
    public static String randomMac(Set<String> inUse, RandomGenerator random) {
        while (true) {
            byte[] tail = new byte[3];
            random.nextBytes(tail);
            String mac = "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail);
            if (!inUse.contains(mac)) {
                return mac;
            }
        }
    }

    /** The first free target name for {@code bus}: vda… for virtio, sda… for SATA, SCSI and USB, hda… for IDE, fda… for floppies. */
    public static String nextTarget(String bus, Set<String> used) {
        String prefix = switch (bus) {
            case "virtio" -> "vd";
            case "ide" -> "hd";
            case "fdc" -> "fd";
            case "xen" -> "xvd";
            default -> "sd";
        };
        for (int i = 0; i < 26 * 27; i++) {
            String name = prefix + suffix(i);
            if (!used.contains(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no free target for bus " + bus);
    }

    private static String suffix(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : String.valueOf((char) ('a' + i / 26 - 1)) + (char) ('a' + i % 26);
    }

    public static String targetProblem(String target, Set<String> used) {
        if (target == null || !target.matches("(vd|sd|hd|fd|xvd)[a-z]{1,2}")) {
            return Texts.get("device.target.form");
        }
        return used.contains(target) ? Texts.get("device.target.inUse", target) : "";
    }

    public static String volumeNameProblem(String name, NodeFacts.Pool pool) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Texts.get("device.volume.empty");
        }
        if (!VOLUME.matcher(n).matches()) {
            return Texts.get("device.volume.form");
        }
        if (pool != null && pool.volumes().stream().anyMatch(v -> v.name().equals(n))) {
            return Texts.get("device.volume.taken", n, pool.name());
        }
        return "";
    }

    /** The size typed (GiB when no unit is given), when it is one. */
    public static Optional<Long> size(String text) {
        return SizeParser.parse(text, SizeParser.Unit.GIB);
    }

    public static String sizeProblem(String text, NodeFacts.Pool pool, String format) {
        Optional<Long> bytes = size(text);
        if (bytes.isEmpty()) {
            return SizeParser.tooLarge(text) ? Texts.get("spec.disk.farTooLarge")
                    : Texts.get("spec.disk.form", SizeParser.accepted(SizeParser.Unit.GIB));
        }
        if (bytes.get() < (1L << 20)) {
            return Texts.get("spec.disk.min");
        }
        if (pool != null && pool.availableBytes() >= 0 && bytes.get() > pool.availableBytes()) {
            // A raw volume takes its space at once; a qcow2 one may grow to it (the wizard says the same).
            return format.equals("qcow2") && bytes.get() <= pool.capacityBytes()
                    ? "" : Texts.get("spec.disk.poolFull", pool.name(), new ByteSize(pool.availableBytes()).toHuman());
        }
        return "";
    }

    /** Whether a file of {@code fileBytes} fits the pool's free space (a sparse file may need less; the check stays simple). */
    public static String uploadProblem(long fileBytes, NodeFacts.Pool pool) {
        if (pool == null) {
            return Texts.get("device.upload.noPool");
        }
        if (pool.availableBytes() >= 0 && fileBytes > pool.availableBytes()) {
            return Texts.get("device.upload.full", pool.name(), new ByteSize(pool.availableBytes()).toHuman(),
                    new ByteSize(fileBytes).toHuman());
        }
        return "";
    }

    public static String pathProblem(String path) {
        String p = path == null ? "" : path.strip();
        if (!p.startsWith("/")) {
            return Texts.get("device.path.absolute");
        }
        if (p.chars().anyMatch(Character::isISOControl)) {
            return Texts.get("device.path.control");
        }
        return "";
    }

    /** The network, bridge or host interface of a NIC of {@code type}. */
    public static String sourceProblem(String type, String source) {
        String s = source == null ? "" : source.strip();
        return switch (type) {
            case "user" -> "";
            case "network" -> NETWORK.matcher(s).matches() ? "" : Texts.get("device.nic.network");
            case "bridge", "direct" -> IFACE.matcher(s).matches() ? "" : Texts.get("device.nic.interface");
            default -> Texts.get("device.nic.type");
        };
    }
}
