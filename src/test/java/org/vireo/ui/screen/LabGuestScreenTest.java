package org.vireo.ui.screen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.LabGuestScreen;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * Type clipboard into a real guest: the lab guest's screen is a shell (tty1); the clipboard's
 * {@code echo typed-$((6*7))} and a newline typed into the screen tab as key strokes make the shell print
 * {@code typed-42}, which the VGA text buffer (QEMU's monitor) then holds on a line of its own — so every
 * character, the shifted {@code $ ( ) *} included, arrived as typed.
 */
class LabGuestScreenTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void typeClipboardRunsACommandInTheGuestsShell() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            LabGuestScreen guest = LabGuestScreen.boot(uri, "shell-vm", Path.of("target/lab-guest").toAbsolutePath());
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the guest is listed", 30, () -> page.tableNamesAndStates().containsKey("shell-vm"));
                robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("shell-vm"));
                page.waitUntil("it alone is listed", 10, () -> page.table().getItems().size() == 1);
                robot.interact(() -> page.table().getSelectionModel().select(0));
                page.chooseFromMenu("#vmMenu", "#menu-graphics");
                page.waitUntil("the screen tab shows", 20, () -> MainWindowPage.onFx(() -> !app.app().view().terminals().openScreens().isEmpty()
                        && app.app().view().terminals().openScreens().get(0).framesApplied() > 0));
                robot.interact(() -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString("echo typed-$((6*7))\n");
                    Clipboard.getSystemClipboard().setContent(content);
                });
                robot.clickOn("#vnc-typeClipboard");
                page.waitUntil("the shell printed typed-42", 20, () -> guest.screenText().stream().anyMatch(line -> line.strip().equals("typed-42")));
                assertTrue(guest.screenText().stream().anyMatch(line -> line.contains("echo typed-$((6*7))")), String.join("\n", guest.screenText()));
            }
        }
    }
}
