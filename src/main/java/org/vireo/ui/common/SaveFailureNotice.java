package org.vireo.ui.common;

import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Tells the user that a preference (a setting, the window's place, a terminal profile) could not be saved,
 * with SQLite's reason: it holds until Vireo closes. Said once per burst of failures (a locked or full
 * database fails every save in a row), from any thread.
 */
public final class SaveFailureNotice {

    private static final long QUIET_MILLIS = 30_000;

    private final Messages messages;
    private final Supplier<Window> owner;
    private final ServiceCalls calls;
    private long lastShown;

    public SaveFailureNotice(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
        this.calls = ServiceCalls.on(null);
    }

    /** From any thread: a value under {@code key} could not be saved, because of {@code cause}. */
    public void failed(String key, String cause) {
        calls.post(() -> {
            long now = System.currentTimeMillis();
            if (now - lastShown >= QUIET_MILLIS) {
                lastShown = now;
                Notices.failed(owner.get(), messages.get("settings.saveFailed.title"), messages.get("settings.saveFailed", cause));
            }
        });
    }
}
