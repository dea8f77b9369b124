package org.vireo.ui.common;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A short notice in the corner of the window for background work the user did not wait for (a bulk
 * action, a VM created after its wizard was closed, a clone): ControlsFX's notifications, which
 * take no focus and fade away by themselves.
 */
public final class Notices {

    private static final Duration SHOWN_FOR = Duration.seconds(6);

    private Notices() {
    }

    public static void done(Window owner, String title, String text) {
        create(owner, title, text).showInformation();
    }

    public static void failed(Window owner, String title, String text) {
        create(owner, title, text).showError();
    }

    /**
     * Like {@link #done} but only while the user is in another window: in this one the status bar
     * already says it, and a stack of notices would cover the dialogs opened next.
     */
    public static void doneElsewhere(Window owner, String title, String text) {
        if (owner == null || !owner.isFocused()) {
            done(owner, title, text);
        }
    }

    private static Notifications create(Window owner, String title, String text) {
        // One notice at a time: the newest replaces the ones still on screen rather than stacking
        // up the window's side, over whatever dialog comes next.
        return style(owner, Notifications.create().title(title).text(text))
                .threshold(1, style(owner, Notifications.create().title(title).text(text)));
    }

    private static Notifications style(Window owner, Notifications notice) {
        notice.position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN_FOR);
        if (Theme.isDark()) {
            notice.darkStyle();   // ControlsFX's own dark look: its light one has dark text that the dark theme cannot reach
        }
        if (owner != null && owner.isShowing()) {
            notice.owner(owner);
        }
        return notice;
    }
}
