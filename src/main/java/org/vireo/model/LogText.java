package org.vireo.model;

/**
 * Text from outside (a URI, libvirt's message, a VM name) made safe for a log line or a terminal:
 * line breaks, tabs and every other C0 or C1 control character and DEL are written as escapes, so
 * one event stays one line and nothing reaches a terminal as a control sequence.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        return replace(text, c -> c < 0x20 || (c >= 0x7f && c <= 0x9f),
                c -> c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
    }

    /**
     * {@code text} with each character {@code which} picks replaced by {@code by}; the same string when
     * none is picked (the common case costs one scan and no copy).
     */
    public static String replace(String text, CharPredicate which, CharFunction by) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean picked = which.test(c);
            if (picked && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (picked) {
                    out.append(by.apply(c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Picks characters. */
    @FunctionalInterface
    public interface CharPredicate {
        boolean test(char c);
    }

    /** What a picked character becomes. */
    @FunctionalInterface
    public interface CharFunction {
        String apply(char c);
    }
}
