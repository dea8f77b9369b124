package org.vireo.ui.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.TestOpenSsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * A node whose URI names libvirt's libssh transport, reached through a real OpenSSH server over Vireo's own
 * SSH session (a forward to the daemon's socket): the unknown
 * host key and the key's passphrase are asked in Vireo's dialogs (no askpass, no terminal), the
 * accepted key is remembered, and a changed host key is refused.
 */
class RemoteAuthTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void hostKeyAndPassphraseAreAskedInDialogsAndAChangedKeyIsRefused() throws Exception {
        Path keys = Files.createDirectories(home.resolve("keys"));
        TestOpenSsh.keygen(keys.resolve("host-a"), "");
        TestOpenSsh.keygen(keys.resolve("host-b"), "");
        TestOpenSsh.keygen(keys.resolve("client"), "vireo passphrase");
        Files.copy(keys.resolve("client.pub"), keys.resolve("authorized_keys"));
        Path knownHosts = Files.createFile(home.resolve("known_hosts"));   // libvirt asks about keys it does not find here
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String socket = daemon.sharedTestNode().substring(daemon.sharedTestNode().indexOf("socket=") + 7);
            int port;
            try (TestOpenSsh sshd = TestOpenSsh.start(home, keys.resolve("host-a"), keys.resolve("authorized_keys"))) {
                port = sshd.port();
                String uri = uri(port, socket, keys.resolve("client"), knownHosts);
                try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", uri)) {
                    // The unknown host key, then the key's passphrase are asked; either order is handled.
                    Set<String> asked = new HashSet<>();
                    for (int i = 0; i < 2; i++) {
                        var dialog = page.dialog();
                        if (!robot.from(dialog).lookup("#hostKeyText").queryAll().isEmpty()) {
                            String text = MainWindowPage.onFx(() -> robot.from(dialog).lookup("#hostKeyText").queryAs(Label.class).getText());
                            assertTrue(text.contains(sshKeygenFingerprint(keys.resolve("host-a.pub"))), "as ssh-keygen -lf shows it: " + text);
                            String shown = MainWindowPage.onFx(() -> MainWindowPage.shownText(robot.from(dialog).lookup("#hostKeyText").queryAs(Label.class)));
                            assertEquals(text, shown, "the whole text is on screen, fingerprint included, at the dialog's own size");
                            robot.clickOn(robot.from(dialog).lookup((Button b) -> b.getText().equals("Accept and remember")).queryButton());
                            asked.add("host key");
                        } else {
                            answerPassphrase(dialog, "vireo passphrase");
                            asked.add("passphrase");
                        }
                        page.waitUntil("the dialog closes", 5, () -> robot.lookup(".dialog-pane").queryAll().isEmpty()
                                || robot.lookup(".dialog-pane").queryAll().stream().noneMatch(d -> d == dialog));
                    }
                    assertTrue(asked.containsAll(List.of("host key", "passphrase")), asked.toString());
                    page.waitUntil("the remote node connects", 30, () -> page.statusBar().contains("(4 connected)"));
                    page.waitUntil("its VMs are listed", 10, () -> page.tableNamesAndStates().containsKey("test"));
                }
                // Vireo's own SSH session carries libvirt: the key is in Vireo's known_hosts, as for its terminals.
                assertTrue(Files.readString(home.resolve("vireo/data/known_hosts")).contains("127.0.0.1"), "Vireo stored the accepted key");

                // Next time: the key is known, only the passphrase is asked.
                try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", uri)) {
                    var dialog = page.dialog();
                    assertTrue(robot.from(dialog).lookup("#hostKeyText").queryAll().isEmpty(), "the key is known now");
                    answerPassphrase(dialog, "vireo passphrase");
                    page.waitUntil("connected again", 30, () -> page.statusBar().contains("(4 connected)"));
                }
            }
            // Same address, another host key: refused before any login.
            try (TestOpenSsh impostor = TestOpenSshOnPort.start(home, keys, port)) {
                String uri = uri(port, socket, keys.resolve("client"), knownHosts);
                try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", uri)) {
                    page.waitUntil("the node failed", 30, () -> page.statusBar().contains("(3 connected)")
                            && page.renderedNodeDetail("127.0.0.1").startsWith("failed"));
                    String detail = page.renderedNodeDetail("127.0.0.1");
                    assertTrue(detail.contains("HOST KEY") || detail.contains("host key"), detail);
                    assertTrue(robot.lookup("#sshSecret").queryAll().isEmpty(), () -> "no passphrase was asked for the impostor; asked: "
                            + MainWindowPage.onFx(() -> robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                            .map(d -> d.getHeaderText() + " [" + d.getScene().getWindow().isShowing() + "]").toList()));

                    // Not a passing fault: said once, never retried (no warning every few seconds), and Disconnect works.
                    Thread.sleep(5_000);
                    assertTrue(page.renderedNodeDetail("127.0.0.1").startsWith("failed"), page.renderedNodeDetail("127.0.0.1"));
                    assertEquals(1L, (long) MainWindowPage.onFx(() -> Window.getWindows().stream()
                            .filter(w -> w.getScene() != null && w.getScene().lookup("#hostKeyChangedText") != null).count()),
                            "one warning about the changed key");
                    robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                    page.selectTreeRow(page.nodeItems().stream().filter(i -> i.getValue().toString().contains("127.0.0.1"))
                            .findFirst().orElseThrow());
                    page.waitUntil("Disconnect is offered for the failed node", 5, () -> page.isEnabled("#disconnectButton"));
                    robot.clickOn("#disconnectButton");
                    page.waitUntil("disconnected", 10, () -> page.renderedNodeDetail("127.0.0.1").startsWith("disconnected"));
                }
            }
        }
    }

    /** The fingerprint as `ssh-keygen -lf` prints it, which users compare against. */
    private static String sshKeygenFingerprint(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-lf", publicKey.toString()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.split(" ")[1];
    }

    private void answerPassphrase(DialogPane dialog, String passphrase) {
        robot.clickOn(robot.from(dialog).lookup("#sshSecret").queryAs(PasswordField.class)).write(passphrase);
        robot.clickOn(robot.from(dialog).lookup((Button b) -> b.getText().equals("OK")).queryButton());
    }

    private static String uri(int port, String socket, Path key, Path knownHosts) {
        return "test+libssh://root@127.0.0.1:" + port + "/default?socket=" + socket + "&proxy=netcat&keyfile=" + key
                + "&known_hosts=" + knownHosts + "&known_hosts_verify=normal&sshauth=privkey";
    }

    /** The impostor: another host key on the port the real one used. */
    private static final class TestOpenSshOnPort {
        static TestOpenSsh start(Path home, Path keys, int port) throws Exception {
            return TestOpenSsh.startOnPort(home.resolve("impostor"), keys.resolve("host-b"), keys.resolve("authorized_keys"), port);
        }
    }
}
