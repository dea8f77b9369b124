package org.vireo.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text below the UI — validation messages, refusals and failures that the services
 * report and the window or the command line shows — from {@code org/vireo/model/texts.properties}
 * (English first; a translation adds {@code texts_xx.properties}). Every value is a {@link MessageFormat}
 * pattern, with or without arguments (an apostrophe is written twice); pass numbers as text when they must
 * not be grouped.
 */
public final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.vireo.model.texts", Locale.getDefault());

    private Texts() {
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, BUNDLE.getLocale()).format(args);
    }
}
