package org.vireo.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vireo.model.Texts;

/** Tags kept by Vireo itself, keyed by node URI and domain UUID, for domains that cannot carry their own. */
public final class TagRepository {

    private final Database db;

    public TagRepository(Database db) {
        this.db = db;
    }

    /** Every stored tag: "nodeUri uuid" → tags. */
    public Map<String, List<String>> findAll() {
        return db.withConnection(Texts.get("store.op.readTags"), jdbc -> {
            Map<String, List<String>> all = new HashMap<>();
            try (Statement st = jdbc.createStatement();
                 ResultSet rs = st.executeQuery("SELECT node_uri, uuid, tag FROM vm_tag ORDER BY tag")) {
                while (rs.next()) {
                    all.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
            return all;
        });
    }

    public void replace(String nodeUri, String uuid, List<String> tags) {
        db.inTransaction(Texts.get("store.op.storeTags"), jdbc -> {
            try (PreparedStatement delete = jdbc.prepareStatement("DELETE FROM vm_tag WHERE node_uri = ? AND uuid = ?");
                 PreparedStatement insert = jdbc.prepareStatement("INSERT OR IGNORE INTO vm_tag(node_uri, uuid, tag) VALUES (?, ?, ?)")) {
                delete.setString(1, nodeUri);
                delete.setString(2, uuid);
                delete.executeUpdate();
                for (String tag : tags) {
                    insert.setString(1, nodeUri);
                    insert.setString(2, uuid);
                    insert.setString(3, tag);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    public static String key(String nodeUri, String uuid) {
        return nodeUri + " " + uuid;
    }
}
