package org.vireo.model;

import java.util.Locale;

/**
 * The user-visible text below the UI — validation messages, refusals and failures that the services
 * report and the window or the command line shows — from {@code org/vireo/model/texts.properties}
 * (English first; a translation adds {@code texts_xx.properties}). Pass numbers as text when they must
 * not be grouped.
 */
public final class Texts {

    private static final TextBundle BUNDLE = new TextBundle("org.vireo.model.texts", Locale.getDefault());

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return BUNDLE.get(key, args);
    }
}
