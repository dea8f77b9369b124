package org.vireo.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.NodeRef;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.Virsh;
import org.vireo.ui.AccessibleNames;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.TestNodeWindow;
import org.vireo.ui.WizardPage;

/**
 * The whole wizard, driven like a user on a node shared with virsh: a failure provoked for real
 * half-way (another client takes the name between the checks and the define) leaves nothing
 * behind and keeps every input; the retry creates exactly what was chosen.
 */
class CreateVmWizardTest {

    @RegisterExtension
    final TestNodeWindow lab = new TestNodeWindow();

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);
    private final WizardPage wizard = new WizardPage(robot);

    private List<String> wizardUnnamed() {
        return MainWindowPage.onFx(() -> AccessibleNames.unnamed(robot.lookup("#wizardNext").query().getScene().getRoot()));
    }

    @Test
    void wizardCreatesWhatWasChosenAndRollsBackARealFailure() throws Exception {
        try (LogCapture log = new LogCapture()) {
            TestDriverClient other = lab.other();
            RunningApp app = lab.openWindow();
            String uri = lab.uri();
            page.waitUntil("the shared node connects", 30, () -> page.tableNamesAndStates().containsKey("test"));
            // An installer, a spare disk, and a disk another VM has: each picker offers only what fits it.
            String installer = other.createVolume("picker-installer.iso", 1L << 20);
            String spare = other.createVolume("picker-spare.qcow2", 1L << 20);
            String taken = other.createVolume("picker-taken.qcow2", 1L << 20);
            other.define("<domain type='test'><name>picker-owner</name><memory>65536</memory><os><type>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><source file='" + taken + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "</devices></domain>");
            robot.clickOn("#newVmButton");
            page.waitUntil("the wizard opens", 10, () -> !robot.lookup("#wizardNext").queryAll().isEmpty());
            var wizardWindow = MainWindowPage.onFx(() -> robot.lookup("#wizardNext").query().getScene().getWindow());
            robot.sleep(500);   // under a window manager the window settles after it is mapped
            System.out.println("wizard: " + MainWindowPage.assertPlaced(wizardWindow, MainWindowPage.mainWindow(), 600, 400, 40));
            assertEquals(List.of(), MainWindowPage.truncated(wizardWindow.getScene().getRoot()), "nothing in the wizard is cut off");
            robot.interact(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<NodeRef> nodes = robot.lookup("#wizard-node").queryAs(ComboBox.class);
                nodes.setValue(nodes.getItems().stream().filter(n -> n.uri().equals(uri)).findFirst().orElseThrow());
            });

            page.waitUntil("the node's volumes are read", 10, () -> MainWindowPage.onFx(() -> robot.lookup("#wizard-installPath")
                    .queryAs(ComboBox.class).getItems().contains(installer)));
            List<String> isos = MainWindowPage.onFx(() -> robot.lookup("#wizard-installPath").queryAs(ComboBox.class).getItems()
                    .stream().map(String::valueOf).toList());
            assertTrue(isos.contains(installer) && !isos.contains(spare) && !isos.contains(taken), isos.toString());
            // Browse…: the node's pools in one table, installers first; every volume on request, with the VM that has it.
            robot.interact(() -> wizard.choose("install", "iso"));
            robot.clickOn("#wizardBrowseIso");
            page.waitUntil("the browser opens", 10, () -> !robot.lookup("#browser-table").queryAll().isEmpty());
            assertEquals(List.of("picker-installer.iso"), browserNames());
            robot.clickOn("#browser-all");
            assertTrue(browserNames().containsAll(List.of("picker-installer.iso", "picker-spare.qcow2", "picker-taken.qcow2")), browserNames().toString());
            assertTrue(MainWindowPage.onFx(() -> {
                @SuppressWarnings("unchecked")
                TableView<StorageBrowser.Row> table = robot.lookup("#browser-table").queryAs(TableView.class);
                return table.getItems().stream().anyMatch(r -> r.volume().name().equals("picker-taken.qcow2")
                        && r.volume().usedAsDiskBy().equals(List.of("picker-owner")));
            }));
            robot.clickOn("#browser-all");
            robot.interact(() -> {
                @SuppressWarnings("unchecked")
                TableView<StorageBrowser.Row> table = robot.lookup("#browser-table").queryAs(TableView.class);
                table.getSelectionModel().select(0);
            });
            robot.clickOn(robot.lookup((Button b) -> "OK".equals(b.getText())).queryButton());
            page.waitUntil("the picked installer is in the field", 5, () -> installer.equals(MainWindowPage.onFx(
                    () -> robot.lookup("#wizard-installPath").queryAs(ComboBox.class).getValue())));
            robot.interact(() -> wizard.choose("install", "none"));
            // Next is disabled with its reason beside it, before anything is typed.
            page.waitUntil("Next says why it waits", 10, () -> blocker().equals("Give the VM a name."));
            assertTrue(robot.lookup("#wizardNext").query().isDisabled());
            // A bad name is refused where it is typed.
            robot.clickOn("#wizard-name").write("bad/name");
            page.waitUntil("the name is refused", 5, () -> wizard.error("NAME").contains("no /"));
            assertTrue(robot.lookup("#wizardNext").query().isDisabled());
            robot.interact(() -> wizard.field("name").setText("wiz-01"));
            page.waitUntil("the name is fine", 5, () -> wizard.error("NAME").isEmpty() && !robot.lookup("#wizardNext").query().isDisabled());
            robot.clickOn("#wizardNext");

            robot.interact(() -> {
                wizard.field("vcpus").setText("3");
                wizard.field("memory").setText("0");
            });
            page.waitUntil("zero memory is refused", 5, () -> wizard.error("MEMORY").startsWith("Between 64 MiB"));
            robot.interact(() -> wizard.field("memory").setText("512 MiB"));
            page.waitUntil("memory accepted", 5, () -> wizard.error("MEMORY").isEmpty());
            // UEFI chosen: the TPM box follows (on with UEFI), and a click decides it.
            robot.interact(() -> wizard.choice("firmware").setValue("uefi"));
            page.waitUntil("the TPM comes with UEFI", 5, () -> MainWindowPage.onFx(() -> robot.lookup("#wizard-tpm").queryAs(CheckBox.class).isSelected()));
            robot.clickOn("#wizard-tpm");
            robot.interact(() -> wizard.choice("firmware").setValue("bios"));
            robot.clickOn("#wizardNext");

            List<String> disks = MainWindowPage.onFx(() -> robot.lookup("#wizard-existingVolume").queryAs(ComboBox.class).getItems()
                    .stream().map(String::valueOf).toList());
            assertTrue(disks.contains(spare) && !disks.contains(installer) && !disks.contains(taken), disks.toString());
            robot.interact(() -> {
                wizard.choice("diskKind").setValue("new");
                @SuppressWarnings("unchecked")
                ComboBox<String> pool = robot.lookup("#wizard-pool").queryAs(ComboBox.class);
                pool.setValue("default-pool");
                wizard.choice("format").setValue("raw");
                wizard.field("diskSize").setText("2G");
            });
            page.waitUntil("disk accepted", 5, () -> wizard.error("DISK_SIZE").isEmpty() && wizard.error("DISK_POOL").isEmpty());
            robot.clickOn("#wizardNext");
            robot.interact(() -> {
                wizard.choice("networkKind").setValue("network");
                @SuppressWarnings("unchecked")
                ComboBox<String> net = robot.lookup("#wizard-network").queryAs(ComboBox.class);
                net.setValue("default");
            });
            page.waitUntil("network accepted", 5, () -> wizard.error("NETWORK").isEmpty());
            robot.clickOn("#wizardNext").clickOn("#wizardNext");
            String xml = wizard.xml();
            assertEquals(List.of(), MainWindowPage.truncated(wizardWindow.getScene().getRoot()), "nothing on the summary page is cut off");
            String summary = text("#wizard-summary");
            assertTrue(summary.contains("installs from ") && summary.contains("network: the virtual network default"), summary);
            assertTrue(xml.contains("<name>wiz-01</name>") && xml.contains("<source file=\"/default-pool/wiz-01.raw\"/>"), xml);

            // Someone else takes the name between our checks and the define: a real failure half-way.
            other.define("<domain type='test'><name>wiz-01</name><memory>65536</memory><os><type>hvm</type></os></domain>");
            robot.clickOn("#wizardCreate");
            page.waitUntil("the failure is shown", 20, () -> wizard.outcome().startsWith("Nothing was left behind."));
            assertTrue(wizard.outcome().contains("Defining the VM wiz-01 failed"), wizard.outcome());
            assertFalse(String.join("\n", Virsh.run(uri, "vol-list", "default-pool")).contains("wiz-01.raw"),
                    "the disk made before the failure is gone");
            assertEquals("65536 KiB", Virsh.run(uri, "dominfo", "wiz-01").stream()
                    .filter(l -> l.startsWith("Max memory:")).map(l -> l.replaceAll("Max memory:\\s+", "")).findFirst().orElse(""),
                    "the other client's VM is untouched");

            // Every input is kept: back to the first page, a new name, and create again.
            for (int i = 0; i < 5; i++) {
                robot.clickOn("#wizardBack");
            }
            assertEquals("wiz-01", MainWindowPage.onFx(() -> wizard.field("name").getText()));
            page.waitUntil("the fresh facts know the name is taken", 10, () -> wizard.error("NAME").contains("already has a VM"));
            robot.interact(() -> wizard.field("name").setText("wiz-02"));
            page.waitUntil("the new name is fine", 5, () -> wizard.error("NAME").isEmpty());
            Set<String> unnamed = new TreeSet<>(wizardUnnamed());
            for (int i = 0; i < 5; i++) {
                robot.clickOn("#wizardNext");
                unnamed.addAll(wizardUnnamed());
            }
            assertEquals(Set.of(), unnamed, "wizard controls a screen reader could name only by role");
            robot.clickOn("#wizard-openConsole");
            robot.clickOn("#wizardCreate");
            page.waitUntil("created", 20, () -> wizard.outcome().equals("Created wiz-02."));
            // "Open its serial console after the start": the tab opens (the test driver has no console and says so).
            page.waitUntil("the console tab opens", 10, () -> app.app().view().terminals().openTabs().size() == 1);
            page.waitUntil("the console tab explains", 10, () -> text("#terminalStatus").contains("virDomainOpenConsole"));
            assertEquals(List.of(), MainWindowPage.onFx(() -> AccessibleNames.unnamed(page.table().getScene().getRoot())),
                    "main window with a console tab: controls named only by role");

            String defined = String.join("\n", Virsh.run(uri, "dumpxml", "wiz-02"));
            assertTrue(defined.contains("<vcpu placement='static'>3</vcpu>"), defined);
            assertTrue(defined.contains("<memory unit='KiB'>524288</memory>"), defined);
            assertTrue(defined.contains("<driver name='qemu' type='raw'/>") && defined.contains("<source file='/default-pool/wiz-02.raw'/>"), defined);
            assertTrue(defined.contains("<source network='default'/>"), defined);
            assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "default-pool", "wiz-02.raw"))
                    .matches("(?s).*Capacity:\\s+2\\.00 GiB.*"));
            assertEquals("running", Virsh.listAll(uri).get("wiz-02"));
            page.waitUntil("the main window lists it", 10, () -> "running".equals(page.tableNamesAndStates().get("wiz-02")));
            // "Create another": the same choices, a new name to give; closing with one typed asks first.
            assertTrue(MainWindowPage.onFx(() -> robot.lookup("#wizardAnother").query().isVisible()), "offered once made");
            assertFalse(MainWindowPage.onFx(() -> robot.lookup("#wizardCreate").query().isVisible()));
            robot.clickOn("#wizardAnother");
            page.waitUntil("back on the first page, unnamed", 10, () -> wizard.field("name").getText().isEmpty()
                    && blocker().equals("Give the VM a name."));
            robot.interact(() -> wizard.field("name").setText("wiz-03"));
            robot.clickOn("#wizardClose");
            assertEquals("discardVmDialog", page.dialog().getId());
            robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
            assertTrue(MainWindowPage.onFx(wizardWindow::isShowing), "Cancel keeps the wizard and what was typed");
            assertEquals("wiz-03", MainWindowPage.onFx(() -> wizard.field("name").getText()));
            robot.clickOn("#wizardClose");
            robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Discard")).queryButton());
            page.waitUntil("the wizard is gone", 10, () -> !MainWindowPage.onFx(wizardWindow::isShowing));
            assertFalse(Virsh.listAll(uri).containsKey("wiz-03"), "nothing made for the discarded one");
            // Ctrl+W (File ▸ Close tab) closes the console tab and ends its session.
            robot.clickOn("#filterField").press(KeyCode.CONTROL, KeyCode.W)
                    .release(KeyCode.W, KeyCode.CONTROL);
            page.waitUntil("Ctrl+W closes the console tab", 5, () -> app.app().view().terminals().openTabs().isEmpty());
            assertEquals(List.of(), log.problems().stream().filter(p -> !p.contains("create wiz-01")).toList());
        }
    }

    /** Customize before install: defined, not started, its Hardware tab shown with Begin / Cancel installation. */
    @Test
    void customizeBeforeInstallDefinesThenCancelsOrBegins() throws Exception {
        try (LogCapture log = new LogCapture()) {
            lab.openWindow();
            String uri = lab.uri();
            page.waitUntil("the shared node connects", 30, () -> page.tableNamesAndStates().containsKey("test"));
            for (String name : List.of("custom-01", "custom-02")) {
                robot.clickOn("#newVmButton");
                page.waitUntil("the wizard opens", 10, () -> !robot.lookup("#wizardNext").queryAll().isEmpty());
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<NodeRef> nodes = robot.lookup("#wizard-node").queryAs(ComboBox.class);
                    nodes.setValue(nodes.getItems().stream().filter(n -> n.uri().equals(uri)).findFirst().orElseThrow());
                });
                page.waitUntil("the node's facts are in", 10, () -> blocker().equals("Give the VM a name."));
                robot.interact(() -> wizard.field("name").setText(name));
                page.waitUntil("the name is fine", 5, () -> !robot.lookup("#wizardNext").query().isDisabled());
                robot.clickOn("#wizardNext").clickOn("#wizardNext");
                robot.interact(() -> {
                    wizard.choice("diskKind").setValue("new");
                    wizard.field("diskSize").setText("1G");
                });
                page.waitUntil("disk accepted", 5, () -> wizard.error("DISK_SIZE").isEmpty() && wizard.error("DISK_POOL").isEmpty());
                robot.clickOn("#wizardNext").clickOn("#wizardNext").clickOn("#wizardNext");
                robot.clickOn("#wizard-customize");
                robot.clickOn("#wizardCreate");
                page.waitUntil("the wizard gives way to the VM's details", 20, () -> robot.lookup("#wizardCreate").queryAll().isEmpty());
                page.waitUntil("its Hardware tab waits with the bar", 15, () -> MainWindowPage.onFx(() ->
                        !robot.lookup("#installBar").queryAll().isEmpty() && robot.lookup("#installBar").query().isVisible()
                        && "hardwareTab".equals(robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                        && page.table().getSelectionModel().getSelectedItem().name().equals(name)));
                assertEquals("shut off", Virsh.listAll(uri).get(name), "defined, not started");
                assertTrue(String.join("\n", Virsh.run(uri, "vol-list", "default-pool")).contains(name + ".qcow2"));
                if (name.equals("custom-01")) {
                    robot.clickOn("#cancelInstall");
                    assertEquals("cancelInstallDialog", page.dialog().getId());
                    robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Remove VM")).queryButton());
                    page.waitUntil("Cancel removes the VM", 15, () -> !Virsh.listAll(uri).containsKey(name));
                    assertFalse(String.join("\n", Virsh.run(uri, "vol-list", "default-pool")).contains(name + ".qcow2"), "and its new disk");
                } else {
                    robot.clickOn("#beginInstall");
                    page.waitUntil("Begin starts it", 15, () -> "running".equals(Virsh.listAll(uri).get(name)));
                    page.waitUntil("the bar goes", 10, () -> MainWindowPage.onFx(() -> !robot.lookup("#installBar").query().isVisible()));
                }
            }
            assertEquals(List.of(), log.problems());
        }
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private List<String> browserNames() {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StorageBrowser.Row> table = robot.lookup("#browser-table").queryAs(TableView.class);
            return table.getItems().stream().map(r -> r.volume().name()).toList();
        });
    }

    private String blocker() {
        return MainWindowPage.onFx(() -> robot.lookup("#wizardBlocker").queryAs(Label.class).getText());
    }
}
