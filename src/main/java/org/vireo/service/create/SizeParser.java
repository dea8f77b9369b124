package org.vireo.service.create;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vireo.model.Texts;

/**
 * Sizes as users type them, read the way libvirt reads its own units: "4G", "4 GiB" and "4g"
 * are 4 × 2^30 bytes; "4 GB" is 4 × 10^9 (SI, as in libvirt's scaled integers). A bare number
 * takes the default unit of the field (MiB for memory, GiB for disks, as virt-install does).
 * Decimals ("1.5G") are fine; signs, exponents ("1e9") and anything else are refused.
 */
public final class SizeParser {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*([a-z]{1,3})?");

    public enum Unit {
        MIB(1L << 20), GIB(1L << 30);

        final long bytes;

        Unit(long bytes) {
            this.bytes = bytes;
        }
    }

    private SizeParser() {
    }

    /** Bytes, or empty when the text is not a size. */
    public static Optional<Long> parse(String text, Unit defaultUnit) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1));
        BigDecimal multiplier;
        String unit = m.group(2);
        if (unit == null) {
            multiplier = BigDecimal.valueOf(defaultUnit.bytes);
        } else {
            multiplier = switch (unit) {
                case "b" -> BigDecimal.ONE;
                case "k", "kib" -> BigDecimal.valueOf(1L << 10);
                case "m", "mib" -> BigDecimal.valueOf(1L << 20);
                case "g", "gib" -> BigDecimal.valueOf(1L << 30);
                case "t", "tib" -> BigDecimal.valueOf(1L << 40);
                case "kb" -> BigDecimal.valueOf(1_000L);
                case "mb" -> BigDecimal.valueOf(1_000_000L);
                case "gb" -> BigDecimal.valueOf(1_000_000_000L);
                case "tb" -> BigDecimal.valueOf(1_000_000_000_000L);
                default -> null;
            };
            if (multiplier == null) {
                return Optional.empty();
            }
        }
        BigDecimal bytes = value.multiply(multiplier);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(bytes.longValue());
    }

    /** True when the text has a size's form but its value does not fit in 64 bits (999999999 TiB). */
    public static boolean tooLarge(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        return m.matches() && parse(text, Unit.GIB).isEmpty() && parse(m.group(1), Unit.MIB).isPresent()
                && (m.group(2) == null || List.of("b", "k", "kib", "m", "mib", "g", "gib", "t", "tib", "kb", "mb", "gb", "tb")
                .contains(m.group(2)));
    }

    /** What the field accepts, for messages. */
    public static String accepted(Unit defaultUnit) {
        return Texts.get(defaultUnit == Unit.MIB ? "size.accepted.mib" : "size.accepted.gib");
    }
}
