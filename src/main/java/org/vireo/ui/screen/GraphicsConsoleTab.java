package org.vireo.ui.screen;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.vireo.rfb.RfbClient;
import org.vireo.terminal.TerminalService.GraphicsConnection;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.FxBatchQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * A VM's screen in a tab, over VNC. Frames reach the FX thread in batches: the reader thread
 * only marks the framebuffer changed, and the FX thread copies the changed region into one
 * {@link WritableImage} per batch, however many updates arrived meanwhile. While the screen has
 * focus every key goes to the guest (Tab and shortcuts included); Ctrl+Alt gives them back.
 */
public final class GraphicsConsoleTab {

    private final Tab tab = new Tab();
    private final Messages messages;
    private final Supplier<CompletableFuture<GraphicsConnection>> connector;
    private final BiFunction<GraphicsConnection, Path, CompletableFuture<Void>> screenshots;
    private final ImageView screen = new ImageView();
    private final StackPane screenPane = new StackPane(screen);
    private final ScrollPane scroller = new ScrollPane(screenPane);
    private final Label message = new Label();
    private final Label status = new Label();
    private final ToggleButton fit;
    private final Button reconnect;
    private final ServiceCalls calls = ServiceCalls.on(null);
    private final FxBatchQueue<Boolean> frames = new FxBatchQueue<>(batch -> applyFrame());
    private final Map<KeyCode, Integer> held = new EnumMap<>(KeyCode.class);
    private GraphicsConnection connection;
    private WritableImage image;
    private int buttons;
    private boolean closed;
    private long framesApplied;

    public GraphicsConsoleTab(String title, Messages messages, Supplier<CompletableFuture<GraphicsConnection>> connector,
                              BiFunction<GraphicsConnection, Path, CompletableFuture<Void>> screenshots) {
        this.messages = messages;
        this.connector = connector;
        this.screenshots = screenshots;
        tab.setText(title);

        fit = new ToggleButton(messages.get("graphics.fit"));
        fit.setId("vnc-fit");
        fit.setSelected(true);
        fit.selectedProperty().addListener((obs, was, now) -> updateScale());
        MenuButton sendKey = new MenuButton(messages.get("graphics.sendKey"));
        sendKey.setId("vnc-sendKey");
        sendKey.getItems().add(combination("Ctrl+Alt+Del", KeySymbols.CONTROL_L, KeySymbols.ALT_L, KeySymbols.DELETE));
        for (int i = 0; i < 12; i++) {
            sendKey.getItems().add(combination("Ctrl+Alt+F" + (i + 1), KeySymbols.CONTROL_L, KeySymbols.ALT_L, KeySymbols.F1 + i));
        }
        sendKey.getItems().add(combination("PrintScreen", KeySymbols.PRINT));
        Button screenshot = new Button(messages.get("graphics.screenshot"));
        screenshot.setId("vnc-screenshot");
        screenshot.setOnAction(e -> saveScreenshot());
        reconnect = new Button(messages.get("graphics.reconnect"));
        reconnect.setId("vnc-reconnect");
        reconnect.setOnAction(e -> connect());
        reconnect.setVisible(false);
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        status.setId("vnc-status");
        ToolBar bar = new ToolBar(fit, sendKey, screenshot, reconnect);
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
        screenPane.getChildren().add(message);
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

        BorderPane root = new BorderPane(scroller);
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
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void connect() {
        reconnect.setVisible(false);
        show(messages.get("graphics.connecting", tab.getText()));
        calls.run(connector).onFailure(reason -> {
            show(reason);
            reconnect.setVisible(true);
        }).onSuccess(opened -> {
            if (closed) {
                opened.close();
                return;
            }
            connection = opened;
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
                public void closed(Optional<Exception> failure) {
                    calls.post(() -> onClosed(opened, failure));
                }
            });
        }).start();
    }

    private void onClosed(GraphicsConnection which, Optional<Exception> failure) {
        if (which != connection || closed) {
            return;
        }
        connection.close();
        connection = null;
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
            tab.getTabPane().requestFocus();   // gives keyboard and mouse back
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
