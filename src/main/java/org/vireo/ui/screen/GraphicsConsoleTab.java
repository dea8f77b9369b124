package org.vireo.ui.screen;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.model.SpiceOnlyException;
import org.vireo.rfb.RfbClient;
import org.vireo.terminal.TerminalService.GraphicsConnection;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.FxBatchQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * A VM's screen in a tab, over VNC. Frames reach the FX thread in batches: the reader thread
 * only marks the framebuffer changed, and the FX thread copies the changed region into one
 * {@link WritableImage} per batch, however many updates arrived meanwhile. While the screen has
 * focus every key goes to the guest (Tab and shortcuts included); Ctrl+Alt gives them back, F11
 * toggles full screen. With "Share clipboard" on, the desktop's text goes to the guest when the
 * user clicks into its screen and the guest's copied text comes to the desktop; "Type clipboard"
 * types the desktop's text as key strokes.
 */
public final class GraphicsConsoleTab {

    private final Tab tab = new Tab();
    private final Messages messages;
    private final Function<RfbClient.Quality, CompletableFuture<GraphicsConnection>> connector;
    private final BiFunction<GraphicsConnection, Path, CompletableFuture<Void>> screenshots;
    private final ImageView screen = new ImageView();
    private final StackPane screenPane = new StackPane(screen);
    private final ScrollPane scroller = new ScrollPane(screenPane);
    private final Label message = new Label();
    private final Label status = new Label();
    private final ToggleButton fit;
    private final ToggleButton shareClipboard;
    private final ChoiceBox<RfbClient.Quality> quality = new ChoiceBox<>();
    private final Button reconnect;
    private final Button openViewer;
    private final BorderPane root;
    /** The last text that crossed the clipboard either way: not sent back where it came from. */
    private String clipboardSeen;
    private FullScreenConsole fullScreen;
    private final ServiceCalls calls = ServiceCalls.on(null);
    private final FxBatchQueue<Boolean> frames = new FxBatchQueue<>(batch -> applyFrame());
    private final Map<KeyCode, Integer> held = new EnumMap<>(KeyCode.class);
    private GraphicsConnection connection;
    /** Whether a screen is connected: the tools that act on one are off without it (a SPICE-only VM, a closed display). */
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private WritableImage image;
    private int buttons;
    private boolean closed;
    private long framesApplied;

