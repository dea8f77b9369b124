package org.vireo.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One message bundle: every value a {@link MessageFormat} pattern, with or without arguments (an
 * apostrophe is written twice); a missing key shows as {@code !key!} rather than failing. The window's
 * texts and the services' texts are two of these.
 */
public final class TextBundle {

    private final ResourceBundle bundle;

    public TextBundle(String baseName, Locale locale) {
        this.bundle = ResourceBundle.getBundle(baseName, locale);
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
