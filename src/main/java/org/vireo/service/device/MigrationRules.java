package org.vireo.service.device;

import java.util.regex.Pattern;
import org.vireo.model.LibvirtUri;
import org.vireo.model.Texts;

/** The checks of the Migrate dialog's fields as they are typed (and of any command that moves a VM). */
public final class MigrationRules {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)([a-z0-9._%+-]+@)?([a-z0-9]([a-z0-9_.-]{0,251}[a-z0-9])?|\\[[0-9a-f:.%a-z]+\\]|[0-9a-f:.]+)");
    /** 1 TiB/s: more than any link carries; beyond it a typo, not a limit. */
    private static final long MAX_BANDWIDTH = 1L << 20;

    private MigrationRules() {
    }

    /** Empty (no limit) or a whole number of MiB/s, 1 or more. */
    public static String bandwidthProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "";
        }
        try {
            long value = Long.parseLong(t);
            return value >= 1 && value <= MAX_BANDWIDTH ? "" : Texts.get("migrate.bandwidth.range");
        } catch (NumberFormatException e) {
            return Texts.get("migrate.bandwidth.form");
        }
    }

    /** The limit in MiB/s, 0 for none; only for text {@link #bandwidthProblem} accepts. */
    public static long bandwidth(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : Long.parseLong(t);
    }

    /** Empty (the connection's own host), a host name or address with an optional user, or a whole libvirt URI. */
    public static String peerAddressProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (t.contains("://")) {
            return LibvirtUri.problem(t).orElse("");
        }
        return ADDRESS.matcher(t).matches() ? "" : Texts.get("migrate.peerAddress.form");
    }
}
