package org.vireo.ui.details;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vireo.ui.common.Messages;

/**
 * Memory sizes as users type them. Units are binary, as libvirt's are: "4G", "4 GiB" and
 * "4 GB" all mean 4 GiB; a bare number means MiB.
 */
final class MemoryText {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(k|kib|kb|m|mib|mb|g|gib|gb|t|tib|tb)?",
            Pattern.CASE_INSENSITIVE);
    private static final long MIN = 16L << 20;
    private static final long MAX = 16L << 40;

    private MemoryText() {
    }

    static String format(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    /** Empty when acceptable, else what is allowed. */
    static String problem(String text, Messages messages) {
        long bytes = parse(text);
        if (bytes < 0) {
            return messages.get("details.memory.form");
        }
        if (bytes < MIN || bytes > MAX) {
            return messages.get("details.memory.range");
        }
        return "";
    }

    /** Bytes, or -1 when it is not a size. */
    static long parse(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
        int shift = switch (unit) {
            case "k" -> 10;
            case "g" -> 30;
            case "t" -> 40;
            default -> 20;
        };
        return value << shift;
    }
}
