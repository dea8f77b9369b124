package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
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
}
