package org.vireo.ui.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.vireo.service.CloneService.DiskMode;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.TestNodeWindow;

/** The Clone dialog on a libvirtd test node, with virsh as the oracle. */
class CloneDialogTest {

    @RegisterExtension
    final TestNodeWindow lab = new TestNodeWindow();

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void clonesOneDiskAndLeavesTheOtherOut() throws Exception {
        String uri = lab.uri();
        String root = lab.other().createVolume("web-01-root.qcow2", 1L << 30);
        String data = lab.other().createVolume("web-01-data.qcow2", 2L << 30);
        lab.other().define("<domain type='test'><name>web-01</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><source file='" + root + "'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><source file='" + data + "'/><target dev='vdb' bus='virtio'/></disk>"
                + "</devices></domain>");
        RunningApp app = lab.openWindow();
        page.waitUntil("web-01 is listed", 30, () -> page.tableNamesAndStates().containsKey("web-01"));
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("web-01"));
        page.waitUntil("only web-01 is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
        page.chooseFromMenu("#vmMenu", "#menu-clone");
        var dialog = page.dialog();
        page.waitUntil("the disks are read", 10, () -> !robot.lookup("#cloneMode-vdb").queryAll().isEmpty());
        System.out.println("clone dialog: " + MainWindowPage.assertPlaced(dialog.getScene().getWindow(), MainWindowPage.mainWindow(), 300, 200, 40));
        assertEquals(List.of(), MainWindowPage.truncated(dialog), "nothing in the clone dialog is cut off");
        assertEquals("web-02", MainWindowPage.onFx(() -> robot.lookup("#cloneName").queryAs(TextField.class).getText()));

        robot.interact(() -> robot.lookup("#cloneName").queryAs(TextField.class).setText("test"));
        assertEquals("This node already has a VM called test.", text("#cloneNameError"));
        assertTrue(page.isDisabledNow("#cloneOk"));
        robot.interact(() -> robot.lookup("#cloneName").queryAs(TextField.class).setText("web 02"));
        assertTrue(text("#cloneNameError").startsWith("Use 1–64 letters"));
        robot.interact(() -> {
            robot.lookup("#cloneName").queryAs(TextField.class).setText("web-02");
            robot.lookup("#cloneMode-vdb").queryAs(ChoiceBox.class).setValue(DiskMode.SKIP);
        });
        assertFalse(page.isDisabledNow("#cloneOk"));
        robot.clickOn("#cloneOk");
        page.waitUntil("the dialog closes", 15, () -> robot.lookup("#cloneDialog").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("web-"));
        page.waitUntil("web-02 is listed", 10, () -> page.tableNamesAndStates().containsKey("web-02"));
        String volumes = String.join("\n", Virsh.run(uri, "vol-list", "default-pool"));
        assertTrue(volumes.contains("web-02-vda.qcow2") && !volumes.contains("web-02-vdb"), volumes);
        String xml = String.join("\n", Virsh.run(uri, "dumpxml", "web-02"));
        assertTrue(xml.contains("web-02-vda.qcow2") && !xml.contains("vdb"), xml);
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
