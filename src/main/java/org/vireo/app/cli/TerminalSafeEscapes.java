package org.vireo.app.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for names that come from the nodes: besides what JSON requires (C0 controls), DEL
 * and the C1 controls are written as {@code \\u00XX}, so {@code --list --json} on a terminal cannot
 * carry a control sequence and stays valid JSON.
 */
final class TerminalSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    TerminalSafeEscapes() {
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch >= 0x80 && ch <= 0x9f ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
