package org.vireo.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.ssh.SshTarget;
import org.vireo.testlab.TestSshServer;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** A terminal tab in the real window against a real SSH server: dialogs, typing, Ctrl+C, a dropped session. */
class TerminalTabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void fingerprintAndPasswordDialogsThenAShellThatAnswersAndReconnects() throws Exception {
        try (TestSshServer server = TestSshServer.start(home.resolve("hostkey"), 0, null);
             RunningApp app = RunningApp.start(home.resolve("vireo"))) {
            SshTarget target = new SshTarget(TestSshServer.USER, "127.0.0.1", server.port(), Optional.empty());
            TerminalTab tab = MainWindowPage.onFx(() -> app.app().view().terminals().open("ada@guest", target));

            var hostKey = page.dialog();
            String text = MainWindowPage.onFx(() -> robot.from(hostKey).lookup("#hostKeyText").queryAs(Label.class).getText());
            assertTrue(text.contains("SHA256:"), text);
            robot.clickOn(robot.from(hostKey).lookup((Button b) -> b.getText().equals("Accept once")).queryButton());

            var password = page.dialog();
            robot.clickOn(robot.from(password).lookup("#sshSecret").queryAs(PasswordField.class)).write(TestSshServer.PASSWORD);
            robot.clickOn(robot.from(password).lookup((Button b) -> b.getText().equals("OK")).queryButton());

            page.waitUntil("the shell prompt shows", 20, () -> screen(tab).contains("$"));
            robot.interact(() -> tab.widget().getTerminalPanel().getCanvas().requestFocus());
            robot.write("echo typed-in-vireo").type(KeyCode.ENTER);
            page.waitUntil("the echo comes back", 10, () -> screen(tab).contains("typed-in-vireo\n") || countOf(screen(tab), "typed-in-vireo") >= 2);

            robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
            page.waitUntil("Ctrl+C reaches the shell as byte 3", 10, () -> server.received().contains((byte) 3));
            robot.press(KeyCode.SHIFT).release(KeyCode.SHIFT);
            assertTrue(!server.received().contains((byte) 0), "a lone modifier sends no NUL byte");

            server.dropShells();
            page.waitUntil("the tab says the session ended", 10,
                    () -> robot.lookup("#terminalStatus").queryAs(Label.class).getText().endsWith("the session ended."));
            assertTrue(robot.lookup("#terminalReconnect").query().isVisible());
            robot.clickOn("#terminalReconnect");
            // The SSH session outlived the shell: Reconnect opens a new shell on it, with no new login.
            page.waitUntil("connected again", 20,
                    () -> robot.lookup("#terminalStatus").queryAs(Label.class).getText().endsWith("connected"));
            page.waitUntil("the new shell's prompt shows", 10, () -> screen(tab).contains("$"));
            robot.interact(() -> tab.widget().getTerminalPanel().getCanvas().requestFocus());
            robot.write("echo second-life").type(KeyCode.ENTER);
            page.waitUntil("the new shell answers", 10, () -> countOf(screen(tab), "second-life") >= 2);
            robot.clickOn("#vmListTab");
            assertEquals(1, MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().size()));
        }
    }

    private static String screen(TerminalTab tab) {
        return MainWindowPage.onFx(tab::screenText);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
