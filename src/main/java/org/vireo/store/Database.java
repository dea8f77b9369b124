package org.vireo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.PrivateFiles;
import org.vireo.model.Texts;

/**
 * Vireo's SQLite file. One JDBC connection, used by one thread at a time (calls are
 * synchronized); the schema is brought up to date on open by numbered migrations recorded in
 * {@code schema_version}, each applied in its own transaction.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Append only: a released migration is never edited, a change is a new entry. */
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE connection (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                name           TEXT    NOT NULL,
                uri            TEXT    NOT NULL,
                autoconnect    INTEGER NOT NULL DEFAULT 1,
                created_at     INTEGER NOT NULL,
                last_connected INTEGER
            );
            CREATE TABLE preference (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """,
            // Tags of VMs whose domain XML cannot hold them (read-only connections, drivers without metadata).
            """
            CREATE TABLE vm_tag (
                node_uri TEXT NOT NULL,
                uuid     TEXT NOT NULL,
                tag      TEXT NOT NULL,
                PRIMARY KEY (node_uri, uuid, tag)
            );
            """);

    private Connection jdbc;
    private final Path file;

    private Database(Path file, Connection jdbc) {
        this.file = file;
        this.jdbc = jdbc;
    }

    public static Database open(Path file) {
        try {
            Database db = new Database(file, connect(file));
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException(Texts.get("store.open", file), e);
        }
    }

    /**
     * A database in memory, for a run whose file cannot be used (damaged, locked, read-only, disk
     * full): the window and the command line still work, nothing is written to disk.
     */
    public static Database inMemory(Path file) {
        try {
            Database db = new Database(file, DriverManager.getConnection("jdbc:sqlite::memory:"));
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new StoreException(Texts.get("store.open", ":memory:"), e);
        }
    }

    private static Connection connect(Path file) throws IOException, SQLException {
        // 0600 before SQLite opens it: its WAL and shared-memory files take the database file's mode.
        PrivateFiles.file(file);
        Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = jdbc.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("PRAGMA busy_timeout=5000");
        } catch (SQLException e) {
            jdbc.close();
            throw e;
        }
        return jdbc;
    }

    /**
     * Moves the damaged file aside as {@code vireo.db.broken-DATE} (with its -wal and -shm files) and
     * goes on with a new, empty file at the same place; what this run kept in memory is not carried
     * over. Returns where the damaged file now is. Blocking: call on the store's thread.
     */
    public synchronized Path replaceWithFresh() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        Path broken = file.resolveSibling(file.getFileName() + ".broken-" + stamp);
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path part = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(part)) {
                    Files.move(part, file.resolveSibling(broken.getFileName() + suffix));
                }
            }
            Connection fresh = connect(file);
            jdbc.close();
            jdbc = fresh;
            migrate();
            LOG.warn("Started a fresh database at {}; the damaged one is kept as {}", file, broken);
            return broken;
        } catch (SQLException | IOException e) {
            throw new StoreException(Texts.get("store.fresh", file), e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        try (Statement st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException(Texts.get("store.schemaVersion"), e);
        }
    }

    private synchronized void migrate() throws SQLException {
        try (Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
        }
        int current = schemaVersion();
        if (current > MIGRATIONS.size()) {
            throw new SQLException(Texts.get("store.newerSchema", file, String.valueOf(current), String.valueOf(MIGRATIONS.size())));
        }
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            jdbc.setAutoCommit(false);
            try (Statement st = jdbc.createStatement()) {
                for (String sql : MIGRATIONS.get(version - 1).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = jdbc.prepareStatement(
                        "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setLong(2, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                jdbc.commit();
                LOG.info("Database {} migrated to schema version {}", file, version);
            } catch (SQLException e) {
                jdbc.rollback();
                throw e;
            } finally {
                jdbc.setAutoCommit(true);
            }
        }
    }

    /** Runs {@code work} with exclusive use of the JDBC connection. */
    synchronized <T> T withConnection(String what, SqlWork<T> work) {
        try {
            return work.run(jdbc);
        } catch (SQLException e) {
            if (diskFull()) {
                // SQLite rolls back on a full disk, and the driver then reports only the commit's
                // "no transaction is active": the file system's free space says what happened.
                LOG.warn("{} failed on a full disk: {}", what, e.getMessage());
                throw new StoreException(Texts.get("store.failed", what), new SQLException(Texts.get("store.diskFull", file)));
            }
            throw new StoreException(Texts.get("store.failed", what), e);
        }
    }

    /** Less than a mebibyte free where the database lives (an in-memory one never is full). */
    private boolean diskFull() {
        if (file == null) {
            return false;
        }
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < 1 << 20;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code work} in one transaction: all of it lands, or none. */
    synchronized <T> T inTransaction(String what, SqlWork<T> work) {
        return withConnection(what, jdbc -> {
            jdbc.setAutoCommit(false);
            try {
                T result = work.run(jdbc);
                jdbc.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                jdbc.rollback();
                throw e;
            } finally {
                jdbc.setAutoCommit(true);
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection jdbc) throws SQLException;
    }

    @Override
    public synchronized void close() {
        try {
            jdbc.close();
        } catch (SQLException e) {
            LOG.warn("Closing {} failed", file, e);
        }
    }
}
