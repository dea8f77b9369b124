package org.vireo.ui.screen;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** JavaFX keys as the X11 keysyms a VNC server expects. */
final class KeySymbols {

    static final int CONTROL_L = 0xffe3;
    static final int ALT_L = 0xffe9;
    static final int DELETE = 0xffff;
    static final int PRINT = 0xff61;
    static final int F1 = 0xffbe;
    static final int SHIFT_L = 0xffe1;
    static final int RETURN = 0xff0d;
    static final int TAB = 0xff09;

    /** Characters typed with Shift on a US keyboard: a VNC server turns keysyms into keys, and these need it held. */
    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";

    private static final Map<KeyCode, Integer> SPECIAL = new EnumMap<>(KeyCode.class);

    static {
        SPECIAL.put(KeyCode.ENTER, 0xff0d);
        SPECIAL.put(KeyCode.BACK_SPACE, 0xff08);
        SPECIAL.put(KeyCode.TAB, 0xff09);
        SPECIAL.put(KeyCode.ESCAPE, 0xff1b);
        SPECIAL.put(KeyCode.DELETE, DELETE);
        SPECIAL.put(KeyCode.HOME, 0xff50);
        SPECIAL.put(KeyCode.LEFT, 0xff51);
        SPECIAL.put(KeyCode.UP, 0xff52);
        SPECIAL.put(KeyCode.RIGHT, 0xff53);
        SPECIAL.put(KeyCode.DOWN, 0xff54);
        SPECIAL.put(KeyCode.PAGE_UP, 0xff55);
        SPECIAL.put(KeyCode.PAGE_DOWN, 0xff56);
        SPECIAL.put(KeyCode.END, 0xff57);
        SPECIAL.put(KeyCode.INSERT, 0xff63);
        SPECIAL.put(KeyCode.PRINTSCREEN, PRINT);
        SPECIAL.put(KeyCode.PAUSE, 0xff13);
        SPECIAL.put(KeyCode.CONTEXT_MENU, 0xff67);
        SPECIAL.put(KeyCode.SHIFT, 0xffe1);
        SPECIAL.put(KeyCode.CONTROL, CONTROL_L);
        SPECIAL.put(KeyCode.ALT, ALT_L);
        SPECIAL.put(KeyCode.ALT_GRAPH, 0xfe03);
        SPECIAL.put(KeyCode.WINDOWS, 0xffeb);
        SPECIAL.put(KeyCode.META, 0xffeb);
        SPECIAL.put(KeyCode.COMMAND, 0xffeb);
        SPECIAL.put(KeyCode.CAPS, 0xffe5);
        SPECIAL.put(KeyCode.NUM_LOCK, 0xff7f);
        SPECIAL.put(KeyCode.SCROLL_LOCK, 0xff14);
        SPECIAL.put(KeyCode.SPACE, 0x20);
        KeyCode[] functionKeys = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6,
            KeyCode.F7, KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12};
        for (int i = 0; i < functionKeys.length; i++) {
            SPECIAL.put(functionKeys[i], F1 + i);
        }
    }

    private KeySymbols() {
    }

    /** One character to type: its keysym and whether Shift is held for it; empty when no key types it. */
    record Typed(int keysym, boolean shift) {
    }

    static Optional<Typed> forCharacter(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r') {
            return Optional.of(new Typed(RETURN, false));
        }
        if (codePoint == '\t') {
            return Optional.of(new Typed(TAB, false));
        }
        if (codePoint < 0x20 || codePoint == 0x7f || Character.getType(codePoint) == Character.FORMAT) {
            return Optional.empty();
        }
        boolean shift = Character.isUpperCase(codePoint) || codePoint < 0x80 && SHIFTED.indexOf(codePoint) >= 0;
        return Optional.of(new Typed(codePoint < 0x100 ? codePoint : 0x01000000 | codePoint, shift));
    }

    /**
     * The keysym of a key press: special keys by code, others by the character they type (the
     * keysym of a Latin-1 character is its code; beyond that, 0x01000000 + the code point).
     * Returns 0 when the key means nothing to a VNC server.
     */
    static int of(KeyEvent press) {
        Integer special = SPECIAL.get(press.getCode());
        if (special != null) {
            return special;
        }
        String text = press.getText();
        if (text != null && !text.isEmpty()) {
            int cp = text.codePointAt(0);
            if (cp >= 0x20) {
                return cp < 0x100 ? cp : 0x01000000 | cp;
            }
        }
        if (press.getCode().isLetterKey()) {
            // With Ctrl held some platforms give no text: the plain letter is what the guest expects.
            return Character.toLowerCase(press.getCode().getChar().charAt(0));
        }
        if (press.getCode().isDigitKey() && press.getCode().getChar().length() == 1) {
            return press.getCode().getChar().charAt(0);
        }
        return 0;
    }
}
