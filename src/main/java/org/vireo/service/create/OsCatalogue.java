package org.vireo.service.create;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.vireo.model.ByteSize;
import org.vireo.model.IsoLabel;
import org.vireo.model.Texts;

/**
 * The operating systems the wizard and {@code vireo create --os} offer: osinfo-db's entries where its data is installed
 * (newest release first), otherwise Vireo's built-in families. Each entry carries its sizes (recommended as defaults,
 * minimum as warnings), the family whose devices and firmware it gets ({@link OsVariant}), and osinfo-db's rules for
 * recognising its install media from an ISO's labels.
 */
public final class OsCatalogue {

    /** One of osinfo-db's media rules: every identifier it names must match (a regular expression, found anywhere). */
    public record Media(String arch, String volumeId, String publisherId, String applicationId, String systemId) {

        public boolean matches(IsoLabel label) {
            return found(volumeId, label.volumeId()) && found(publisherId, label.publisherId())
                    && found(applicationId, label.applicationId()) && found(systemId, label.systemId());
        }

        private static boolean found(String regex, String value) {
            if (regex.isEmpty()) {
                return true;
            }
            try {
                return Pattern.compile(regex).matcher(value).find();
            } catch (PatternSyntaxException e) {
                return regex.equals(value);
            }
        }
    }

    /**
     * An operating system.
     *
     * @param id          osinfo-db's id ({@code http://debian.org/debian/11}); empty for a built-in family
     * @param shortIds    its short ids, the first the usual one ({@code debian11}, {@code debianbullseye})
     * @param family      osinfo-db's family ({@code linux}, {@code winnt}, {@code freebsd} …)
     * @param distro      osinfo-db's distro ({@code debian}, {@code fedora}, {@code win} …)
     * @param releaseDate ISO date, empty where unknown
     * @param minRam      bytes, 0 where unknown (likewise the other sizes)
     */
    public record Entry(String id, List<String> shortIds, String name, String family, String distro, String version, String releaseDate,
                        int minVcpus, long minRam, long minStorage, int recVcpus, long recRam, long recStorage, List<Media> media) {

        public String shortId() {
            return shortIds.isEmpty() ? "" : shortIds.get(0);
        }

        /** "Debian 11 (debian11)". */
        public String label() {
            return shortId().isEmpty() ? name : name + " (" + shortId() + ")";
        }

        /** The family whose devices, firmware and clock this OS gets. */
        public OsVariant preset() {
            String s = shortId().toLowerCase(Locale.ROOT);
            String d = distro.toLowerCase(Locale.ROOT);
            if (family.equals("winnt") || d.equals("win")) {
                if (s.startsWith("win2k22") || s.startsWith("win2k25")) {
                    return OsVariant.WINDOWS_SERVER_2022;
                }
                return s.startsWith("win11") ? OsVariant.WINDOWS_11 : OsVariant.WINDOWS_10;
            }
            return switch (d) {
                case "debian" -> OsVariant.DEBIAN_12;
                case "ubuntu" -> OsVariant.UBUNTU_24_04;
                case "fedora", "silverblue" -> OsVariant.FEDORA_41;
                case "rhel", "centos", "rocky", "almalinux", "ol", "centos-stream" -> OsVariant.RHEL_9;
                case "alpinelinux", "alpine" -> OsVariant.ALPINE;
                default -> family.equals("freebsd") ? OsVariant.FREEBSD_14
                        : family.equals("linux") ? OsVariant.LINUX_GENERIC : OsVariant.fromId(s).orElse(OsVariant.OTHER);
            };
        }

        private String searchable() {
            return (name + " " + String.join(" ", shortIds) + " " + distro).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Where {@code spec} is below what {@code entry} needs at least (vCPUs, memory, disk), one warning per field, in the
     * wizard's and the command line's words.
     */
    public static Map<SpecValidator.Field, String> belowMinimum(Entry entry, VmSpec spec) {
        Map<SpecValidator.Field, String> warnings = new EnumMap<>(SpecValidator.Field.class);
        if (entry.minVcpus() > 0 && spec.vcpus() < entry.minVcpus()) {
            warnings.put(SpecValidator.Field.VCPUS, Texts.get("osinfo.minVcpus", entry.name(), entry.minVcpus()));
        }
        if (entry.minRam() > 0 && spec.memoryBytes() < entry.minRam()) {
            warnings.put(SpecValidator.Field.MEMORY, Texts.get("osinfo.minRam", entry.name(), new ByteSize(entry.minRam()).toHuman()));
        }
        if (entry.minStorage() > 0 && spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk && disk.sizeBytes() < entry.minStorage()) {
            warnings.put(SpecValidator.Field.DISK_SIZE, Texts.get("osinfo.minStorage", entry.name(), new ByteSize(entry.minStorage()).toHuman()));
        }
        return warnings;
    }

    private final List<Entry> entries;
    private final boolean fromOsinfo;

    /** @param fromOsinfo whether the entries are osinfo-db's (false: Vireo's built-in families) */
    public OsCatalogue(List<Entry> entries, boolean fromOsinfo) {
        List<Entry> sorted = new ArrayList<>(entries);
        // newest first: a search for "debian" lists Debian 11 before Debian 3
        sorted.sort(Comparator.comparing(Entry::releaseDate).reversed().thenComparing(Entry::name));
        this.entries = List.copyOf(sorted);
        this.fromOsinfo = fromOsinfo;
    }

    /** Vireo's own families: what is offered when osinfo-db's data is not installed. */
    public static OsCatalogue builtIn() {
        List<Entry> families = Arrays.stream(OsVariant.values())
                .map(os -> new Entry("", List.of(os.shortId()), os.label(), "", "", "", "", os.suggestedVcpus(), 0, 0, os.suggestedVcpus(),
                        (long) os.suggestedMemoryMiB() << 20, (long) os.suggestedDiskGiB() << 30, List.of()))
                .toList();
        return new OsCatalogue(families, false);
    }

    public boolean fromOsinfo() {
        return fromOsinfo;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries whose name, short ids or distro contain every word of {@code text}, newest first, at most {@code limit}. */
    public List<Entry> search(String text, int limit) {
        String[] words = (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)).split("\\s+");
        return entries.stream().filter(e -> Arrays.stream(words).allMatch(w -> e.searchable().contains(w))).limit(limit).toList();
    }

    /** The entry one of whose short ids is {@code shortId} (any case). */
    public Optional<Entry> byShortId(String shortId) {
        String wanted = shortId == null ? "" : shortId.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.shortIds().stream().anyMatch(s -> s.equalsIgnoreCase(wanted))).findFirst();
    }

    /** The OS whose install media rules match the medium's labels (for {@code arch}, or any arch the rule names), if any. */
    public Optional<Entry> detect(IsoLabel label, String arch) {
        return entries.stream()
                .filter(e -> e.media().stream().anyMatch(m -> (arch.isEmpty() || m.arch().isEmpty() || m.arch().equals(arch)
                        || m.arch().equals("all")) && m.matches(label)))
                .findFirst();
    }
}
