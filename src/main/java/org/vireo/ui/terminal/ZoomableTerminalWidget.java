package org.vireo.ui.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import java.lang.reflect.Field;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.LoggerFactory;
import org.vireo.ui.common.ServiceCalls;

/**
 * The widget with a panel that re-reads its font on demand (Ctrl+plus/minus zoom) and that
 * stops its redraw timer while nothing changes.
 */
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

    /** Stops the idle redraw timer when the tab closes. */
    void stopIdleWatch() {
        ((ZoomablePanel) getTerminalPanel()).stopIdleWatch();
    }

    /**
     * JediTermFX redraws from a Timeline that runs for ever, and a running animation keeps
     * JavaFX pulsing every frame: 4–5 % of a core for an idle tab. The panel pauses that
     * Timeline after a second without a repaint request and resumes it on the next one (new
     * output, a key, a scroll, a resize all ask for a repaint). The Timeline is a private field
     * of the library, reached by reflection; without it the panel simply behaves as shipped.
     */
    private static final class ZoomablePanel extends TerminalPanel {
        private static final long IDLE_NANOS = 1_000_000_000L;
        private final ServiceCalls fx = ServiceCalls.on(null);
        /** Checks for idleness a second after the last activity; an animation of its own, so no thread. */
        private final PauseTransition idleCheck =
                new PauseTransition(Duration.seconds(1));
        private volatile long lastRepaint = System.nanoTime();
        private volatile boolean paused;
        private volatile boolean watching = true;

        ZoomablePanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
            super(settings, buffer, style);
            idleCheck.setOnFinished(e -> pauseIfIdle());
            fx.post(idleCheck::playFromStart);
        }

        void refreshFont() {
            reinitFontAndResize();
        }

        @Override
        public void repaint() {
            super.repaint();
            lastRepaint = System.nanoTime();
            if (paused) {
                fx.post(this::resumeTimer);
            }
        }

        /** On the FX thread, when the check fires: pause, or look again once the quiet second is over. */
        private void pauseIfIdle() {
            if (!watching) {
                return;
            }
            long quiet = System.nanoTime() - lastRepaint;
            if (quiet < IDLE_NANOS) {
                idleCheck.setDuration(Duration.millis((IDLE_NANOS - quiet) / 1e6 + 10));
                idleCheck.playFromStart();
                return;
            }
            Timeline timeline = timeline();
            if (timeline != null) {
                timeline.pause();
                paused = true;
                LoggerFactory.getLogger(ZoomableTerminalWidget.class).debug("Terminal idle: redraw timer paused");
            }
        }

        private void resumeTimer() {
            Timeline timeline = timeline();
            if (timeline != null && paused && watching) {
                paused = false;
                timeline.play();
                idleCheck.setDuration(Duration.seconds(1));
                idleCheck.playFromStart();
            }
        }

        void stopIdleWatch() {
            watching = false;
            idleCheck.stop();
        }

        private Timeline timeline() {
            try {
                Field field = TerminalPanel.class.getDeclaredField("myRepaintTimeLine");
                field.setAccessible(true);
                return (Timeline) field.get(this);
            } catch (ReflectiveOperationException | RuntimeException e) {
                watching = false;   // another JediTermFX version: keep its own behaviour
                return null;
            }
        }
    }
}
