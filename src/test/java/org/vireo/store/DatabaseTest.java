package org.vireo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.SavedConnection;

/** The store on a real SQLite file. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesANewFileAndKeepsDataAcrossReopen() {
        Path file = dir.resolve("sub/vireo.db");
        try (Database db = Database.open(file)) {
            assertEquals(2, db.schemaVersion());
            ConnectionRepository repo = new ConnectionRepository(db);
            SavedConnection a = repo.add("Lab 1", "qemu+ssh://root@lab1/system", true);
            repo.add("Local", "qemu:///system", false);
            repo.markConnected(a.id(), Instant.ofEpochMilli(1_700_000_000_000L));
            new PreferenceRepository(db).putAll(Map.of("window.width", "1000", "theme", "dark"));
        }
        try (Database db = Database.open(file)) {
            assertEquals(2, db.schemaVersion(), "no migration runs twice");
            List<SavedConnection> all = new ConnectionRepository(db).findAll();
            assertEquals(List.of("Lab 1", "Local"), all.stream().map(SavedConnection::name).toList());
            assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), all.get(0).lastConnected().orElseThrow());
            assertTrue(all.get(1).lastConnected().isEmpty());
            assertEquals(false, all.get(1).autoconnect());
            PreferenceRepository prefs = new PreferenceRepository(db);
            assertEquals("dark", prefs.get("theme").orElseThrow());
            prefs.put("theme", "light");
            assertEquals("light", prefs.get("theme").orElseThrow());
            new ConnectionRepository(db).remove(all.get(0).id());
            assertEquals(1, new ConnectionRepository(db).findAll().size());
        }
    }

    @Test
    void refusesADatabaseFromANewerVireo() throws Exception {
        Path file = dir.resolve("future.db");
        Database.open(file).close();
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            jdbc.createStatement().execute("INSERT INTO schema_version(version, applied_at) VALUES (99, 0)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getCause().getMessage().contains("newer than this Vireo knows"), e.getCause().getMessage());
    }

    @Test
    void textIsStoredAsGivenNotInterpreted() {
        try (Database db = Database.open(dir.resolve("x.db"))) {
            ConnectionRepository repo = new ConnectionRepository(db);
            String name = "Robert'); DROP TABLE connection;--";
            repo.add(name, "test:///default", true);
            assertEquals(name, repo.findAll().get(0).name());
        }
    }
}
