package org.vireo.ui.common;

import org.vireo.model.LogText;

/**
 * A name, tag or title as shown where it cannot lie: characters that change the direction of what
 * follows (bidi embeddings, overrides, isolates and marks) and characters that show nothing
 * (zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen, fillers) are written
 * as visible markers such as {@code ‹U+202E›}. "‮evil-rlo-txt.exe" then reads as
 * "‹U+202E›evil-rlo-txt.exe", not "exe.txt-olr-live", and two names that differ only by an
 * invisible character no longer look alike. Only for display: the value itself is never changed.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String of(String text) {
        return text == null ? "" : LogText.replace(text, VisibleText::hidesOrReorders, c -> String.format("\u2039U+%04X\u203a", (int) c));
    }

    /** Whether {@code text} holds a character {@link #of} would mark. */
    public static boolean hasHidden(String text) {
        return text != null && text.chars().anyMatch(c -> hidesOrReorders((char) c));
    }

    private static boolean hidesOrReorders(char c) {
        return (c >= 0x202a && c <= 0x202e)       // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069)   // LRI, RLI, FSI, PDI
                || c == 0x200e || c == 0x200f || c == 0x061c   // LRM, RLM, ALM
                || (c >= 0x200b && c <= 0x200d)   // zero-width space, non-joiner, joiner
                || c == 0x2060 || c == 0xfeff || c == 0x00ad || c == 0x180e || c == 0x034f
                || c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0
                || (c >= 0x2061 && c <= 0x2064)   // invisible operators
                || c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
