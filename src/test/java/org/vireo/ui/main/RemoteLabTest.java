package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.RemoteLab;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * A remote node of the lab (its own network namespace, libvirtd and sshd), added through the
 * connection dialog over SSH with a key file (no prompt), then its daemon killed and started again.
 */
class RemoteLabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void aLabNodeOverSshIsAddedLostAndRecovered() throws Exception {
        try (RemoteLab lab = RemoteLab.up(home.resolve("lab"), 1); RunningApp app = RunningApp.start(home.resolve("vireo"))) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            page.chooseFromMenu("#nodeMenu", "#menu-addConnection");
            var dialog = page.dialog();
            robot.interact(() -> {
                @SuppressWarnings("unchecked")
                ChoiceBox<String> hypervisor = robot.from(dialog).lookup("#conn-hypervisor").queryAs(ChoiceBox.class);
                hypervisor.setValue("test");
                @SuppressWarnings("unchecked")
                ChoiceBox<String> transport = robot.from(dialog).lookup("#conn-transport").queryAs(ChoiceBox.class);
                transport.setValue("ssh");
                field(dialog, "#conn-user").setText("root");
                field(dialog, "#conn-host").setText(lab.address(1));
                field(dialog, "#conn-keyFile").setText(lab.sshKey().toString());
                field(dialog, "#conn-name").setText("lab node 1");
            });
            robot.clickOn(robot.from(dialog).lookup((Button b) -> b.getText().equals("OK")).queryButton());
            // First contact: the node's host key, in Vireo's dialog (Vireo's SSH session carries libvirt). Once only:
            answerHostKey("Accept once");
            page.waitUntil("the lab node connects over SSH", 30, () -> page.statusBar().startsWith("4 nodes (4 connected)"));
            page.waitUntil("its VM is listed", 10, () -> page.tableNamesAndStates().containsKey("test"));
            Path knownHosts = home.resolve("vireo/data/known_hosts");
            assertTrue(!Files.exists(knownHosts) || !Files.readString(knownHosts).contains(lab.address(1)),
                    "a key accepted once is not kept");

            // A hung daemon: libvirt's keepalive, over the SSH tunnel, notices; resumed, Vireo reconnects by
            // itself (the SSH session outlived the hang: nothing is asked again).
            lab.run("stop", "1");
            long hung = System.nanoTime();
            page.waitUntil("keepalive notices the hang", 10, () -> page.renderedNodeDetail("lab node 1").startsWith("reconnecting…"));
            long hangMs = (System.nanoTime() - hung) / 1_000_000;
            assertTrue(page.renderedNodeDetail("lab node 1").contains("no answer to keepalive"), page.renderedNodeDetail("lab node 1"));
            lab.run("cont", "1");
            page.waitUntil("back after the resume", 20, () -> page.renderedNodeDetail("lab node 1").startsWith("connected"));

            page.selectTreeRow(page.nodeItems().stream().filter(i -> i.getValue().toString().contains("lab node 1")).findFirst().orElseThrow());
            lab.run("kill", "1");
            long killed = System.nanoTime();
            page.waitUntil("the node shows reconnecting", 10, () -> page.renderedNodeDetail("lab node 1").startsWith("reconnecting…"));
            long lostMs = (System.nanoTime() - killed) / 1_000_000;
            // A calm state, with the tries counted and the last reason; its VM greyed in the tree and the table alike.
            page.waitUntil("the tries are counted", 10, () -> page.renderedNodeDetail("lab node 1").startsWith("reconnecting… (tried 2 times)"));
            assertTrue(page.renderedNodeDetail("lab node 1").matches("reconnecting… \\(tried \\d+ times\\): .+ · 1 VM · .+"),
                    "the last reason is said: " + page.renderedNodeDetail("lab node 1"));
            assertTrue(page.greyedVms().containsAll(List.of("tree:test", "table:test")), page.greyedVms().toString());
            lab.run("start", "1");
            long started = System.nanoTime();
            page.waitUntil("the node comes back by itself", 10, () -> page.renderedNodeDetail("lab node 1").startsWith("connected"));
            long backMs = (System.nanoTime() - started) / 1_000_000;
            page.waitUntil("its VM is no longer greyed", 5, () -> page.greyedVms().stream().noneMatch(v -> v.endsWith(":test")));
            // Events work on the new connection: another client's suspend shows up by itself.
            try (TestDriverClient other = new TestDriverClient("test+tcp://" + lab.address(1) + "/default")) {
                other.suspend("test");
                page.waitUntil("the suspend arrives as an event", 10, () -> "paused".equals(page.tableNamesAndStates().get("test")));
            }
            System.out.printf("lab over ssh: hang noticed in %d ms; kill noticed in %d ms, back %d ms after the restart%n",
                    hangMs, lostMs, backMs);
            assertTrue(hangMs <= 5_000, "a hang noticed within 5 s: " + hangMs + " ms");
            assertTrue(lostMs <= 5_000, "noticed within 5 s: " + lostMs + " ms");
            assertTrue(backMs <= 2_000, "back within 2 s of the restart: " + backMs + " ms");
        }
    }

    private void answerHostKey(String button) {
        var hostKey = page.dialog();
        assertTrue(!robot.from(hostKey).lookup("#hostKeyText").queryAll().isEmpty(), "the host key dialog, not: "
                + MainWindowPage.onFx(() -> hostKey.getHeaderText() + " / " + hostKey.getContentText()));
        robot.clickOn(robot.from(hostKey).lookup((Button b) -> b.getText().equals(button)).queryButton());
    }

    private TextField field(DialogPane dialog, String id) {
        return robot.from(dialog).lookup(id).queryAs(TextField.class);
    }
}
