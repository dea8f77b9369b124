package org.vireo.ui;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.vireo.ui.terminal.TerminalTab;

/** Drives a terminal tab as a user does: answers the host-key question, types a command, reads the screen. */
public final class TerminalDriver {

    private final FxRobot robot;
    private final MainWindowPage page;

    public TerminalDriver(FxRobot robot, MainWindowPage page) {
        this.robot = robot;
        this.page = page;
    }

    /** Accepts each host key asked about (once) until the shell's {@code prompt} shows. */
    public void acceptHostKeys(TerminalTab tab, String prompt) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!screen(tab).contains(prompt)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no shell prompt; screen: " + screen(tab));
            }
            boolean asked = MainWindowPage.onFx(() -> !robot.lookup("#hostKeyText").queryAll().isEmpty());
            if (asked) {
                DialogPane hostKey = page.dialog();
                robot.clickOn(robot.from(hostKey).lookup((Button b) -> b.getText().equals("Accept once")).queryButton());
            }
            robot.sleep(200);
        }
    }

    public void typeInto(TerminalTab tab, String command) {
        robot.interact(() -> tab.widget().getTerminalPanel().getCanvas().requestFocus());
        robot.write(command).type(KeyCode.ENTER);
    }

    public static String screen(TerminalTab tab) {
        return MainWindowPage.onFx(tab::screenText);
    }
}
