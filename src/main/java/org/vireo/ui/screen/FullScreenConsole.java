package org.vireo.ui.screen;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.vireo.ui.common.Messages;

/**
 * A screen tab's view on the whole display: the guest's screen alone, and a bar that slides in when the pointer
 * touches the top edge (Leave full screen, Send key, Type clipboard, Screenshot) and goes again a moment after it
 * leaves. Escape belongs to the guest (the JavaFX exit key is off); F11, the bar's button and closing the window
 * leave. The main window is covered meanwhile, so it samples no statistics (its rows are not on screen).
 */
final class FullScreenConsole {

    private static final double EDGE = 4;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final ScrollPane screen;
    private final ToolBar bar;
    private final Runnable onLeft;
    private final PauseTransition hideBar = new PauseTransition(Duration.seconds(1.5));
    private final String tabStyle;
    private boolean left;

    FullScreenConsole(GraphicsConsoleTab tab, ScrollPane screen, Window owner, Messages messages, Runnable onLeft) {
        this.screen = screen;
        this.onLeft = onLeft;
        // Edge to edge: no frame, no focus ring around the guest's screen.
        tabStyle = screen.getStyle();
        screen.setStyle("-fx-padding: 0; -fx-background-insets: 0; -fx-background-color: black; -fx-focus-color: transparent;"
                + " -fx-faint-focus-color: transparent;");
        Button leave = new Button(messages.get("graphics.leaveFullScreen"));
        leave.setId("vnc-leaveFullScreen");
        leave.setOnAction(e -> leave());
        bar = new ToolBar(leave, tab.sendKeyMenu("vnc-full-sendKey"), tab.typeClipboardButton("vnc-full-typeClipboard"),
                tab.screenshotButton("vnc-full-screenshot"));
        bar.setId("vnc-fullScreenBar");
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        bar.setVisible(false);
        StackPane root = new StackPane(screen, bar);
        StackPane.setAlignment(bar, Pos.TOP_CENTER);
        root.getStyleClass().add("screen-pane");
        root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (e.getSceneY() <= EDGE || bar.isHover()) {
                bar.setVisible(true);
                hideBar.stop();
            } else if (bar.isVisible() && !bar.isHover()) {
                hideBar.playFromStart();
            }
        });
        hideBar.setOnFinished(e -> bar.setVisible(bar.isHover()));
        stage.setScene(new Scene(root));
        if (owner != null) {
            stage.initOwner(owner);
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.getScene().getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setTitle(tab.tab().getText());
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                leave();
            }
        });
        stage.setOnCloseRequest(e -> leave());
    }

    void enter() {
        stage.setFullScreen(true);
        stage.show();
    }

    /** Ctrl+Alt: keyboard and mouse come back to this desktop; the bar stays so the user can leave. */
    void releaseKeyboard() {
        bar.setVisible(true);
        bar.requestFocus();
    }

    void leave() {
        if (left) {
            return;
        }
        left = true;
        hideBar.stop();
        ((StackPane) stage.getScene().getRoot()).getChildren().remove(screen);
        screen.setStyle(tabStyle);
        stage.hide();
        onLeft.run();
    }

    Stage stage() {
        return stage;
    }
}
