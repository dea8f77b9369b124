package org.vireo.service;

import java.util.function.BiConsumer;

/**
 * The user's preferences as the UI reads them: answered from memory, saved in the background,
 * so reading or changing one never waits on disk.
 */
public interface Settings {

    boolean getBoolean(String key, boolean fallback);

    void putBoolean(String key, boolean value);

    int getInt(String key, int fallback);

    String getString(String key, String fallback);

    void putString(String key, String value);

    void putInt(String key, int value);

    /**
     * Who hears of a value that could not be saved ({@code key}, the cause in plain words), on the
     * store's thread: the value holds for this run, and the user is told it will not outlive it.
     */
    void onSaveFailed(BiConsumer<String, String> sink);
}
