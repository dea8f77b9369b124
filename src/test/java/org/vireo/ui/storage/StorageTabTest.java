package org.vireo.ui.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** The host pane's Storage tab driven as a user would, virsh the oracle. */
class StorageTabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void poolsStartAndStopAndVolumesAreCreatedCheckedAndRefusedWhileUsed() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            Virsh.run(uri, "pool-define-as", "spare", "dir", "--target", "/spare");
            String used = setup.createVolume("used.qcow2", 1L << 30);
            setup.define("<domain type='test'><name>user-vm</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
                    + "<devices><disk type='file' device='disk'><source file='" + used + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "</devices></domain>");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the node connects", 30, () -> page.tableNamesAndStates().containsKey("user-vm"));
                robot.interact(() -> page.selectTreeRow(page.nodeItems().get(page.nodeItems().size() - 1)));
                page.waitUntil("the host pane shows", 10, () -> !robot.lookup("#hostPane").queryAll().isEmpty());
                robot.interact(() -> {
                    TabPane tabs = robot.lookup("#hostPane").queryAs(TabPane.class);
                    tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "storageTab".equals(t.getId())).findFirst().orElseThrow());
                });
                page.waitUntil("the pools are listed", 10, () -> pools().stream().anyMatch(p -> p.name().equals("spare")));

                // Start the spare pool and let it start with the host.
                selectPool("spare");
                robot.clickOn("#startPool");
                page.waitUntil("started", 10, () -> message().equals("Started spare."));
                robot.clickOn("#poolAutostart");
                page.waitUntil("autostarted", 10, () -> message().equals("spare starts with the host."));
                assertTrue(poolLine(uri, "spare").matches("spare\\s+active\\s+yes"), poolLine(uri, "spare"));

                // A new volume in the default pool: a bad name is refused where it is typed.
                selectPool("default-pool");
                page.waitUntil("its volumes, with who uses them", 10, () -> volumes().stream()
                        .anyMatch(v -> v.name().equals("used.qcow2") && v.usedBy().equals(List.of("user-vm"))));
                robot.clickOn("#newVolume");
                page.dialog();
                robot.interact(() -> robot.lookup("#volumeName").queryAs(TextField.class).setText("used.qcow2"));
                assertTrue(text("#volumeNameError").contains("used.qcow2"), text("#volumeNameError"));
                assertTrue(page.isDisabledNow("#volumeOk"));
                robot.interact(() -> {
                    robot.lookup("#volumeName").queryAs(TextField.class).setText("data.img");
                    robot.lookup("#volumeFormat").queryAs(ChoiceBox.class).setValue("raw");
                    robot.lookup("#volumeSize").queryAs(TextField.class).setText("2 GiB");
                });
                robot.clickOn("#volumeOk");
                page.waitUntil("created", 10, () -> message().equals("Created data.img in default-pool."));
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "default-pool", "data.img"))
                        .matches("(?s).*Capacity:\\s+2\\.00 GiB.*"));

                // Deleting the used volume is refused, naming the VM; the new one goes after its confirmation.
                selectVolume("used.qcow2");
                robot.clickOn("#deleteVolume");
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Delete volume")).queryButton());
                page.waitUntil("refused", 10, () -> message().contains("used by user-vm"));
                assertTrue(volumeNames(uri).contains("used.qcow2"));
                // A copy in the same pool, through the Jobs machinery (libvirt copies on the node).
                selectVolume("data.img");
                robot.clickOn("#cloneVolume");
                assertEquals("cloneVolumeDialog", page.dialog().getId());
                assertEquals("data-clone.img", MainWindowPage.onFx(() -> robot.lookup("#cloneVolumeName").queryAs(TextField.class).getText()));
                robot.interact(() -> robot.lookup("#cloneVolumeName").queryAs(TextField.class).setText("used.qcow2"));
                assertTrue(text("#cloneVolumeNameError").contains("used.qcow2"), text("#cloneVolumeNameError"));
                assertTrue(page.isDisabledNow("#cloneVolumeOk"));
                robot.interact(() -> robot.lookup("#cloneVolumeName").queryAs(TextField.class).setText("data-copy.img"));
                robot.clickOn("#cloneVolumeOk");
                page.waitUntil("cloned", 10, () -> message().equals("Cloned data.img as data-copy.img."));
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "default-pool", "data-copy.img"))
                        .matches("(?s).*Capacity:\\s+2\\.00 GiB.*"));
                Virsh.run(uri, "vol-delete", "--pool", "default-pool", "data-copy.img");
                selectVolume("data.img");
                robot.clickOn("#deleteVolume");
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Delete volume")).queryButton());
                page.waitUntil("deleted", 10, () -> message().equals("Deleted data.img."));
                assertFalse(volumeNames(uri).contains("data.img"));

                // A new directory pool through the dialog: a taken name refused where typed, the XML previewed.
                robot.clickOn("#newPool");
                assertEquals("newPoolDialog", page.dialog().getId());
                robot.interact(() -> {
                    robot.lookup("#poolName").queryAs(TextField.class).setText("default-pool");
                    robot.lookup("#poolTarget").queryAs(TextField.class).setText("/isos");
                });
                assertEquals("This node already has a pool called default-pool.", text("#poolNameError"));
                assertTrue(page.isDisabledNow("#poolOk"));
                robot.interact(() -> {
                    robot.lookup("#poolName").queryAs(TextField.class).setText("isos");
                    robot.lookup("#poolBuild").queryAs(CheckBox.class).setSelected(false);
                });
                String preview = MainWindowPage.onFx(() -> robot.lookup("#poolXmlPreview").queryAs(TextArea.class).getText());
                assertTrue(preview.contains("<pool type=\"dir\">") || preview.contains("<pool type='dir'>"), preview);
                assertTrue(preview.contains("<name>isos</name>") && preview.contains("<path>/isos</path>"), preview);
                robot.clickOn("#poolOk");
                page.waitUntil("created", 10, () -> message().equals("Created the pool isos."));
                assertTrue(poolLine(uri, "isos").matches("isos\\s+active\\s+yes"), poolLine(uri, "isos"));

                // The spare pool goes; its storage stays (not asked for).
                selectPool("spare");
                robot.clickOn("#deletePool");
                assertEquals("deletePoolDialog", page.dialog().getId());
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Delete pool")).queryButton());
                page.waitUntil("the pool is gone", 10, () -> poolLine(uri, "spare").isEmpty()
                        && pools().stream().noneMatch(p -> p.name().equals("spare")));

                // A pool made by someone else (virsh) shows up by libvirt's pool event, no Refresh pressed.
                Virsh.run(uri, "pool-define-as", "elsewhere", "dir", "--target", "/elsewhere");
                page.waitUntil("the other's pool is listed", 10, () -> pools().stream().anyMatch(p -> p.name().equals("elsewhere")));
                Virsh.run(uri, "pool-undefine", "elsewhere");
                page.waitUntil("and gone again", 10, () -> pools().stream().noneMatch(p -> p.name().equals("elsewhere")));
            }
        }
    }

    private void selectPool(String name) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<StoragePoolInfo> table = robot.lookup("#poolTable").queryAs(TableView.class);
            table.getSelectionModel().select(table.getItems().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
        });
    }

    private void selectVolume(String name) {
        page.waitUntil(name + " is listed", 10, () -> volumes().stream().anyMatch(v -> v.name().equals(name)));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<StorageVolumeInfo> table = robot.lookup("#volumeTable").queryAs(TableView.class);
            table.getSelectionModel().select(table.getItems().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private List<StoragePoolInfo> pools() {
        return MainWindowPage.onFx(() -> List.copyOf(robot.lookup("#poolTable").queryAs(TableView.class).getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<StorageVolumeInfo> volumes() {
        return MainWindowPage.onFx(() -> List.copyOf(robot.lookup("#volumeTable").queryAs(TableView.class).getItems()));
    }

    private String message() {
        return text("#storageMessage");
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(Label.class).stream().findFirst().map(Label::getText).orElse(""));
    }

    private static String poolLine(String uri, String pool) {
        return Virsh.run(uri, "pool-list", "--all").stream().map(String::strip).filter(l -> l.startsWith(pool + " "))
                .findFirst().orElse("");
    }

    private static List<String> volumeNames(String uri) {
        return Virsh.run(uri, "vol-list", "default-pool").stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }
}
