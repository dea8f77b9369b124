package org.vireo.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final Connection jdbc;
    private final Path file;

    private Database(Path file, Connection jdbc) {
        this.file = file;
        this.jdbc = jdbc;
    }

    public static Database open(Path file) {
        try {
            // 0600 before SQLite opens it: its WAL and shared-memory files take the database file's mode.
            PrivateFiles.file(file);
            Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = jdbc.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(file, jdbc);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException(Texts.get("store.open", file), e);
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
            throw new StoreException(Texts.get("store.failed", what), e);
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
