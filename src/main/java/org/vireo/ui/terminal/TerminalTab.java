package org.vireo.ui.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * One terminal tab: a JediTermFX widget over a session opened off the FX thread, a status line,
 * and Reconnect when the session drops. Works around the widget's known key-handling bugs.
 */
public final class TerminalTab {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalTab.class);
    static final int COLUMNS = 110;
    static final int ROWS = 33;

    private final Tab tab = new Tab();
    private final Messages messages;
    private final Supplier<CompletableFuture<TtyConnector>> opener;
    private final String title;
    private final String fontFamily;
    private final Label status = new Label();
    private final Button reconnect = new Button();
    private final StackPane body = new StackPane();
    public static final int DEFAULT_FONT_SIZE = 14;
    /** Shipped with the .deb (fonts-dejavu-core) and on nearly every Linux desktop. */
    public static final String DEFAULT_FONT_FAMILY = "DejaVu Sans Mono";
    private final ServiceCalls calls = ServiceCalls.on(null);
    private ZoomableTerminalWidget widget;
    private TerminalSettings settings;
    private TtyConnector connector;
    private float fontSize;

    /** The text on the terminal's screen now, "" before the session starts (FX thread). */
    public String screenText() {
        if (widget == null) {
            return "";
        }
        TerminalTextBuffer buffer = widget.getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    /** The font size in points (from the preferences, then zoomed). */
    public float fontSize() {
        return fontSize;
    }

    /** The font family the terminal draws with. */
    public String fontFamily() {
        return fontFamily;
    }

    public TerminalTab(String title, Messages messages, Supplier<CompletableFuture<TtyConnector>> opener) {
        this(title, messages, opener, DEFAULT_FONT_SIZE);
    }

    /** With the font size of the user's preferences. */
    public TerminalTab(String title, Messages messages, Supplier<CompletableFuture<TtyConnector>> opener, int fontSize) {
        this(title, messages, opener, fontSize, DEFAULT_FONT_FAMILY);
    }

    /** With the font of the user's preferences. */
    public TerminalTab(String title, Messages messages, Supplier<CompletableFuture<TtyConnector>> opener, int fontSize,
                       String fontFamily) {
        this.fontSize = Math.max(8, Math.min(36, fontSize));
        this.fontFamily = fontFamily == null || fontFamily.isBlank() ? DEFAULT_FONT_FAMILY : fontFamily;
        this.title = title;
        this.messages = messages;
        this.opener = opener;
        tab.setText(title);
        tab.setId("terminal-" + title);
        reconnect.setText(messages.get("terminal.reconnect"));
        reconnect.setId("terminalReconnect");
        reconnect.setOnAction(e -> connect());
        reconnect.setVisible(false);
        status.setId("terminalStatus");
        HBox bar = new HBox(10, status, reconnect);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        BorderPane root = new BorderPane(body, bar, null, null, null);
        tab.setContent(root);
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                focus();
            }
        });
        connect();
    }

    public Tab tab() {
        return tab;
    }

    /** The widget of the current session (tests read its screen). */
    public JediTermFxWidget widget() {
        return widget;
    }

    private void connect() {
        disposeWidget();
        reconnect.setVisible(false);
        status.setText(messages.get("terminal.connecting", title));
        tab.setText(messages.get("terminal.tab.connecting", title));
        calls.run(opener).onSuccess(this::start).onFailure(reason -> {
            status.setText(messages.get("terminal.failed", reason));
            tab.setText(messages.get("terminal.tab.closed", title));
            reconnect.setVisible(true);
        }).start();
    }

    private void start(TtyConnector tty) {
        connector = tty;
        settings = new TerminalSettings(fontSize, fontFamily, messages);
        widget = new ZoomableTerminalWidget(COLUMNS, ROWS, settings);
        installKeyFixes();
        body.getChildren().setAll(widget.getPane());
        widget.addListener(w -> calls.post(this::sessionEnded));
        widget.setTtyConnector(tty);
        widget.start();
        status.setText(messages.get("terminal.connected", title));
        tab.setText(messages.get("terminal.tab.connected", title));
        focus();
    }

    private void sessionEnded() {
        status.setText(messages.get("terminal.closed", title));
        tab.setText(messages.get("terminal.tab.closed", title));
        reconnect.setVisible(true);
    }

    /**
     * JediTermFX 1.0.0 bugs: a modifier or lock key alone sends NUL; Ctrl+letter relies on the
     * platform putting the control character in the event (X11 and Monocle do not always);
     * Ctrl+plus/minus is our font zoom. Handled here, before the widget sees the key.
     */
    private void installKeyFixes() {
        widget.getPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (e.getText().isEmpty() && (code.isModifierKey() || code == KeyCode.CAPS || code == KeyCode.NUM_LOCK
                    || code == KeyCode.SCROLL_LOCK || code == KeyCode.WINDOWS || code == KeyCode.CONTEXT_MENU)) {
                e.consume();
                return;
            }
            if (e.isControlDown() && !e.isShiftDown() && !e.isAltDown()) {
                if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
                    zoom(1);
                    e.consume();
                    return;
                }
                if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
                    zoom(-1);
                    e.consume();
                    return;
                }
                int control = controlByte(code);
                if (control > 0) {
                    send(new byte[] {(byte) control});
                    e.consume();
                }
            }
        });
        // A key-typed event after a control key we handled would send the letter again.
        widget.getPane().addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.isControlDown() && !e.isShiftDown() && !e.isAltDown() && !e.getCharacter().isEmpty()
                    && (Character.isLetter(e.getCharacter().charAt(0)) || "[\\]".indexOf(e.getCharacter().charAt(0)) >= 0
                    || e.getCharacter().charAt(0) < 0x20)) {
                e.consume();
            }
        });
    }

    /** Ctrl+A..Z → 1..26, Ctrl+[ → 27 (ESC), Ctrl+\ → 28, Ctrl+] → 29. */
    static int controlByte(KeyCode code) {
        if (code.isLetterKey()) {
            return code.getCode() - KeyCode.A.getCode() + 1;
        }
        return switch (code) {
            case OPEN_BRACKET -> 27;
            case BACK_SLASH -> 28;
            case CLOSE_BRACKET -> 29;
            default -> 0;
        };
    }

    private void send(byte[] bytes) {
        try {
            if (connector != null && connector.isConnected()) {
                connector.write(bytes);
            }
        } catch (IOException e) {
            LOG.info("Writing to {} failed: {}", title, e.getMessage());
        }
    }

    private void zoom(int step) {
        fontSize = Math.max(8, Math.min(36, fontSize + step));
        if (widget != null) {
            settings.setFontSize(fontSize);
            widget.refreshFont();
        }
        status.setText(messages.get("terminal.fontSize", (int) fontSize));
    }

    private void focus() {
        if (widget != null) {
            widget.getTerminalPanel().getCanvas().requestFocus();
        }
    }

    private void disposeWidget() {
        if (widget != null) {
            widget.stopIdleWatch();
            widget.close();
            widget = null;
        }
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }

    /** Closes the session and the widget's threads; the tab is gone or Vireo is closing. */
    public void close() {
        disposeWidget();
    }
}
