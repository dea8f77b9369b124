package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.service.fleet.StoredSettings;
import org.vireo.store.Database;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * Store faults made for real: a database another process holds locked, a disk that is full (a small
 * tmpfs filled up) and a data directory on a read-only file system. Nothing is fatal, every failed save
 * is said with SQLite's reason, and the value holds for the run.
 */
class StoreFaultsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void aLockedDatabaseAtStartLeavesTheRunInMemoryAndSaysSo() throws Exception {
        AppPaths paths = new AppPaths(home.resolve("data"), home.resolve("state"));
        try (Database created = Database.open(paths.database())) {
            assertEquals(2, created.schemaVersion());
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + paths.database());
             Statement st = holder.createStatement()) {
            st.execute("PRAGMA locking_mode=EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            try (AppContext context = AppContext.open(paths)) {
                assertTrue(context.storeProblem.orElseThrow().contains("locked"), context.storeProblem.get());
                context.connections.add("lab", "test:///default", true);   // the run goes on, in memory
                assertEquals(1, context.connections.findAll().size());
            }
            st.execute("ROLLBACK");
        }
    }

    @Test
    void aFullDiskFailsAPreferenceSaveWithItsReasonAndTheValueHoldsForTheRun() throws Exception {
        Path disk = tmpfs("512k");
        AppPaths paths = new AppPaths(disk.resolve("data"), disk.resolve("state"));
        try (AppContext context = AppContext.open(paths)) {
            assertTrue(context.storeProblem.isEmpty(), context.storeProblem.toString());
            fill(disk);
            List<String> failures = new CopyOnWriteArrayList<>();
            StoredSettings settings = new StoredSettings(Map.of(), context.preferences, context.storeWriter);
            settings.onSaveFailed((key, cause) -> failures.add(key + ": " + cause));
            settings.putString("terminal.profile", "x".repeat(1 << 20));
            context.storeWriter.submit(() -> { }).get(30, TimeUnit.SECONDS);
            assertEquals(1, failures.size(), failures.toString());
            assertTrue(failures.get(0).startsWith("terminal.profile: ") && failures.get(0).contains("is full"), failures.get(0));
            assertEquals(1 << 20, settings.getString("terminal.profile", "").length(), "the value holds for this run");
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsNotFatalAndTheDemoLabIsSkipped() throws Exception {
        Path disk = tmpfs("1m");
        run("mount", "-o", "remount,ro", disk.toString());
        AppPaths paths = new AppPaths(disk.resolve("data"), home.resolve("state"));
        try (AppContext context = AppContext.open(paths)) {
            assertTrue(context.storeProblem.isPresent(), "a database that cannot be made is said");
            assertEquals(List.of(), context.savedConnections(), "no demo lab files, no demo nodes; nothing thrown");
        }
    }

    @Test
    void aPreferenceTheWindowCannotSaveIsShownInANotice() throws Exception {
        try (RunningApp app = RunningApp.start(home.resolve("window"))) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + app.paths().database());
                 Statement st = holder.createStatement()) {
                st.execute("BEGIN IMMEDIATE");   // another writer holds the database: Vireo's writes time out
                Stage stage = (Stage) MainWindowPage.onFx(() -> Window.getWindows().get(0));
                robot.interact(() -> stage.setWidth(stage.getWidth() - 60));   // the window's new size is saved a second later
                page.waitUntil("the failed save is said", 20, () -> MainWindowPage.onFx(() ->
                        robot.lookup((Labeled l) -> l.getText() != null && l.getText().contains("could not save a setting")).tryQuery()
                                .map(l -> ((Labeled) l).getText().contains("locked")).orElse(false)));
                st.execute("ROLLBACK");
            }
        }
    }

    /** A small tmpfs of its own (root only, as the lab tests): a disk that fills up or turns read-only for real. */
    private Path tmpfs(String size) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path disk = Files.createDirectories(home.resolve("disk"));
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", disk.toString());
        mounted = disk;
        return disk;
    }

    private static void fill(Path disk) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: that was the point
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
