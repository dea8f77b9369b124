package org.vireo.ui.terminal;

import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import java.util.Collections;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import org.vireo.ui.common.Messages;

/**
 * JediTermFX settings: the font, and key bindings that leave the shell its keys — Ctrl+L
 * (clear screen) and Ctrl+F (forward a character) go to the remote side; Find moves to Ctrl+Shift+F.
 */
final class TerminalSettings extends DefaultSettingsProvider {

    private float fontSize;
    private final String fontFamily;
    private final Messages messages;

    TerminalSettings(float fontSize, String fontFamily, Messages messages) {
        this.fontFamily = fontFamily;
        this.messages = messages;
        this.fontSize = fontSize;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(fontFamily, fontSize);
    }

    @Override
    public float getTerminalFontSize() {
        return fontSize;
    }

    /**
     * The widget redraws on a timer even when nothing changed (50 fps by default): 2.5–4 % of a
     * core per idle tab. 20 fps still scrolls smoothly and costs well under half of that.
     */
    @Override
    public int maxRefreshRate() {
        return 20;
    }

    /**
     * A steady caret: a blinking one asks for a repaint twice a second, which would keep the
     * redraw timer (and JavaFX's pulses) running in an idle tab. (0 means "blink every frame".)
     */
    @Override
    public int caretBlinkingMs() {
        return Integer.MAX_VALUE;
    }

    /**
     * Scrollback lines. JediTermFX 1.0.0 copies its whole history list each time a line falls
     * off its top, so the cost of every scrolled line grows with this number: at its default
     * (5000) `seq 1 200000` spends most of its time copying. xterm's 1024 keeps fast output fast.
     */
    @Override
    public int getBufferMaxLinesCount() {
        return Integer.getInteger("vireo.terminal.scrollback", 1024);
    }

    void setFontSize(float size) {
        fontSize = size;
    }

    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return new TerminalActionPresentation(messages.get("terminal.clearBuffer"), Collections.emptyList());
    }

    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation(messages.get("terminal.find"),
                new KeyCodeCombination(KeyCode.F, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
    }
}
