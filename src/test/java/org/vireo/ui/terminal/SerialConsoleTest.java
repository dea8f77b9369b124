package org.vireo.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * The serial console through libvirt's console stream. The demo lab's test driver simulates
 * guests and has no consoles: the tab says so plainly and offers Reconnect, instead of a blank
 * terminal. (A real guest's console is exercised by the real-hypervisor story.)
 */
class SerialConsoleTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void theTestDriverHasNoConsoleAndTheTabSaysSo() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("alpine-tiny"));
            page.waitUntil("one row", 5, () -> page.table().getItems().size() == 1);
            robot.interact(() -> page.table().getSelectionModel().select(0));
            // Not offered for a test-driver VM (running, so only the driver stands in the way) ...
            page.waitUntil("the selection reaches the menus", 5, () -> !page.menuItemDisabled("menu-tags"));
            assertTrue(page.menuItemDisabled("menu-console"), "the console is not offered on the test driver");
            // ... and where one is opened all the same (--show-console), its tab says why.
            var vm = MainWindowPage.onFx(() -> page.table().getItems().get(0));
            robot.interact(() -> app.app().view().showVm(vm, true));
            page.waitUntil("the tab explains", 10, () -> status().startsWith("Could not connect:"));
            assertTrue(status().contains("cannot open serial consoles") && status().contains("virDomainOpenConsole"), status());
            assertTrue(MainWindowPage.onFx(() -> robot.lookup("#terminalReconnect").query().isVisible()));
        }
    }

    private String status() {
        return MainWindowPage.onFx(() -> robot.lookup("#terminalStatus").queryAs(Label.class).getText());
    }
}
