package org.vireo.ui.common;

import java.util.Locale;
import org.vireo.model.TextBundle;

/** The window's user-visible text, from {@code org/vireo/ui/messages.properties} (English first). */
public final class Messages {

    private final TextBundle bundle;

    public Messages(Locale locale) {
        this.bundle = new TextBundle("org.vireo.ui.messages", locale);
    }

    public String get(String key, Object... args) {
        return bundle.get(key, args);
    }
}
