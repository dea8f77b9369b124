package org.vireo.ui.terminal;

import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import java.util.Collections;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;

/**
 * JediTermFX settings: the font, and key bindings that leave the shell its keys — Ctrl+L
 * (clear screen) and Ctrl+F (forward a character) go to the remote side; Find moves to Ctrl+Shift+F.
 */
final class TerminalSettings extends DefaultSettingsProvider {

    private float fontSize;

    TerminalSettings(float fontSize) {
        this.fontSize = fontSize;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font("DejaVu Sans Mono", fontSize);
    }

    @Override
    public float getTerminalFontSize() {
        return fontSize;
    }

    void setFontSize(float size) {
        fontSize = size;
    }

    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return new TerminalActionPresentation("Clear Buffer", Collections.emptyList());
    }

    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation("Find",
                new KeyCodeCombination(KeyCode.F, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
    }
}
