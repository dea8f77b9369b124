package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.SavedConnection;
import org.vireo.store.ConnectionRepository;
import org.vireo.store.Database;
import org.vireo.testlab.Virsh;
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
        double vcpusWidth;
        try (RunningApp app = RunningApp.start(home)) {
            dbFile = app.paths().database();
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            robot.interact(() -> {
                Stage stage = (Stage) page.table().getScene().getWindow();
                stage.setWidth(1001);
                stage.setHeight(701);
                // Column choices, widths and sort order are remembered too.
                var table = page.table();
                table.getColumns().stream().filter(c -> c.getId().equals("addressesColumn")).findFirst().orElseThrow().setVisible(true);
                var vcpus = table.getColumns().stream().filter(c -> c.getId().equals("vcpusColumn")).findFirst().orElseThrow();
                vcpus.setPrefWidth(111);
                vcpus.setSortType(TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(List.of(vcpus));
            });
            robot.interact(() -> { });
            vcpusWidth = MainWindowPage.onFx(() -> page.table().getColumns().stream().filter(c -> c.getId().equals("vcpusColumn"))
                    .findFirst().orElseThrow().getWidth());
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
            String columns = MainWindowPage.onFx(() -> page.table().getColumns().stream().filter(c -> c.isVisible())
                    .map(c -> c.getId()).toList().toString());
            assertTrue(columns.contains("addressesColumn"), columns);
            assertEquals("vcpusColumn DESCENDING", MainWindowPage.onFx(() -> {
                var first = page.table().getSortOrder().get(0);
                return first.getId() + " " + first.getSortType();
            }));
            assertEquals(vcpusWidth, MainWindowPage.onFx(() -> page.table().getSortOrder().get(0).getWidth()), 2, "its width as left");
        }
    }

    @Test
    void theDemoLabKeepsWhatWasDoneUntilItIsReset() throws Exception {
        Path workstation;
        try (RunningApp app = RunningApp.start(home)) {
            workstation = app.paths().demoLabDir().resolve("workstation.xml");
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("alpine-tiny"));
            page.waitUntil("one row", 5, () -> page.table().getItems().size() == 1);
            robot.interact(() -> page.table().getSelectionModel().select(0));
            robot.clickOn("#button-pause");
            page.waitUntil("alpine-tiny is paused", 10, () -> "paused".equals(page.tableNamesAndStates().get("alpine-tiny")));
        }
        // Closing wrote the node's state into its file: libvirt itself reads it so.
        assertEquals("paused", Virsh.listAll("test://" + workstation).get("alpine-tiny"));

        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            page.waitUntil("alpine-tiny is still paused", 10, () -> "paused".equals(page.tableNamesAndStates().get("alpine-tiny")));

            page.chooseFromMenu("#viewMenu", "#menu-resetDemoLab");
            DialogPane confirm = page.dialog();
            assertEquals("Put the demo lab back as it was shipped?", confirm.getHeaderText());
            robot.clickOn(robot.from(confirm).lookup((Button b) -> b.getText().equals("Reset demo lab")).queryButton());
            page.waitUntil("alpine-tiny runs again, as shipped", 30, () -> "running".equals(page.tableNamesAndStates().get("alpine-tiny"))
                    && page.statusBar().startsWith("3 nodes (3 connected)"));
            assertEquals("running", Virsh.listAll("test://" + workstation).get("alpine-tiny"));
        }
    }
}