    /**
     * @param connector   connects with the chosen quality
     * @param screenshots saves the screen to a file
     * @param viewer      opens the VM in the external viewer, offered when its only display is SPICE
     */
    public GraphicsConsoleTab(String title, Messages messages, Function<RfbClient.Quality, CompletableFuture<GraphicsConnection>> connector,
                              BiFunction<GraphicsConnection, Path, CompletableFuture<Void>> screenshots, Runnable viewer) {
        this.messages = messages;
        this.connector = connector;
        this.screenshots = screenshots;
        tab.setText(title);

        fit = new ToggleButton(messages.get("graphics.fit"));
        fit.setId("vnc-fit");
        fit.setSelected(true);
        fit.selectedProperty().addListener((obs, was, now) -> updateScale());
        MenuButton sendKey = sendKeyMenu("vnc-sendKey");
        Button screenshot = screenshotButton("vnc-screenshot");
        shareClipboard = new ToggleButton(messages.get("graphics.clipboard"));
        shareClipboard.setId("vnc-clipboard");
        shareClipboard.setSelected(true);
        shareClipboard.setTooltip(new Tooltip(messages.get("graphics.clipboard.tip")));
        Button typeClipboard = typeClipboardButton("vnc-typeClipboard");
        quality.setId("vnc-quality");
        quality.getItems().setAll(RfbClient.Quality.values());
        quality.setValue(RfbClient.Quality.AUTO);
        quality.setConverter(new DisplayConverter<>(q -> messages.get("graphics.quality." + q.name())));
        quality.setTooltip(new Tooltip(messages.get("graphics.quality.tip")));
        quality.valueProperty().addListener((obs, was, now) -> {
            if (connection != null) {
                connection.close();
                setConnection(null);
            }
            connect();
        });
        Label qualityLabel = new Label(messages.get("graphics.quality"));
        qualityLabel.setLabelFor(quality);
        Button full = new Button(messages.get("graphics.fullScreen"));
        full.setId("vnc-fullScreen");
        full.setTooltip(new Tooltip(messages.get("graphics.fullScreen.tip")));
        full.setOnAction(e -> toggleFullScreen());
        reconnect = new Button(messages.get("graphics.reconnect"));
        reconnect.setId("vnc-reconnect");
        reconnect.setOnAction(e -> connect());
        reconnect.setVisible(false);
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        status.setId("vnc-status");
        for (Node tool : List.of(full, sendKey, typeClipboard, screenshot)) {
            tool.disableProperty().bind(connected.not());
        }
        ToolBar bar = new ToolBar(fit, full, sendKey, typeClipboard, shareClipboard, screenshot, qualityLabel, quality, reconnect);
        // The status line stays outside the tool bar: an overflowing tool bar must never hide it.
        status.setPadding(new Insets(2, 8, 2, 8));
        status.setMaxWidth(Double.MAX_VALUE);

        screen.setId("vnc-screen");
        screen.setPreserveRatio(true);
        screen.setSmooth(true);
        screen.setFocusTraversable(true);
        screen.setAccessibleText(title);
        screen.setCursor(Cursor.NONE);
        message.setId("vnc-message");
        message.setWrapText(true);
        message.setPadding(new Insets(16));
        message.setMaxWidth(560);
        openViewer = new Button(messages.get("graphics.openViewer"));
        openViewer.setId("vnc-openViewer");
        openViewer.setTooltip(new Tooltip(messages.get("graphics.openViewer.tip")));
        openViewer.setOnAction(e -> viewer.run());
        openViewer.setVisible(false);
        openViewer.managedProperty().bind(openViewer.visibleProperty());
        VBox notice = new VBox(8, message, openViewer);
        notice.setAlignment(Pos.CENTER);
        notice.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        notice.visibleProperty().bind(message.visibleProperty());
        screenPane.getChildren().add(notice);
        screenPane.getStyleClass().add("screen-pane");
        message.getStyleClass().add("screen-message");
        scroller.setId("vnc-scroller");
        scroller.setFocusTraversable(false);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> updateScale());

