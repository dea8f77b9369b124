package org.vireo.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.vireo.model.VmSnapshot;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.TestNodeWindow;

/** The Snapshots tab on a libvirtd test node, with virsh as the oracle for what reached libvirt. */
class SnapshotsTabTest {

    @RegisterExtension
    final TestNodeWindow lab = new TestNodeWindow();

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void takeRevertAndDeleteSnapshotsFromTheDetailsPane() throws Exception {
        String uri = lab.uri();
        lab.other().define("<domain type='test'><name>db-1</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
        RunningApp app = lab.openWindow();
        page.waitUntil("db-1 is listed", 30, () -> page.tableNamesAndStates().containsKey("db-1"));
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("db-1"));
        page.waitUntil("only db-1 is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(3));
        assertEquals("Snapshots", MainWindowPage.onFx(() ->
                robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText()));

        take("before-upgrade", "kernel 6.1, known good");
        page.waitUntil("the first snapshot is listed as current", 10, () -> rows().equals(List.of("before-upgrade  ● current")));
        take("after-upgrade", "");
        page.waitUntil("the second is a child of the first", 10,
                () -> rows().equals(List.of("before-upgrade", "  after-upgrade  ● current")));
        assertEquals(List.of("after-upgrade", "before-upgrade"),
                Virsh.run(uri, "snapshot-list", "db-1", "--name").stream().filter(l -> !l.isBlank()).sorted().toList());
        assertEquals(List.of("before-upgrade"), Virsh.run(uri, "snapshot-parent", "db-1", "after-upgrade"));

        // A taken name is refused where it is typed.
        robot.clickOn("#takeSnapshot");
        page.dialog();
        robot.interact(() -> robot.lookup("#snapshotName").queryAs(TextField.class).setText("before-upgrade"));
        assertEquals("This VM already has a snapshot named \"before-upgrade\".", text("#snapshotNameError"));
        assertTrue(page.isDisabledNow("#snapshotOk"));
        robot.interact(() -> robot.lookup("#snapshotName").queryAs(TextField.class).setText("a/b"));
        assertEquals("A snapshot name cannot contain \"/\".", text("#snapshotNameError"));
        robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
        page.waitUntil("the dialog closes", 5, () -> robot.lookup(".dialog-pane").queryAll().isEmpty());

        // Revert, after a confirmation that says what is lost.
        selectSnapshot("before-upgrade");
        robot.clickOn("#revertSnapshot");
        String warning = MainWindowPage.onFx(() -> page.dialog().getContentText());
        assertTrue(warning.contains("since \u201cbefore-upgrade\u201d was taken is lost"), warning);
        assertEquals("Revert snapshot", MainWindowPage.onFx(() -> ((Stage) page.dialog().getScene().getWindow()).getTitle()));
        assertTrue(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton().isDefaultButton(),
                "Enter cancels a revert");
        robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Revert to \u201cbefore-upgrade\u201d")).queryButton());
        page.waitUntil("reverted", 10, () -> text("#snapshotMessage").equals("Reverted to \"before-upgrade\"."));
        assertEquals(List.of("before-upgrade"), Virsh.run(uri, "snapshot-current", "db-1", "--name"));
        page.waitUntil("the current marker moved", 10,
                () -> rows().equals(List.of("before-upgrade  ● current", "  after-upgrade")));

        // Delete the root together with its child.
        selectSnapshot("before-upgrade");
        robot.clickOn("#deleteSnapshot");
        page.dialog();
        robot.interact(() -> robot.lookup("#deleteChildren").queryAs(CheckBox.class).setSelected(true));
        robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Delete \u201cbefore-upgrade\u201d")).queryButton());
        page.waitUntil("both are gone", 10, () -> rows().isEmpty());
        assertEquals(List.of(), Virsh.run(uri, "snapshot-list", "db-1", "--name").stream().filter(l -> !l.isBlank()).toList());
    }

    private void take(String name, String description) {
        robot.clickOn("#takeSnapshot");
        page.dialog();
        robot.interact(() -> {
            robot.lookup("#snapshotName").queryAs(TextField.class).setText(name);
            robot.lookup("#snapshotDescription").queryAs(TextArea.class).setText(description);
        });
        assertEquals("", text("#snapshotNameError"));
        robot.clickOn("#snapshotOk");
        page.waitUntil("the dialog closes", 5, () -> robot.lookup(".dialog-pane").queryAll().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<VmSnapshot> tree() {
        return robot.lookup("#snapshotTree").queryAs(TreeTableView.class);
    }

    /** The name column as the user sees it, indented by depth. */
    private List<String> rows() {
        return MainWindowPage.onFx(() -> {
            List<String> out = new ArrayList<>();
            TreeTableView<VmSnapshot> tree = tree();
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                TreeItem<VmSnapshot> item = tree.getTreeItem(i);
                String shown = String.valueOf(tree.getColumns().get(0).getCellData(item));
                out.add("  ".repeat(tree.getTreeItemLevel(item) - 1) + shown);
            }
            return out;
        });
    }

    private void selectSnapshot(String name) {
        robot.interact(() -> {
            TreeTableView<VmSnapshot> tree = tree();
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).getValue().name().equals(name)) {
                    tree.getSelectionModel().select(i);
                }
            }
        });
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
