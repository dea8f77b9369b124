package org.vireo.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.VmDevice;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * The Hardware tab driven through the real window on a private libvirtd's test driver, virsh as the
 * oracle: a data disk on a new volume, an ISO inserted and ejected, a second NIC with its link down,
 * the disk removed with its volume, and a removal refused because another VM uses the volume.
 */
class HardwareTabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void disksMediaAndNicsChangedThroughTheWindowAsVirshSays() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            String root = setup.createVolume("box-root.qcow2", 1L << 30);
            String shared = setup.createVolume("shared.qcow2", 1L << 30);
            String iso = setup.createVolume("debian-12.iso", 1L << 28);
            setup.define("<domain type='test'><name>box</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><source file='" + root + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='disk'><source file='" + shared + "'/><target dev='vdb' bus='virtio'/><shareable/></disk>"
                    + "<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>"
                    + "<interface type='network'><mac address='52:54:00:aa:00:01'/><source network='default'/><model type='virtio'/></interface>"
                    + "</devices></domain>");
            setup.define("<domain type='test'><name>peer</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><source file='" + shared + "'/><target dev='vda' bus='virtio'/><shareable/></disk>"
                    + "<interface type='network'><mac address='52:54:00:bb:00:01'/><source network='default'/></interface>"
                    + "</devices></domain>");
            try (LogCapture log = new LogCapture(); RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("box is listed", 30, () -> page.tableNamesAndStates().containsKey("box"));
                robot.interact(() -> page.table().getSelectionModel().select(page.table().getItems().stream()
                        .filter(v -> v.name().equals("box")).findFirst().orElseThrow()));
                page.waitUntil("its details", 10, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty());
                robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
                page.waitUntil("the devices are listed", 10, () -> device("vda") != null);

                // A data disk on a new 1 GiB volume; a size that is not one is refused where it is typed.
                robot.clickOn("#addDisk");
                DialogPane dialog = page.dialog();
                assertEquals("diskDialog", dialog.getId());
                MainWindowPage.assertPlaced(dialog.getScene().getWindow(), MainWindowPage.mainWindow(), 300, 200, 40);
                assertEquals(List.of(), MainWindowPage.truncated(dialog), "nothing cut off in the disk dialog");
                assertEquals("vdc", field("#diskTarget").getText(), "the first free virtio name");
                assertEquals("box-vdc.qcow2", field("#diskName").getText());
                // Only the chosen source's rows are shown, and the dialog fits them.
                assertFalse(MainWindowPage.onFx(() -> robot.lookup("#diskVolume").query().isVisible()), "no volume row for a new volume");
                double tall = MainWindowPage.onFx(() -> dialog.getScene().getWindow().getHeight());
                robot.clickOn("#diskSource-existing_volume");
                page.waitUntil("the dialog fits the one volume row", 5, () -> MainWindowPage.onFx(() ->
                        !robot.lookup("#diskName").query().isVisible() && robot.lookup("#diskVolume").query().isVisible()
                                && dialog.getScene().getWindow().getHeight() < tall - 40));
                robot.clickOn("#diskSource-new_volume");
                page.waitUntil("the new volume's rows are back", 5, () -> MainWindowPage.onFx(() ->
                        robot.lookup("#diskName").query().isVisible()
                                && dialog.getScene().getHeight() >= dialog.prefHeight(dialog.getScene().getWidth()) - 1));
                robot.interact(() -> field("#diskSize").setText("lots"));
                assertTrue(text("#error-diskSize").startsWith("Disk size:"), text("#error-diskSize"));
                assertTrue(page.isDisabledNow("#deviceOk"));
                robot.interact(() -> field("#diskSize").setText("1 GiB"));
                robot.clickOn("#deviceOk");
                page.waitUntil("the disk is added", 15, () -> text("#deviceMessage").equals("Added vdc."));
                assertTrue(blockList(uri).contains("vdc /default-pool/box-vdc.qcow2"), blockList(uri));
                assertTrue(Virsh.run(uri, "vol-info", "--pool", "default-pool", "box-vdc.qcow2").stream()
                        .anyMatch(l -> l.matches("Capacity:\\s+1\\.00 GiB")));
                page.waitUntil("the new disk is selected", 10, () -> "vdc".equals(text("#deviceTitle")));

                // The root disk's settings: cache off and read-only, through the edit dialog.
                select("vda");
                robot.clickOn("#editDevice");
                assertEquals("diskDialog", page.dialog().getId());
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    ChoiceBox<String> cache = robot.lookup("#diskCache").queryAs(ChoiceBox.class);
                    cache.setValue("none");
                    robot.lookup("#diskReadOnly").queryAs(CheckBox.class).setSelected(true);
                });
                robot.clickOn("#deviceOk");
                page.waitUntil("vda is changed", 15, () -> text("#deviceMessage").equals("Changed vda."));
                String vda = String.join("\n", Virsh.run(uri, "dumpxml", "box", "--inactive"));
                assertTrue(vda.matches("(?s).*<driver name='qemu'[^>]* cache='none'/>\\s*<source file='" + root
                        + "'/>\\s*<target dev='vda' bus='virtio'/>\\s*<readonly/>.*"), vda);

                // An ISO volume into the empty CD-ROM drive, then out again.
                select("CD-ROM sda");
                robot.clickOn("#insertMedia");
                assertEquals("mediaDialog", page.dialog().getId());
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<DiskForm.VolumeChoice> volumes = robot.lookup("#diskVolume").queryAs(ComboBox.class);
                    volumes.setValue(volumes.getItems().stream().filter(v -> v.volume().path().equals(iso)).findFirst().orElseThrow());
                });
                robot.clickOn("#deviceOk");
                page.waitUntil("the ISO is in", 15, () -> blockList(uri).contains("sda " + iso));
                page.waitUntil("eject is offered", 10, () -> page.isEnabled("#ejectMedia"));
                robot.clickOn("#ejectMedia");
                page.waitUntil("the drive is empty", 15, () -> blockList(uri).contains("sda -"));

                // A second NIC: another VM's MAC is refused at its field; then its link is set down.
                robot.clickOn("#addNic");
                assertEquals("nicDialog", page.dialog().getId());
                robot.interact(() -> field("#nicMac").setText("52:54:00:BB:00:01"));
                assertEquals("52:54:00:bb:00:01 is already used by another VM on this node.", text("#error-nicMac"));
                robot.interact(() -> field("#nicMac").setText("52:54:00:aa:00:09"));
                // Its network made right here: "New network…" opens the same dialog as the Networks tab, and the
                // network it makes becomes the NIC's source.
                robot.clickOn("#nicNewNetwork");
                page.waitUntil("the network dialog opens", 10, () -> !robot.lookup("#networkName").queryAll().isEmpty());
                robot.interact(() -> {
                    field("#networkName").setText("nic-net");
                    field("#networkSubnet").setText("10.81.0.0/24");
                });
                robot.interact(() -> robot.lookup("#networkOk").queryButton().fire());
                page.waitUntil("the NIC dialog chose it", 15, () -> "nic-net".equals(MainWindowPage.onFx(
                        () -> robot.lookup("#nicSource").queryAs(ComboBox.class).getEditor().getText())));
                robot.clickOn("#deviceOk");
                page.waitUntil("the NIC is added", 15, () -> ifaceList(uri).contains("52:54:00:aa:00:09"));
                assertTrue(ifaceList(uri).matches("(?s).*nic-net.*52:54:00:aa:00:09.*"), ifaceList(uri));
                page.waitUntil("the new NIC is selected", 10, () -> "NIC 52:54:00:aa:00:09".equals(text("#deviceTitle")));
                robot.clickOn("#editDevice");
                assertEquals("nicDialog", page.dialog().getId());
                robot.interact(() -> robot.lookup("#nicLinkUp").queryAs(CheckBox.class).setSelected(false));
                robot.clickOn("#deviceOk");
                page.waitUntil("the link is down", 15, () -> String.join(" ",
                        Virsh.run(uri, "domif-getlink", "box", "52:54:00:aa:00:09", "--config")).contains("down"));

                // The shared volume cannot be deleted with the disk: peer uses it, and nothing changes.
                String before = String.join("\n", Virsh.run(uri, "dumpxml", "box", "--inactive"));
                select("vdb");
                robot.clickOn("#removeWithVolume");
                assertEquals("removeDeviceDialog", page.dialog().getId());
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Remove and delete volume")).queryButton());
                page.waitUntil("the refusal is shown", 15, () -> text("#deviceMessage").contains("also used by peer"));
                assertTrue(text("#deviceMessage").startsWith("Nothing was changed."), text("#deviceMessage"));
                assertEquals(before, String.join("\n", Virsh.run(uri, "dumpxml", "box", "--inactive")), "box is as it was");

                // The new data disk goes with its volume.
                select("vdc");
                robot.clickOn("#removeWithVolume");
                page.dialog();
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Remove and delete volume")).queryButton());
                page.waitUntil("vdc is gone", 15, () -> !blockList(uri).contains("vdc"));
                assertFalse(Virsh.run(uri, "vol-list", "default-pool").stream().anyMatch(l -> l.contains("box-vdc.qcow2")), "its volume too");
                page.waitUntil("the list follows", 10, () -> device("vdc") == null);

                // From a shut-off VM a NIC goes at once: there is nothing to confirm.
                select("NIC 52:54:00:aa:00:09");
                robot.clickOn("#removeDevice");
                page.waitUntil("the NIC is removed", 15, () -> !ifaceList(uri).contains("52:54:00:aa:00:09"));
                assertTrue(robot.lookup(".dialog-pane").queryAll().isEmpty(), "no confirmation");

                // Boot from the CD-ROM first (moved up with the keyboard), then vda; a boot menu that waits 5 s.
                robot.interact(() -> {
                    TreeView<Object> tree = robot.lookup("#deviceTree").queryAs(TreeView.class);
                    tree.getSelectionModel().select(tree.getRoot().getChildren().stream()
                            .filter(i -> i.getValue() instanceof HardwareTab.Page p && p.id().equals("boot")).findFirst().orElseThrow());
                });
                page.waitUntil("the boot order is listed", 10, () -> bootRows().size() == 4);
                assertEquals(List.of("1. Disk vda", "Disk vdb", "CD-ROM sda", "NIC 52:54:00:aa:00:01"), bootRows());
                assertTrue(page.isDisabledNow("#applyBoot"), "nothing changed yet");
                @SuppressWarnings("unchecked")
                ListView<Object> list = robot.lookup("#bootList").queryAs(ListView.class);
                robot.interact(() -> {
                    list.getSelectionModel().select(2);
                    list.requestFocus();
                });
                robot.type(KeyCode.SPACE);
                robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
                robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
                assertEquals(List.of("1. CD-ROM sda", "2. Disk vda", "Disk vdb", "NIC 52:54:00:aa:00:01"), bootRows());
                robot.interact(() -> robot.lookup("#bootMenu").queryAs(CheckBox.class).setSelected(true));
                robot.interact(() -> field("#bootMenuSeconds").setText("99"));
                assertEquals("A whole number of seconds from 0 to 65.", text("#bootMenuSecondsError"));
                assertTrue(page.isDisabledNow("#applyBoot"));
                robot.interact(() -> field("#bootMenuSeconds").setText("5"));
                robot.interact(() -> robot.lookup("#applyBoot").queryButton().fire());   // below the fold of its page
                page.waitUntil("applied", 10, () -> text("#bootMessage").equals("Applied."));
                String xml = String.join("\n", Virsh.run(uri, "dumpxml", "box", "--inactive"));
                assertFalse(xml.contains("<boot dev="), xml);
                assertTrue(xml.matches("(?s).*<target dev='sda' bus='sata'/>(?:(?!</disk>).)*<boot order='1'/>.*"), xml);
                assertTrue(xml.matches("(?s).*<target dev='vda' bus='virtio'/>(?:(?!</disk>).)*<boot order='2'/>.*"), xml);
                assertTrue(xml.contains("<bootmenu enable='yes' timeout='5000'/>"), xml);
                page.waitUntil("read back in the same order", 10, () -> bootRows().equals(
                        List.of("1. CD-ROM sda", "2. Disk vda", "Disk vdb", "NIC 52:54:00:aa:00:01")) && page.isDisabledNow("#applyBoot"));
                assertEquals(List.of(), log.problems());
            }
        }
    }

    /** The boot list as shown: each row's check box text up to its first " · ". */
    private List<String> bootRows() {
        return MainWindowPage.onFx(() -> robot.lookup("#bootList").lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.getGraphic() instanceof CheckBox)
                .sorted(Comparator.comparingInt(ListCell::getIndex))
                .map(c -> ((CheckBox) c.getGraphic()).getText().split(" · ")[0]).toList());
    }

    private String blockList(String uri) {
        return String.join("\n", Virsh.run(uri, "domblklist", "box", "--inactive")).replaceAll("[ \\t]+", " ");
    }

    private String ifaceList(String uri) {
        return String.join("\n", Virsh.run(uri, "domiflist", "box", "--inactive"));
    }

    private TextField field(String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAll().isEmpty() ? "" : robot.lookup(id).queryAs(Label.class).getText());
    }

    private TreeItem<Object> device(String title) {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = robot.lookup("#deviceTree").queryAs(TreeView.class);
            for (TreeItem<Object> group : tree.getRoot().getChildren()) {
                for (TreeItem<Object> item : group.getChildren()) {
                    if (item.getValue() instanceof VmDevice d && d.title().equals(title)) {
                        return item;
                    }
                }
            }
            return null;
        });
    }

    private void select(String title) {
        TreeItem<Object> item = device(title);
        robot.interact(() -> robot.lookup("#deviceTree").queryAs(TreeView.class).getSelectionModel().select(item));
        page.waitUntil(title + " is shown", 10, () -> title.equals(text("#deviceTitle")));
    }
}
