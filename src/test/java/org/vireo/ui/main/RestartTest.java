package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.SavedConnection;
import org.vireo.store.ConnectionRepository;
import org.vireo.store.Database;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** What Vireo remembers in its SQLite file survives closing the window and starting again. */
class RestartTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void savedConnectionsAndWindowGeometrySurviveARestart() throws Exception {
        Path dbFile;
        try (RunningApp app = RunningApp.start(home)) {
            dbFile = app.paths().database();
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            robot.interact(() -> {
                Stage stage = (Stage) page.table().getScene().getWindow();
                stage.setWidth(1001);
                stage.setHeight(701);
            });
        }

        // A real client of the same file: the user removes one demo node (as the
        // connections dialog will) while Vireo is closed; it must not come back.
        try (Database db = Database.open(dbFile)) {
            ConnectionRepository repo = new ConnectionRepository(db);
            List<SavedConnection> saved = repo.findAll();
            assertEquals(List.of("Workstation (demo)", "Lab server (demo)", "Edge box (demo)"),
                    saved.stream().map(SavedConnection::name).toList());
            assertTrue(saved.stream().allMatch(c -> c.lastConnected().isPresent()), "last-connected time recorded");
            repo.remove(saved.get(1).id());
        }

        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the remaining saved nodes connect", 30,
                    () -> page.statusBar().startsWith("2 nodes (2 connected)"));
            assertTrue(page.renderedNodeDetail("Workstation (demo)").startsWith("connected · 12 VMs · test:///"));
            assertTrue(page.renderedNodeDetail("Edge box (demo)").startsWith("connected · 7 VMs · test:///"));
            assertEquals("(not shown)", page.renderedNodeDetail("Lab server (demo)"));
            double[] size = MainWindowPage.onFx(() -> {
                Stage stage = (Stage) page.table().getScene().getWindow();
                return new double[] {stage.getWidth(), stage.getHeight()};
            });
            assertEquals(1001, size[0], 0.5);
            assertEquals(701, size[1], 0.5);
        }
    }
}
