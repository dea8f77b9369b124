package org.vireo.service.fleet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.service.Settings;
import org.vireo.store.PreferenceRepository;

/** Preferences answered from memory (loaded at start) and written to SQLite on the store's own thread. */
public final class StoredSettings implements Settings {

    private static final Logger LOG = LoggerFactory.getLogger(StoredSettings.class);

    private final Map<String, String> values;
    private final PreferenceRepository preferences;
    private final ExecutorService storeWriter;
    private volatile BiConsumer<String, String> saveFailed = (key, cause) -> { };

    public StoredSettings(Map<String, String> loaded, PreferenceRepository preferences, ExecutorService storeWriter) {
        this.values = new ConcurrentHashMap<>(loaded);
        this.preferences = preferences;
        this.storeWriter = storeWriter;
    }

    @Override
    public boolean getBoolean(String key, boolean fallback) {
        String value = values.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    @Override
    public void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    @Override
    public int getInt(String key, int fallback) {
        try {
            String value = values.get(key);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void putInt(String key, int value) {
        put(key, Integer.toString(value));
    }

    @Override
    public String getString(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    @Override
    public void putString(String key, String value) {
        put(key, value);
    }

    @Override
    public void onSaveFailed(BiConsumer<String, String> sink) {
        saveFailed = sink;
    }

    private void put(String key, String value) {
        values.put(key, value);
        if (storeWriter.isShutdown()) {
            LOG.debug("Preference {} changed while Vireo closes: not saved", key);
            return;
        }
        storeWriter.execute(() -> {
            try {
                preferences.put(key, value);
            } catch (RuntimeException e) {
                LOG.warn("Could not save the preference {}: {}", key, causeOf(e));
                saveFailed.accept(key, causeOf(e));
            }
        });
    }

    /** The innermost message: SQLite's own words ("database is locked", "attempt to write a readonly database" …). */
    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
