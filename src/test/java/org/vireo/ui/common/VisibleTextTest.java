package org.vireo.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What VisibleText marks and what it leaves alone. */
class VisibleTextTest {

    @Test
    void reorderingAndInvisibleCharactersAreMarkedTheRestKept() {
        String arabic = "\u062e\u0627\u062f\u0645-1";
        assertSame(arabic, VisibleText.of(arabic), "right-to-left letters themselves are kept");
        assertEquals("\u2039U+202E\u203aevil-rlo-txt.exe", VisibleText.of("\u202eevil-rlo-txt.exe"));
        assertEquals("a\u2039U+2066\u203ab\u2039U+2069\u203a", VisibleText.of("a\u2066b\u2069"));
        assertNotEquals(VisibleText.of("web01"), VisibleText.of("web\u200b01"));
        assertEquals("web\u2039U+FEFF\u203a01\u2039U+00AD\u203a", VisibleText.of("web\ufeff01\u00ad"));
        assertTrue(VisibleText.hasHidden("x\u200dy"));
        assertFalse(VisibleText.hasHidden("plain"));
        assertEquals("", VisibleText.of(null));
    }
}
