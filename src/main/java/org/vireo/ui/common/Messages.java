package org.vireo.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text, from {@code org/vireo/ui/messages.properties} (English first). Every value is a
 * {@link MessageFormat} pattern, with or without arguments: an apostrophe is written twice.
 */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle("org.vireo.ui.messages", locale);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
