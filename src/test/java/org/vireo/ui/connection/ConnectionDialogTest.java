package org.vireo.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.SavedConnection;
import org.vireo.store.ConnectionRepository;
import org.vireo.store.Database;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** Adding, editing and removing connections through the dialog, saved in the real SQLite file. */
class ConnectionDialogTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void addEditAndRemoveAConnection() throws Exception {
        String nodeUri = NodeFiles.demoNode(home.resolve("nodes"), "edge-box.xml");
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));

            page.chooseFromMenu("#nodeMenu", "#menu-addConnection");
            var dialog = page.dialog();
            System.out.println("connection dialog: " + MainWindowPage.assertPlaced(dialog.getScene().getWindow(), MainWindowPage.mainWindow(),
                    400, 300, 40));
            robot.interact(() -> {
                @SuppressWarnings("unchecked")
                ChoiceBox<String> transport = robot.from(dialog).lookup("#conn-transport").queryAs(ChoiceBox.class);
                transport.setValue("ssh");
            });
            // A message that appears under a field leaves the fields below it where they were.
            double portY = MainWindowPage.onFx(() -> field(dialog, "#conn-port").localToScene(0, 0).getY());
            robot.interact(() -> {
                field(dialog, "#conn-host").setText("lab 1");
                field(dialog, "#conn-port").setText("70000");
            });
            assertEquals("A host name (lab1.example.org) or an address (10.0.0.5, [::1]).", label(dialog, "#error-conn-host"));
            assertEquals("A port from 1 to 65535.", label(dialog, "#error-conn-port"));
            assertEquals(portY, MainWindowPage.onFx(() -> field(dialog, "#conn-port").localToScene(0, 0).getY()), 3,
                    "the port field stays put when the host's message appears (it moved 20 px before its line was kept)");
            assertTrue(okButton(dialog).isDisabled());
            robot.interact(() -> {
                field(dialog, "#conn-host").setText("lab1.example.org");
                field(dialog, "#conn-port").setText("2222");
                field(dialog, "#conn-user").setText("root");
            });
            assertTrue(label(dialog, "#conn-uri").startsWith("qemu+libssh://root@lab1.example.org:2222/system?known_hosts="),
                    label(dialog, "#conn-uri"));
            // A custom URI takes over: here the edge box's node file.
            robot.interact(() -> {
                field(dialog, "#conn-custom").setText(nodeUri);
                field(dialog, "#conn-name").setText("Edge copy");
            });
            assertEquals(nodeUri, label(dialog, "#conn-uri"));
            robot.clickOn(okButton(dialog));
            page.waitUntil("the new node connects", 20, () -> page.statusBar().startsWith("4 nodes (4 connected)"));
            assertTrue(page.renderedNodeDetail("Edge copy").startsWith("connected · 7 VMs"));
            page.waitUntil("it is saved", 10, () -> savedNames().contains("Edge copy"));

            // Edit: a new name, reconnected.
            page.selectTreeRow(page.nodeItems().get(3));
            page.chooseFromMenu("#nodeMenu", "#menu-editConnection");
            var edit = page.dialog();
            assertEquals(nodeUri, MainWindowPage.onFx(() -> field(edit, "#conn-custom").getText()));
            // How other nodes reach it for a migration: checked as typed, kept for the node.
            robot.interact(() -> field(edit, "#conn-peerAddress").setText("root@edge box"));
            assertTrue(label(edit, "#error-conn-peerAddress").startsWith("Give a host name or address"), label(edit, "#error-conn-peerAddress"));
            assertTrue(okButton(edit).isDisabled());
            robot.interact(() -> {
                field(edit, "#conn-peerAddress").setText("root@edge.internal");
                field(edit, "#conn-name").setText("Edge twin");
                robot.from(edit).lookup("#conn-autoconnect").queryAs(CheckBox.class).setSelected(false);
            });
            robot.clickOn(okButton(edit));
            page.waitUntil("renamed and connected", 20, () -> page.renderedNodeDetail("Edge twin").startsWith("connected"));
            page.waitUntil("the rename is saved", 10, () -> savedNames().contains("Edge twin") && !savedNames().contains("Edge copy"));
            page.selectTreeRow(page.nodeItems().get(3));
            page.chooseFromMenu("#nodeMenu", "#menu-editConnection");
            var again = page.dialog();
            assertEquals("root@edge.internal", MainWindowPage.onFx(() -> field(again, "#conn-peerAddress").getText()));
            robot.clickOn(robot.from(again).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());

        }
        // Not connected at start any more: it waits for Connect.
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects, the twin waits", 30, () -> page.statusBar().startsWith("4 nodes (3 connected)"));
            assertTrue(page.renderedNodeDetail("Edge twin").startsWith("disconnected"), page.renderedNodeDetail("Edge twin"));

            // Remove: asked first, then gone from the window and the store.
            page.selectTreeRow(page.nodeItems().get(3));
            page.chooseFromMenu("#nodeMenu", "#menu-removeConnection");
            var confirm = page.dialog();
            robot.clickOn(robot.from(confirm).lookup((Button b) -> b.getText().equals("OK")).queryButton());
            page.waitUntil("three nodes again", 10, () -> page.statusBar().startsWith("3 nodes (3 connected) · 41 VMs"));
            page.waitUntil("removed from the store", 10, () -> !savedNames().contains("Edge twin"));
        }
    }

    private List<String> savedNames() {
        try (Database db = Database.open(home.resolve("data/vireo.db"))) {
            return new ConnectionRepository(db).findAll().stream().map(SavedConnection::name).toList();
        }
    }

    private TextField field(DialogPane dialog, String id) {
        return robot.from(dialog).lookup(id).queryAs(TextField.class);
    }

    private String label(DialogPane dialog, String id) {
        return MainWindowPage.onFx(() -> robot.from(dialog).lookup(id).queryAs(Label.class).getText());
    }

    private Button okButton(DialogPane dialog) {
        return robot.from(dialog).lookup((Button b) -> b.getText().equals("OK")).queryButton();
    }
}
