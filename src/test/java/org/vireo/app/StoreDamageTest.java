package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.store.Database;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * A damaged database never means "no window": the store is kept in memory for the run, the window
 * says what is wrong and where, and a fresh database can replace it with the damaged file kept aside.
 */
class StoreDamageTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    private Path damaged(Path data) throws Exception {
        Path db = Files.createDirectories(data).resolve("vireo.db");
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(db, garbage);
        return db;
    }

    @Test
    void aDamagedOrNewerDatabaseIsReportedAndAFreshOneKeepsTheDamagedFile() throws Exception {
        AppPaths paths = new AppPaths(home.resolve("cli/data"), home.resolve("cli/state"));
        Path db = damaged(paths.dataDir());
        byte[] before = Files.readAllBytes(db);
        try (AppContext context = AppContext.open(paths)) {
            assertTrue(context.storeProblem.orElseThrow().contains("not a database"), context.storeProblem.get());
            context.connections.add("lab", "test:///default", true);   // works, in memory
            assertEquals(1, context.connections.findAll().size());
            Path kept = context.startFreshDatabase().get(10, TimeUnit.SECONDS);
            assertArrayEquals(before, Files.readAllBytes(kept), "the damaged file is kept as it was");
            assertTrue(kept.getFileName().toString().startsWith("vireo.db.broken-"), kept.toString());
            assertEquals(List.of(), context.connections.findAll(), "the fresh database starts empty");
            context.connections.add("lab", "test:///default", true);
        }
        try (AppContext again = AppContext.open(paths)) {
            assertTrue(again.storeProblem.isEmpty(), "the fresh file is used at the next start");
            assertEquals(1, again.connections.findAll().size());
        }

        // A database written by a newer Vireo is not touched: said, and the run goes on in memory.
        Path newer = home.resolve("newer/data/vireo.db");
        Files.createDirectories(newer.getParent());
        try (Database database = Database.open(newer)) {
            assertEquals(2, database.schemaVersion());
        }
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + newer);
             var st = jdbc.createStatement()) {
            st.execute("INSERT INTO schema_version(version, applied_at) VALUES (99, 0)");
        }
        try (AppContext context = AppContext.open(new AppPaths(newer.getParent(), home.resolve("newer/state")))) {
            assertTrue(context.storeProblem.orElseThrow().contains("99"), context.storeProblem.get());
        }
    }

    @Test
    void theWindowOpensAndOffersAFreshDatabase() throws Exception {
        Path db = damaged(home.resolve("window/data"));
        try (RunningApp app = RunningApp.start(home.resolve("window"))) {
            var dialog = page.dialog();
            assertEquals("storeProblem", dialog.getId());
            assertTrue(MainWindowPage.onFx(dialog::getContentText).contains(db.toString()), "says where the file is");
            robot.clickOn(robot.from(dialog).lookup((Button b) -> b.getText().equals("Start with a fresh database")).queryButton());
            page.waitUntil("the damaged file is kept aside", 10, () -> {
                try (Stream<Path> files = Files.list(db.getParent())) {
                    return files.anyMatch(f -> f.getFileName().toString().startsWith("vireo.db.broken-"));
                }
            });
            page.waitUntil("the demo lab is listed", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
        }
    }
}
