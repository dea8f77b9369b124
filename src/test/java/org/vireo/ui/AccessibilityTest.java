package org.vireo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Every control a user can reach on Vireo's screens has a name a screen reader can announce: the
 * main window with its details, snapshots and host panes, the create-VM wizard, and the dialogs.
 */
class AccessibilityTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);
    private final Map<String, List<String>> unnamed = new TreeMap<>();
    private final Map<String, List<String>> cutOff = new TreeMap<>();
    private final Map<String, String> misplaced = new TreeMap<>();

    @Test
    void everyReachableControlHasAName() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            Window main = page.table().getScene().getWindow();

            robot.interact(() -> page.selectTreeRow(page.nodeItems().get(0)));
            page.waitUntil("the host pane shows", 10, () -> !robot.lookup("#hostPane").queryAll().isEmpty());
            check("main window with host pane", main);

            // shut off, so that Clone is offered too
            robot.interact(() -> page.table().getSelectionModel().select(page.table().getItems().stream()
                    .filter(vm -> vm.name().equals("arch-rolling")).findFirst().orElseThrow()));
            page.waitUntil("the details show", 10, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty());
            TabPane tabs = robot.lookup("#detailsTabs").queryAs(TabPane.class);
            for (int i = 0; i < MainWindowPage.onFx(() -> tabs.getTabs().size()); i++) {
                int index = i;
                robot.interact(() -> tabs.getSelectionModel().select(index));
                check("details tab " + MainWindowPage.onFx(() -> tabs.getTabs().get(index).getText()), main);
            }

            robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "hardwareTab".equals(t.getId())).findFirst().orElseThrow()));
            page.waitUntil("devices can be added", 10, () -> page.isEnabled("#addDisk"));
            dialog("Add disk", () -> robot.clickOn("#addDisk"));
            dialog("Add CD-ROM drive", () -> robot.clickOn("#addDrive"));
            dialog("Add network interface", () -> robot.clickOn("#addNic"));

            robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "snapshotsTab".equals(t.getId())).findFirst().orElseThrow()));
            page.waitUntil("snapshots can be taken", 10, () -> page.isEnabled("#takeSnapshot"));
            dialog("Take snapshot", () -> robot.clickOn("#takeSnapshot"));
            dialog("Tags", () -> page.chooseFromMenu("#vmMenu", "#menu-tags"));
            dialog("Preferences", "#viewMenu", "#preferencesItem");
            dialog("Add connection", "#nodeMenu", "#menu-addConnection");
            dialog("Clone", "#vmMenu", "#menu-clone");
            dialog("New VM wizard", "#vmMenu", "#menu-new");
            dialog("About", "#helpMenu", "#menu-about");
            dialog("Reset demo lab", "#viewMenu", "#menu-resetDemoLab");

            robot.interact(() -> page.table().getSelectionModel().clearAndSelect(page.table().getItems().indexOf(page.table().getItems()
                    .stream().filter(vm -> vm.name().equals("alpine-tiny")).findFirst().orElseThrow())));
            dialog("SSH target", "#vmMenu", "#menu-ssh");
        }
        assertEquals(Map.of(), unnamed, "controls announced by role alone");
        assertEquals(Map.of(), cutOff, "text cut to an ellipsis at the default size");
        assertEquals(Map.of(), misplaced, "dialogs not on screen and centred on the window");
    }

    @Test
    void everyMenuActionHasAShortcutShownInTheMenu() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            List<String> without = MainWindowPage.onFx(() -> {
                List<String> found = new ArrayList<>();
                for (Menu menu : robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
                    for (MenuItem item : menu.getItems()) {
                        if (!(item instanceof SeparatorMenuItem) && item.getAccelerator() == null) {
                            found.add(menu.getText() + " ▸ " + item.getText());
                        }
                    }
                }
                return found;
            });
            assertEquals(List.of(), without, "menu items without a keyboard shortcut");

            // Ctrl+F takes the user to the search field from anywhere in the window.
            robot.clickOn(page.firstRowCell());
            robot.press(KeyCode.CONTROL, KeyCode.F)
                    .release(KeyCode.F, KeyCode.CONTROL);
            page.waitUntil("the search field has the focus", 5, () -> MainWindowPage.onFx(
                    () -> robot.lookup("#filterField").query().isFocused()));
            robot.write("k8s-worker");
            page.waitUntil("the list is filtered", 5, () -> page.table().getItems().size() == 6);
        }
    }

    private void dialog(String what, String menu, String item) {
        dialog(what, () -> page.chooseFromMenu(menu, item));
    }

    private void dialog(String what, Runnable open) {
        open.run();
        page.waitUntil(what + " opens", 10, () -> MainWindowPage.onFx(() -> dialogWindow() != null));
        Window window = MainWindowPage.onFx(this::dialogWindow);
        check(what, window);
        // The window manager maps it when it can (late on a loaded machine): what counts is where it settles.
        // assertPlaced runs on the FX thread: its AssertionError reaches here wrapped in an IllegalStateException.
        String last = null;
        for (long until = System.nanoTime() + 5_000_000_000L; System.nanoTime() < until; robot.sleep(200)) {
            try {
                System.out.println(what + ": " + MainWindowPage.assertPlaced(window, page.table().getScene().getWindow(), 200, 100, 40));
                last = null;
                break;
            } catch (AssertionError | IllegalStateException e) {
                last = e.getMessage();
            }
        }
        if (last != null) {
            misplaced.put(what, last);
        }
        robot.interact(() -> ((Stage) window).close());
    }

    private Window dialogWindow() {
        return MainWindowPage.windowBesides(page.table().getScene().getWindow());
    }

    private void check(String screen, Window window) {
        List<String> found = MainWindowPage.onFx(() -> AccessibleNames.unnamed((Parent) window.getScene().getRoot()));
        if (!found.isEmpty()) {
            unnamed.computeIfAbsent(screen, k -> new ArrayList<>()).addAll(found);
        }
        List<String> cut = MainWindowPage.truncated(window.getScene().getRoot());
        if (!cut.isEmpty()) {
            cutOff.computeIfAbsent(screen, k -> new ArrayList<>()).addAll(cut);
        }
    }
}
