package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * Lifecycle and bulk actions driven through the window, on a node shared with virsh through a
 * real libvirtd: what virsh reports afterwards is the verdict.
 */
class VmActionsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void bulkLifecycleActionsThroughToolbarShortcutsMenusAndConfirmations() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String uri = daemon.sharedTestNode();
            try (TestDriverClient other = new TestDriverClient(uri)) {
                for (int i = 1; i <= 50; i++) {
                    other.define("<domain type='test'><name>bulk-%02d</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>".formatted(i));
                }
                String disk = other.createVolume("doomed-vda.qcow2", 1L << 30);
                other.define("<domain type='test'><name>doomed</name><memory>131072</memory><os><type>hvm</type></os>"
                        + "<devices><disk type='file' device='disk'><source file='" + disk + "'/><target dev='vda'/></disk></devices></domain>");

                try (LogCapture log = new LogCapture(); RunningApp app = RunningApp.start(home, "--connect", uri)) {
                    page.waitUntil("the shared node lists its 52 domains", 30, () -> page.tableNamesAndStates().size() >= 52);

                    // Bulk start of 50 VMs from the toolbar.
                    selectByFilter("bulk-", 50);
                    robot.clickOn("#button-start");
                    page.waitUntil("50 started", 30, () -> page.actionSummary().equals("50 started"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "running"));
                    // The host pane's VM count follows the inventory, not the moment the host was read.
                    Map<String, String> all = Virsh.listAll(uri);
                    String expected = all.values().stream().filter(st -> !st.equals("shut off")).count() + " active of " + all.size();
                    page.waitUntil("the host pane counts " + expected, 10, () -> MainWindowPage.onFx(() ->
                            page.table().getScene().getRoot().lookup("#host-vms") instanceof Label l
                                    && l.getText().equals(expected)));

                    // Statistics are sampled for the rows on screen only.
                    page.waitUntil("the top row shows its CPU %", 20, () -> page.renderedColumn("cpuColumn").stream()
                            .findFirst().map(t -> t.endsWith("%")).orElse(false));
                    VmSummary last = MainWindowPage.onFx(() -> page.table().getItems().get(49));
                    assertEquals("bulk-50", last.name());
                    assertEquals(null, MainWindowPage.onFx(() -> app.app().viewModel().stats(last.key())),
                            "bulk-50 is far below the visible rows: never sampled");

                    // Pause by shortcut, resume from the VM menu.
                    focusTable();
                    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
                    page.waitUntil("50 paused", 30, () -> page.actionSummary().equals("50 paused"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "paused"));
                    page.chooseFromMenu("#vmMenu", "#menu-resume");
                    page.waitUntil("50 resumed", 30, () -> page.actionSummary().equals("50 resumed"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "running"));

                    // Managed save from the context menu, then restore.
                    page.chooseAt(page::firstRowCell, true, "#menu-save");
                    page.waitUntil("50 saved", 30, () -> page.actionSummary().equals("50 saved"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "shut off"));
                    assertTrue(Virsh.run(uri, "dominfo", "bulk-07").stream().anyMatch(l -> l.matches("Managed save:\\s+yes")));
                    assertFalse(page.isEnabled("#button-start"), "Start is for VMs without a saved state");
                    page.chooseFromMenu("#vmMenu", "#menu-restore");
                    page.waitUntil("50 restored", 30, () -> page.actionSummary().equals("50 restored"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "running"));

                    // Reboot keeps them running; shut down (ACPI) stops them; start again.
                    page.chooseFromMenu("#vmMenu", "#menu-reboot");
                    page.waitUntil("50 rebooting", 30, () -> page.actionSummary().equals("50 rebooting"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "running"));
                    robot.clickOn("#button-shutdown");
                    page.waitUntil("50 shut down", 30, () -> countBulk(page.tableNamesAndStates(), "shut off") == 50);
                    assertEquals(50, countBulk(Virsh.listAll(uri), "shut off"));
                    robot.clickOn("#button-start");
                    page.waitUntil("50 running again", 30, () -> countBulk(page.tableNamesAndStates(), "running") == 50);

                    // Force off asks first; "do not ask again" is remembered.
                    robot.clickOn("#button-forceOff");
                    DialogPane confirm = page.dialog();
                    assertTrue(confirm.getHeaderText().contains("Force off 50 VMs?"), confirm.getHeaderText());
                    assertEquals(List.of(), MainWindowPage.truncated(confirm), "nothing in the Force-off confirmation is cut off");
                    robot.clickOn(robot.from(confirm).lookup("#dontAsk").queryAs(CheckBox.class));
                    robot.clickOn(robot.from(confirm).lookup((Button b) -> b.getText().equals("Force off")).queryButton());
                    page.waitUntil("50 forced off", 30, () -> page.actionSummary().equals("50 forced off"));
                    assertEquals(50, countBulk(Virsh.listAll(uri), "shut off"));
                    robot.clickOn("#button-start");
                    page.waitUntil("50 started again", 30, () -> countBulk(page.tableNamesAndStates(), "running") == 50);
                    robot.clickOn("#button-forceOff");
                    page.waitUntil("forced off without asking", 30, () -> page.actionSummary().equals("50 forced off"));

                    // Delete with its storage: the dialog lists the volume, and virsh sees both gone.
                    selectByFilter("doomed", 1);
                    focusTable();
                    robot.type(KeyCode.DELETE);
                    DialogPane delete = page.dialog();
                    assertEquals(List.of(), MainWindowPage.truncated(delete), "nothing in the Delete confirmation is cut off");
                    String listed = robot.from(delete).lookup("#storageList").lookup(".label").queryAllAs(Label.class)
                            .stream().map(Label::getText).collect(Collectors.joining("\n"));
                    assertTrue(listed.contains("default-pool/doomed-vda.qcow2") && listed.contains("1 GiB"), listed);
                    System.out.println("delete dialog: " + MainWindowPage.assertPlaced(delete.getScene().getWindow(), MainWindowPage.mainWindow(),
                            300, 150, 40));
                    // Safe defaults: storage unticked, Enter cancels; the button says what it will do.
                    assertFalse(robot.from(delete).lookup("#deleteStorage").queryAs(CheckBox.class).isSelected());
                    assertTrue(robot.from(delete).lookup((Button b) -> b.getText().equals("Cancel")).queryButton().isDefaultButton());
                    robot.clickOn("#deleteStorage");
                    robot.clickOn(robot.from(delete).lookup((Button b) -> b.getText().equals("Delete VM and 1 volume")).queryButton());
                    page.waitUntil("doomed is gone from the table", 30, () -> !page.tableNamesAndStates().containsKey("doomed"));
                    assertFalse(Virsh.names(uri).contains("doomed"));
                    assertFalse(String.join("\n", Virsh.run(uri, "vol-list", "default-pool")).contains("doomed-vda.qcow2"));

                    assertEquals(List.of(), log.problems());
                }
            }
        }
    }

    @Test
    void aFailureIsShownOnceWithLibvirtsOwnMessage() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            selectByFilter("nixos-unstable", 1);   // suspended to RAM; the test driver cannot wake it up
            robot.clickOn("#button-resume");
            DialogPane error = page.dialog();
            assertEquals("Could not resume “nixos-unstable”.", error.getHeaderText());
            assertTrue(error.getContentText().contains("virDomainPMWakeup"), error.getContentText());
            robot.clickOn(robot.from(error).lookup((Button b) -> b.getText().equals("OK")).queryButton());
            assertTrue(page.actionSummary().startsWith("1 failed: nixos-unstable: "), page.actionSummary());
        }
    }

    /** Focus, as a click would give, without a click that would change the selection. */
    private void focusTable() {
        robot.interact(() -> page.table().requestFocus());
    }

    private void selectByFilter(String filter, int expected) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(filter));
        page.waitUntil(expected + " rows match " + filter, 10, () -> page.table().getItems().size() == expected);
        robot.interact(() -> page.table().getSelectionModel().selectAll());
    }

    private static long countBulk(Map<String, String> states, String state) {
        return IntStream.rangeClosed(1, 50).mapToObj("bulk-%02d"::formatted).filter(n -> state.equals(states.get(n))).count();
    }
}
