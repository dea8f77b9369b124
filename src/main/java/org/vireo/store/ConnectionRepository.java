package org.vireo.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vireo.model.SavedConnection;
import org.vireo.model.Texts;

/** Saved hypervisor connections. */
public final class ConnectionRepository {

    private final Database db;

    public ConnectionRepository(Database db) {
        this.db = db;
    }

    public List<SavedConnection> findAll() {
        return db.withConnection(Texts.get("store.op.listConnections"), jdbc -> {
            List<SavedConnection> all = new ArrayList<>();
            try (Statement st = jdbc.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT id, name, uri, autoconnect, created_at, last_connected FROM connection ORDER BY id")) {
                while (rs.next()) {
                    long last = rs.getLong(6);
                    Optional<Instant> lastConnected = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
                    all.add(new SavedConnection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
                            Instant.ofEpochMilli(rs.getLong(5)), lastConnected));
                }
            }
            return all;
        });
    }

    public SavedConnection add(String name, String uri, boolean autoconnect) {
        Instant now = Instant.now();
        long id = db.withConnection(Texts.get("store.op.saveConnection", name), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(
                    "INSERT INTO connection(name, uri, autoconnect, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, uri);
                ps.setInt(3, autoconnect ? 1 : 0);
                ps.setLong(4, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new SavedConnection(id, name, uri, autoconnect, now, Optional.empty());
    }

    public void markConnected(long id, Instant when) {
        db.withConnection(Texts.get("store.op.connectionTime"), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement("UPDATE connection SET last_connected = ? WHERE id = ?")) {
                ps.setLong(1, when.toEpochMilli());
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    public void update(long id, String name, String uri, boolean autoconnect) {
        db.withConnection(Texts.get("store.op.updateConnection", name), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement("UPDATE connection SET name = ?, uri = ?, autoconnect = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setString(2, uri);
                ps.setInt(3, autoconnect ? 1 : 0);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    public void remove(long id) {
        db.withConnection(Texts.get("store.op.removeConnection"), jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement("DELETE FROM connection WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }
}
