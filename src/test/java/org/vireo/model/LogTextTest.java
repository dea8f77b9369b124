package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text from outside, made one line and free of control characters for logs and terminals. */
class LogTextTest {

    @Test
    void controlCharactersAreEscapedAndTheRestKept() {
        String plain = "web-01 ✓ Grüße";
        assertSame(plain, LogText.escape(plain), "nothing to escape: the same string");
        assertEquals("test:///x\\nINFO forged line", LogText.escape("test:///x\nINFO forged line"));
        assertEquals("a\\tb\\rc", LogText.escape("a\tb\rc"));
        assertEquals("\\u001b[31mred\\u007f\\u0085\\u009b", LogText.escape("\u001b[31mred\u007f\u0085\u009b"));
        assertEquals("null", LogText.escape(null));
    }
}
