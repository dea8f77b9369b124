package org.vireo.ui.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;

/** The widget with a panel that re-reads its font on demand, for Ctrl+plus/minus zoom. */
final class ZoomableTerminalWidget extends JediTermFxWidget {

    ZoomableTerminalWidget(int columns, int rows, TerminalSettings settings) {
        super(columns, rows, settings);
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settingsProvider, StyleState styleState,
                                                TerminalTextBuffer terminalTextBuffer) {
        return new ZoomablePanel(settingsProvider, terminalTextBuffer, styleState);
    }

    void refreshFont() {
        ((ZoomablePanel) getTerminalPanel()).refreshFont();
    }

    private static final class ZoomablePanel extends TerminalPanel {
        ZoomablePanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
            super(settings, buffer, style);
        }

        void refreshFont() {
            reinitFontAndResize();
        }
    }
}
