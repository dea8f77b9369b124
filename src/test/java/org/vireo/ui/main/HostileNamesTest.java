package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.common.VisibleText;

/**
 * Names that try to lie: a right-to-left override that turns "evil-rlo-txt.exe" into
 * "exe.txt-olr-live" on screen, and two names that differ only by a zero-width space. The table, the
 * tree and the details show them in their real order with the hidden characters marked.
 */
class HostileNamesTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void bidiOverridesAndInvisibleCharactersAreShownAsWhatTheyAre() throws Exception {
        String rlo = "\u202eevil-rlo-txt.exe";
        String zeroWidth = "web\u200b01";
        String uri = NodeFiles.write(home.resolve("hostile.xml"),
                "<domain type='test'><name>" + rlo + "</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
                "<domain type='test'><name>" + zeroWidth + "</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
                "<domain type='test'><name>web01</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
        try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", uri)) {
            page.waitUntil("the hostile node is listed", 30, () -> page.tableNamesAndStates().size() >= 3
                    && page.renderedColumn("nameColumn").stream().anyMatch(n -> n.contains("evil")));
            robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("web"));
            page.waitUntil("the look-alikes are listed", 10, () -> page.table().getItems().size() == 2);
            List<String> shown = page.renderedColumn("nameColumn");
            assertTrue(shown.contains("web01") && shown.contains("web\u2039U+200B\u203a01"),
                    "two different names look different: " + shown);
            robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("evil"));
            page.waitUntil("the override is listed", 10, () -> page.table().getItems().size() == 1);
            assertEquals(List.of("\u2039U+202E\u203aevil-rlo-txt.exe"), page.renderedColumn("nameColumn"),
                    "in its real order, the override marked");
            robot.interact(() -> page.table().getSelectionModel().select(0));
            page.waitUntil("its details show", 10, () -> MainWindowPage.onFx(() ->
                    robot.lookup("#fact-name").queryAs(Label.class).getText()).equals(VisibleText.of(rlo)));
            robot.interact(() -> {
                var tree = page.tree();
                for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                    if (tree.getTreeItem(i).getValue() instanceof TreeEntry.Vm vm && vm.vm().name().equals(rlo)) {
                        tree.scrollTo(i);
                    }
                }
            });
            assertTrue(MainWindowPage.onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                    .anyMatch(cell -> "\u2039U+202E\u203aevil-rlo-txt.exe".equals(cell.getText()))), "the tree marks it too");
        }
    }

    /**
     * A 250-character name (libvirt allows longer) must not squeeze anything else: every details tab, the
     * delete and force-off confirmations, the Clone and Tags dialogs show all their text at their default
     * sizes, placed over the window.
     */
    @Test
    void aVeryLongNameCutsNothingElse() throws Exception {
        String longName = "very-long-" + "0123456789abcdefghijklmnopqrstuvwxyz-".repeat(7).substring(0, 240);
        assertEquals(250, longName.length());
        String uri = NodeFiles.write(home.resolve("long.xml"),
                "<domain type='test'><name>" + longName + "</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
                "<domain type='test'><name>" + longName.replace("very-", "off--")
                        + "</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os><test:runstate>5</test:runstate></domain>");
        Map<String, List<String>> cut = new TreeMap<>();
        Map<String, String> misplaced = new TreeMap<>();
        try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", uri)) {
            robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("-long-"));
            page.waitUntil("the node is listed", 30, () -> page.table().getItems().size() == 2);
            Window main = MainWindowPage.mainWindow();
            robot.interact(() -> page.table().getSelectionModel().select(page.table().getItems().stream()
                    .filter(vm -> vm.name().equals(longName)).findFirst().orElseThrow()));
            page.waitUntil("its details show", 10, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty());
            TabPane tabs = robot.lookup("#detailsTabs").queryAs(TabPane.class);
            for (int i = 0; i < MainWindowPage.onFx(() -> tabs.getTabs().size()); i++) {
                int index = i;
                robot.interact(() -> tabs.getSelectionModel().select(index));
                robot.sleep(200);
                List<String> found = MainWindowPage.truncated(main.getScene().getRoot());
                if (!found.isEmpty()) {
                    cut.put("details tab " + MainWindowPage.onFx(() -> tabs.getTabs().get(index).getText()), found);
                }
            }
            for (String item : List.of("#menu-forceOff", "#menu-tags", "#menu-delete", "#menu-clone")) {
                if (item.equals("#menu-delete")) {
                    robot.interact(() -> page.table().getSelectionModel().clearAndSelect(page.table().getItems().indexOf(
                            page.table().getItems().stream().filter(vm -> !vm.name().equals(longName)).findFirst().orElseThrow())));
                }
                page.chooseFromMenu("#vmMenu", item);
                page.waitUntil(item + " opens", 10, () -> MainWindowPage.windowBesides(main) != null);
                robot.sleep(300);
                Window dialog = MainWindowPage.onFx(() -> MainWindowPage.windowBesides(main));
                List<String> found = MainWindowPage.truncated(dialog.getScene().getRoot());
                if (!found.isEmpty()) {
                    cut.put(item, found);
                }
                try {
                    MainWindowPage.assertPlaced(dialog, main, 200, 100, 40);
                    double width = MainWindowPage.onFx(dialog::getWidth);
                    assertTrue(width <= 800, "wraps the name instead of widening to " + width + " px");
                } catch (AssertionError e) {
                    misplaced.put(item, e.getMessage());
                }
                robot.interact(() -> ((Stage) dialog).close());
                page.waitUntil(item + " closes", 10, () -> MainWindowPage.windowBesides(main) == null);
            }
        }
        assertEquals(Map.of(), cut, "text cut to an ellipsis beside a 250-character name");
        assertEquals(Map.of(), misplaced, "dialogs about the long-named VM off the screen or off the window");
    }
}