        screen.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        screen.addEventFilter(KeyEvent.KEY_RELEASED, this::keyReleased);
        screen.addEventFilter(KeyEvent.KEY_TYPED, KeyEvent::consume);
        screen.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                releaseHeldKeys();
            } else {
                offerClipboard();
            }
            updateStatus();
        });
        screen.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            e.consume();   // the scroll pane would take the focus for itself
            screen.requestFocus();
            pointer(e, buttons | mask(e.getButton()));
        });
        screen.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> pointer(e, buttons & ~mask(e.getButton())));
        screen.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer(e, buttons));
        screen.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pointer(e, buttons));
        screen.addEventHandler(ScrollEvent.SCROLL, e -> {
            int wheel = e.getDeltaY() > 0 ? 8 : e.getDeltaY() < 0 ? 16 : 0;
            if (wheel != 0) {
                sendPointer(e.getX(), e.getY(), buttons | wheel);
                sendPointer(e.getX(), e.getY(), buttons);
            }
        });

        root = new BorderPane(scroller);
        root.setTop(bar);
        root.setBottom(status);
        tab.setContent(root);
        connect();
    }

    public Tab tab() {
        return tab;
    }

    /** The image shown (tests compare it with the server's own screenshot). */
    public WritableImage image() {
        return image;
    }

    public String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    /** How many batches of frames reached the screen. */
    public long framesApplied() {
        return framesApplied;
    }

    public void close() {
        closed = true;
        if (fullScreen != null) {
            fullScreen.leave();
        }
        if (connection != null) {
            connection.close();
            setConnection(null);
        }
    }

    private void connect() {
        reconnect.setVisible(false);
        show(messages.get("graphics.connecting", tab.getText()));
        RfbClient.Quality chosen = quality.getValue();
        openViewer.setVisible(false);
        calls.run(() -> connector.apply(chosen)).onFailureCause(cause -> {
            show(FailureText.reason(cause));
            openViewer.setVisible(cause instanceof SpiceOnlyException);
            reconnect.setVisible(true);
        }).onSuccess(opened -> {
            if (closed) {
                opened.close();
                return;
            }
            setConnection(opened);
            opened.client().start(new RfbClient.Listener() {
                @Override
                public void frameUpdated() {
                    frames.post(Boolean.TRUE);
                }

                @Override
                public void bell() {
                    // A bell is not worth a sound from a background tab.
                }

                @Override
                public void cutText(String text) {
                    calls.post(() -> receiveClipboard(text));
                }

                @Override
                public void cursor(int[] argb, int w, int h, int hotX, int hotY) {
                    calls.post(() -> showCursor(argb, w, h, hotX, hotY));
                }

                @Override
                public void closed(Optional<Exception> failure) {
                    calls.post(() -> onClosed(opened, failure));
                }
            });
        }).start();
    }

    private void setConnection(GraphicsConnection now) {
        connection = now;
        connected.set(now != null);
    }

    private void onClosed(GraphicsConnection which, Optional<Exception> failure) {
        if (which != connection || closed) {
            return;
        }
        connection.close();
        setConnection(null);
        show(failure.map(e -> messages.get("graphics.closedWithError", e.getMessage())).orElse(messages.get("graphics.closed")));
        reconnect.setVisible(true);
    }

    /** On the FX thread: copies what changed since the last batch into the image. */
    private void applyFrame() {
        GraphicsConnection current = connection;
        if (current == null) {
            return;
        }
        current.client().framebuffer().takeDirty((pixels, width, height, x, y, w, h, resized) -> {
            if (image == null || resized || (int) image.getWidth() != width || (int) image.getHeight() != height) {
                image = new WritableImage(width, height);
                screen.setImage(image);
                updateScale();
            }
            image.getPixelWriter().setPixels(x, y, w, h, PixelFormat.getIntArgbInstance(), pixels, y * width + x, width);
        });
        framesApplied++;
        if (message.isVisible()) {
            message.setVisible(false);
            updateStatus();
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
        updateStatus();
    }

    private void updateScale() {
        if (fit.isSelected()) {
            // Shrunk to fit, never blown up: a small screen stays sharp (and cheap to redraw) at 1:1.
            double width = image == null ? Double.MAX_VALUE : image.getWidth();
            double height = image == null ? Double.MAX_VALUE : image.getHeight();
            screen.setFitWidth(Math.max(1, Math.min(width, scroller.getViewportBounds().getWidth())));
            screen.setFitHeight(Math.max(1, Math.min(height, scroller.getViewportBounds().getHeight())));
        } else {
            screen.setFitWidth(0);
            screen.setFitHeight(0);
        }
        scroller.setFitToWidth(fit.isSelected());
        scroller.setFitToHeight(fit.isSelected());
    }

    private void updateStatus() {
        status.setText(message.isVisible() ? "" : screen.isFocused() ? messages.get("graphics.grabbed") : messages.get("graphics.hint"));
    }

    private void keyPressed(KeyEvent e) {
        e.consume();
        if ((e.getCode() == KeyCode.ALT && e.isControlDown()) || (e.getCode() == KeyCode.CONTROL && e.isAltDown())) {
            releaseHeldKeys();
            if (fullScreen != null) {
                fullScreen.releaseKeyboard();
            } else {
                tab.getTabPane().requestFocus();   // gives keyboard and mouse back
            }
            return;
        }
        if (e.getCode() == KeyCode.F11 && !e.isControlDown() && !e.isAltDown() && !e.isShiftDown()) {
            toggleFullScreen();
            return;
        }
        int keysym = held.containsKey(e.getCode()) ? held.get(e.getCode()) : KeySymbols.of(e);
        if (keysym != 0) {
            held.put(e.getCode(), keysym);
            sendKey(keysym, true);
        }
    }

    private void keyReleased(KeyEvent e) {
        e.consume();
        Integer keysym = held.remove(e.getCode());
        if (keysym != null) {
            sendKey(keysym, false);
        }
    }

    private void releaseHeldKeys() {
        held.values().forEach(keysym -> sendKey(keysym, false));
        held.clear();
    }

    /** Send key's menu (one per tool bar: a menu item lives in one menu). */
    MenuButton sendKeyMenu(String id) {
        MenuButton sendKey = new MenuButton(messages.get("graphics.sendKey"));
        sendKey.setId(id);
        sendKey.getItems().add(combination("Ctrl+Alt+Del", KeySymbols.CONTROL_L, KeySymbols.ALT_L, KeySymbols.DELETE));
        for (int i = 0; i < 12; i++) {
            sendKey.getItems().add(combination("Ctrl+Alt+F" + (i + 1), KeySymbols.CONTROL_L, KeySymbols.ALT_L, KeySymbols.F1 + i));
        }
        sendKey.getItems().add(combination("PrintScreen", KeySymbols.PRINT));
        return sendKey;
    }

    Button typeClipboardButton(String id) {
        Button type = new Button(messages.get("graphics.typeClipboard"));
        type.setId(id);
        type.setTooltip(new Tooltip(messages.get("graphics.typeClipboard.tip")));
        type.setOnAction(e -> typeClipboard(type.getScene().getWindow()));
        return type;
    }

    Button screenshotButton(String id) {
        Button screenshot = new Button(messages.get("graphics.screenshot"));
        screenshot.setId(id);
        screenshot.setOnAction(e -> saveScreenshot());
        return screenshot;
    }

    /** Above this many characters typing asks first: a wrong window's clipboard could be a whole document. */
    static final int TYPE_WITHOUT_ASKING = 200;

    /** Types the desktop clipboard's text into the guest as key strokes, asking first when it is long. */
    void typeClipboard(Window owner) {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isEmpty()) {
            status.setText(messages.get("graphics.typeClipboard.empty"));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > TYPE_WITHOUT_ASKING) {
            String start = text.substring(0, text.offsetByCodePoints(0, Math.min(60, length))).replaceAll("\\s+", " ");
            if (!Dialogs.confirm(owner, "typeClipboardDialog", messages.get("graphics.typeClipboard.title"),
                    messages.get("graphics.typeClipboard.header", length), messages.get("graphics.typeClipboard.text", length, start + "…"),
                    messages.get("graphics.typeClipboard.ok"))) {
                return;
            }
        }
        int[] skipped = {0};
        text.replace("\r\n", "\n").codePoints().forEach(cp -> KeySymbols.forCharacter(cp).ifPresentOrElse(typed -> {
            if (typed.shift()) {
                sendKey(KeySymbols.SHIFT_L, true);
            }
            sendKey(typed.keysym(), true);
            sendKey(typed.keysym(), false);
            if (typed.shift()) {
                sendKey(KeySymbols.SHIFT_L, false);
            }
        }, () -> skipped[0]++));
        status.setText(skipped[0] == 0 ? messages.get("graphics.typeClipboard.typed", length - skipped[0])
                : messages.get("graphics.typeClipboard.skipped", length - skipped[0], skipped[0]));
    }

    /** The screen took the focus: the desktop's text, if new, goes to the guest's clipboard. */
    private void offerClipboard() {
        GraphicsConnection current = connection;
        if (current == null || !shareClipboard.isSelected()) {
            return;
        }
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.equals(clipboardSeen)) {
            clipboardSeen = text;
            current.client().cutText(text);
        }
    }

    /** The guest copied text: it goes onto the desktop's clipboard. */
    private void receiveClipboard(String text) {
        if (!shareClipboard.isSelected() || closed || text.equals(clipboardSeen)) {
            return;
        }
        clipboardSeen = text;
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The guest's pointer shape, drawn by this desktop so it follows the mouse at once; none when it is empty. */
    private void showCursor(int[] argb, int w, int h, int hotX, int hotY) {
        if (w == 0 || h == 0) {
            screen.setCursor(Cursor.NONE);
            return;
        }
        WritableImage shape = new WritableImage(w, h);
        shape.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        screen.setCursor(new ImageCursor(shape, hotX, hotY));
    }

    /** F11 and the button: the screen alone on the whole display, and back. */
    void toggleFullScreen() {
        if (fullScreen != null) {
            fullScreen.leave();
            return;
        }
        Window owner = tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow();
        root.setCenter(null);
        fullScreen = new FullScreenConsole(this, scroller, owner, messages, () -> {
            fullScreen = null;
            root.setCenter(scroller);
            updateScale();
            screen.requestFocus();
        });
        fullScreen.enter();
        updateScale();
        screen.requestFocus();
    }

    /** Whether the screen is shown full screen (tests). */
    public boolean isFullScreen() {
        return fullScreen != null;
    }

    /** The full-screen window while it is shown (tests). */
    public Optional<Stage> fullScreenStage() {
        return Optional.ofNullable(fullScreen).map(FullScreenConsole::stage);
    }

    private MenuItem combination(String label, int... keysyms) {
        MenuItem item = new MenuItem(label);
        item.setId("vnc-send-" + label.replace('+', '-'));
        item.setOnAction(e -> {
            for (int keysym : keysyms) {
                sendKey(keysym, true);
            }
            for (int i = keysyms.length - 1; i >= 0; i--) {
                sendKey(keysyms[i], false);
            }
        });
        return item;
    }

    private static int mask(MouseButton button) {
        return switch (button) {
            case PRIMARY -> 1;
            case MIDDLE -> 2;
            case SECONDARY -> 4;
            default -> 0;
        };
    }

    private void pointer(MouseEvent e, int newButtons) {
        buttons = newButtons;
        sendPointer(e.getX(), e.getY(), newButtons);
    }

    /** View coordinates to framebuffer pixels: the image may be scaled to fit. */
    private void sendPointer(double viewX, double viewY, int mask) {
        GraphicsConnection current = connection;
        if (current == null || image == null) {
            return;
        }
        double shownWidth = screen.getBoundsInLocal().getWidth();
        double shownHeight = screen.getBoundsInLocal().getHeight();
        int x = (int) (viewX * image.getWidth() / Math.max(1, shownWidth));
        int y = (int) (viewY * image.getHeight() / Math.max(1, shownHeight));
        current.client().pointer(mask, x, y);   // queued: never waits on the network
    }

    /** Sent by the FX thread: a few bytes to a socket buffer, never a wait on the guest. */
    private void sendKey(int keysym, boolean down) {
        GraphicsConnection current = connection;
        if (current == null) {
            return;
        }
        current.client().key(keysym, down);   // queued: never waits on the network
    }

    private void saveScreenshot() {
        GraphicsConnection current = connection;
        if (current == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(tab.getText().replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(tab.getTabPane().getScene().getWindow());
        if (file != null) {
            saveScreenshot(file.toPath());
        }
    }

    /** Writes the screen to a PNG file off the FX thread; the status line says when it is there. */
    public CompletableFuture<Void> saveScreenshot(Path file) {
        GraphicsConnection current = connection;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        CompletableFuture<Void> saved = screenshots.apply(current, file);
        calls.run(() -> saved)
                .onSuccess(ok -> status.setText(messages.get("graphics.screenshot.saved", file.getFileName())))
                .onFailureCause(error -> status.setText(FailureText.of(error)))
                .start();
        return saved;
    }

    /** Whether Reconnect is offered (the connection ended or never came). */
    public boolean canReconnect() {
        return reconnect.isVisible();
    }
}
