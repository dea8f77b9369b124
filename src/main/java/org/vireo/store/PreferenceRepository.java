package org.vireo.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vireo.model.Texts;

/** Key/value preferences and remembered UI state (window geometry, split positions). */
public final class PreferenceRepository {

    private final Database db;

    public PreferenceRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.withConnection(Texts.get("store.op.readPreference", key), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement("SELECT value FROM preference WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public Map<String, String> getAll() {
        return db.withConnection(Texts.get("store.op.readPreferences"), jdbc -> {
            Map<String, String> all = new HashMap<>();
            try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM preference")) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getString(2));
                }
            }
            return all;
        });
    }

    /** Writes all entries in one transaction. */
    public void putAll(Map<String, String> entries) {
        db.inTransaction(Texts.get("store.op.savePreferences"), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(
                    "INSERT INTO preference(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                // One update each, not a batch: a batch that hits a full disk lost SQLite's reason (only the
                // commit's "no transaction is active" came out), a single update throws SQLITE_FULL itself.
                int written = 0;
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    written += ps.executeUpdate();
                }
                return written;
            }
        });
    }

    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }
}
