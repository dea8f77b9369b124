package org.vireo.ui.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.ByteSize;
import org.vireo.model.VmSummary;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.TerminalDriver;
import org.vireo.ui.jobs.JobsViewModel;
import org.vireo.ui.terminal.TerminalTab;

/**
 * VM › Migrate… through the window between lab nodes, each node's virsh the oracle: a running guest on the lab's LAN
 * (bridged on every node) moves live while an SSH tab to it is open — the dialog shows each node's answer and the
 * address the source reaches it at, a bandwidth typed wrong is said under the field, the Jobs window follows the move to
 * its end, the table shows it on the other node by libvirt's events alone, and the same SSH session answers after the
 * move; a shut-off VM moves with its disk; three guests are evacuated from a node, two at a time; a node in maintenance
 * is said and not chosen.
 */
@Tag("e2e")
class MigrateDialogTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);
    private final TerminalDriver terminal = new TerminalDriver(robot, page);

    @Test
    void aRunningAndAShutOffVmMoveToTheOtherNodeThroughTheDialog() throws Exception {
        try (RemoteLab lab = RemoteLab.up(home.resolve("lab"), 3, 0, true)) {
            String a = "qemu+tcp://" + lab.address(1) + "/system";
            String b = "qemu+tcp://" + lab.address(2) + "/system";
            String c = "qemu+tcp://" + lab.address(3) + "/system";
            Path walker = home.resolve("walker.xml");
            Files.writeString(walker, """
                    <domain type='qemu'><name>walker</name><memory unit='MiB'>192</memory><vcpu>1</vcpu>
                      <os><type arch='x86_64' machine='q35'>hvm</type><kernel>/var/lib/libvirt/images/vmlinuz</kernel>
                        <initrd>/var/lib/libvirt/images/initrd.gz</initrd><cmdline>console=ttyS0</cmdline></os>
                      <devices><interface type='bridge'><mac address='52:54:00:77:00:01'/><source bridge='labbr'/><model type='virtio'/></interface>
                        <serial type='pty'/><console type='pty'/></devices>
                    </domain>
                    """);
            Path parked = home.resolve("parked.xml");
            Files.writeString(parked, """
                    <domain type='qemu'><name>parked</name><memory unit='MiB'>128</memory><vcpu>1</vcpu>
                      <os><type arch='x86_64' machine='q35'>hvm</type></os>
                      <devices><disk type='volume' device='disk'><driver name='qemu' type='qcow2'/>
                        <source pool='lab-images' volume='parked.qcow2'/><target dev='vda' bus='virtio'/></disk></devices>
                    </domain>
                    """);
            Virsh.run(a, "define", walker.toString());
            Virsh.run(a, "start", "walker");
            Virsh.run(a, "vol-create-as", "lab-images", "parked.qcow2", "48M", "--format", "qcow2");
            Virsh.run(a, "define", parked.toString());
            // The user's own SSH key, as Vireo's SSH tabs find it: ~/.ssh/id_ed25519 (the lab guest accepts it).
            Path userHome = Files.createDirectories(home.resolve("user/.ssh")).getParent();
            Files.copy(lab.sshKey(), userHome.resolve(".ssh/id_ed25519"));
            Files.setPosixFilePermissions(userHome.resolve(".ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
            String realHome = System.getProperty("user.home");
            System.setProperty("user.home", userHome.toString());
            try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", a, "--connect", b, "--connect", c)) {
                page.waitUntil("both VMs are listed", 30, () -> page.tableNamesAndStates().containsKey("walker")
                        && page.tableNamesAndStates().containsKey("parked"));
                // An SSH tab to walker on the lab's LAN (bridged on every node): it is to keep working across the move.
                String[] lan = new String[1];
                page.waitUntil("walker has its LAN address", 90, () -> {
                    lan[0] = lab.lanAddress("52:54:00:77:00:01").orElse(null);
                    return lan[0] != null;
                });
                select("walker");
                page.chooseFromMenu("#vmMenu", "#menu-ssh");
                DialogPane target = page.dialog();
                robot.interact(() -> {
                    robot.from(target).lookup("#sshHost").queryAs(ComboBox.class).getEditor().setText(lan[0]);
                    robot.from(target).lookup("#sshUser").queryAs(TextField.class).setText("root");
                });
                robot.clickOn(robot.from(target).lookup((Button button) -> "OK".equals(button.getText())).queryButton());
                page.waitUntil("the SSH tab opens", 10, () -> MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().size()) == 1);
                TerminalTab ssh = MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(0));
                terminal.acceptHostKeys(ssh, "#");
                terminal.typeInto(ssh, "echo before-$((6*7))");
                page.waitUntil("the guest answers over SSH", 30, () -> TerminalDriver.screen(ssh).contains("before-42"));
                robot.clickOn("#vmListTab");
                select("walker");
                page.chooseFromMenu("#vmMenu", "#menu-migrate");
                var dialog = page.dialog();
                page.waitUntil("every node answers, one that can take it chosen", 30,
                        () -> destinations().stream().noneMatch(d -> d.endsWith("checking…")) && chosen().contains("can take it"));
                // B and C both can (the lab's nodes share one host's memory): the user picks B
                robot.interact(() -> destinationsView().getSelectionModel().select(destinationsView().getItems().stream()
                        .filter(d -> d.node().name().equals("10.77.0.12")).findFirst().orElseThrow()));
                assertEquals("10.77.0.12 — can take it, " + freeOf(chosenDestination()) + " free", chosen());
                assertTrue(destinations().contains("Workstation (demo) — cannot: Workstation (demo) is a test-driver node; the VM runs on QEMU."),
                        destinations().toString());
                System.out.println("migrate dialog: " + MainWindowPage.assertPlaced(dialog.getScene().getWindow(), MainWindowPage.mainWindow(),
                        400, 300, 40));
                assertEquals(List.of(), MainWindowPage.truncated(dialog), "nothing in the dialog is cut off");
                assertEquals("", text("#migrateProblems"));
                assertEquals(b, text("#migratePeerUri"));
                assertEquals("Every disk is on shared storage or read-only: nothing to copy.", text("#migrateStorage"));
                robot.interact(() -> robot.lookup("#migrateBandwidth").queryAs(TextField.class).setText("fast"));
                assertEquals("Give the limit as a whole number of MiB/s, or leave it empty for none.", text("#migrateBandwidthError"));
                assertTrue(page.isDisabledNow("#migrateOk"));
                robot.interact(() -> robot.lookup("#migratePeerAddress").queryAs(TextField.class).setText("root@node b"));
                assertTrue(text("#migratePeerAddressError").startsWith("Give a host name or address"));
                robot.interact(() -> {
                    robot.lookup("#migrateBandwidth").queryAs(TextField.class).setText("");
                    robot.lookup("#migratePeerAddress").queryAs(TextField.class).setText("");
                });
                assertFalse(page.isDisabledNow("#migrateOk"));
                robot.clickOn("#migrateOk");
                robot.clickOn("#jobsButton");
                page.waitUntil("the move ends", 120, this::jobEnded);
                assertTrue(jobStatus().startsWith("walker runs on 10.77.0.12 now (moved in "), jobStatus());
                robot.interact(() -> robot.lookup("#jobList").query().getScene().getWindow().hide());
                page.waitUntil("the table shows walker on node B only, by events", 30, () -> nodesOf(app, "walker").equals(List.of("cli-2")));
                assertEquals("running", Virsh.run(b, "domstate", "walker").get(0).strip());
                assertFalse(Virsh.names(a).contains("walker"));
                // The SSH tab opened before the move still answers: the guest's address is reachable where it runs now.
                robot.interact(() -> ssh.tab().getTabPane().getSelectionModel().select(ssh.tab()));
                terminal.typeInto(ssh, "echo after-$((7*7))");
                page.waitUntil("the same SSH session answers after the move", 30, () -> TerminalDriver.screen(ssh).contains("after-49"));
                robot.clickOn("#vmListTab");

                // A shut-off VM: its definition and, by default, its disk.
                select("parked");
                page.chooseFromMenu("#vmMenu", "#menu-migrate");
                DialogPane offline = page.dialog();
                page.waitUntil("the nodes answer", 30, () -> destinations().stream().noneMatch(d -> d.endsWith("checking…")));
                robot.interact(() -> destinationsView().getSelectionModel().select(destinationsView().getItems().stream()
                        .filter(d -> d.node().name().equals("10.77.0.12")).findFirst().orElseThrow()));
                assertEquals("On 10.77.0.11's own storage: vda (48 MiB, lab-images)", text("#migrateStorage"));
                assertTrue(MainWindowPage.onFx(() -> robot.lookup("#migrateCopyStorage").queryAs(CheckBox.class).isSelected()));
                // This dialog's button: a lookup over every window once found the first Migrate dialog's, closed (CI, once).
                robot.clickOn(MainWindowPage.onFx(() -> offline.lookup("#migrateOk")));
                robot.clickOn("#jobsButton");
                page.waitUntil("the offline move ends", 120, this::jobEnded);
                assertTrue(jobStatus().startsWith("parked is defined on 10.77.0.12 now (moved in "), jobStatus());
                robot.interact(() -> robot.lookup("#jobList").query().getScene().getWindow().hide());
                page.waitUntil("parked is listed on node B only", 60, () -> nodesOf(app, "parked").equals(List.of("cli-2")));
                assertTrue(Virsh.names(b).contains("parked"));
                assertFalse(Virsh.names(a).contains("parked"));
                assertTrue(String.join("\n", Virsh.run(b, "vol-list", "lab-images")).contains("parked.qcow2"));
                assertFalse(String.join("\n", Virsh.run(a, "vol-list", "lab-images")).contains("parked.qcow2"));

                // Evacuate A: three running guests spread over B and C, two at a time; the summary says where each went.
                for (String guest : List.of("g1", "g2", "g3")) {
                    Path xml = home.resolve(guest + ".xml");
                    Files.writeString(xml, Files.readString(walker).replace("walker", guest).replace("192", "128")
                            .replace("52:54:00:77:00:01", "52:54:00:77:00:1" + guest.charAt(1)));
                    Virsh.run(a, "define", xml.toString());
                    Virsh.run(a, "start", guest);
                }
                robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(""));
                page.waitUntil("the guests are listed", 30, () -> List.of("g1", "g2", "g3").stream().allMatch(g -> nodesOf(app, g).equals(List.of("cli-1"))));
                robot.interact(() -> page.selectTreeRow(nodeItem("10.77.0.11")));
                page.chooseFromMenu("#nodeMenu", "#menu-evacuate");
                page.dialog();
                page.waitUntil("the plan is made", 60, () -> List.of("g1", "g2", "g3").stream().allMatch(g -> !planned(g).isEmpty()));
                List<String> proposed = List.of(planned("g1"), planned("g2"), planned("g3"));
                assertTrue(proposed.contains("cli-2") && proposed.contains("cli-3"), "spread over B and C: " + proposed);
                robot.interact(() -> robot.lookup("#evacuateAtOnce").queryAs(Spinner.class).getValueFactory().setValue(2));
                robot.clickOn("#evacuateStart");
                page.waitUntil("the summary", 120, () -> !text("#evacuateSummary").isEmpty());
                String summary = text("#evacuateSummary");
                assertTrue(summary.startsWith("Moved 3: ") && !summary.contains("Failed"), summary);
                for (String guest : List.of("g1", "g2", "g3")) {
                    String to = planned(guest).equals("cli-2") ? b : c;
                    assertTrue(summary.contains(guest + " → " + (to.equals(b) ? "10.77.0.12" : "10.77.0.13")), summary);
                    assertEquals("running", Virsh.run(to, "domstate", guest).get(0).strip());
                    page.waitUntil(guest + " is listed on its new node", 30, () -> nodesOf(app, guest).equals(List.of(to.equals(b) ? "cli-2" : "cli-3")));
                }
                assertEquals(List.of(), Virsh.run(a, "list", "--name").stream().filter(l -> !l.isBlank()).toList(), "A runs nothing now");
                robot.clickOn(robot.lookup((Button button) -> "Close".equals(button.getText())).queryButton());

                // C in maintenance: the Migrate dialog says so and does not choose it.
                robot.interact(() -> page.selectTreeRow(nodeItem("10.77.0.13")));
                page.chooseFromMenu("#nodeMenu", "#menu-maintenance");
                robot.interact(() -> page.selectTreeRow(page.tree().getRoot()));
                select("walker");
                page.chooseFromMenu("#vmMenu", "#menu-migrate");
                page.dialog();
                page.waitUntil("every node answers", 30, () -> destinations().stream().noneMatch(d -> d.endsWith("checking…")));
                assertTrue(destinations().contains("10.77.0.13 — in maintenance"), destinations().toString());
                assertTrue(chosen().startsWith("10.77.0.11 — can take it"), chosen());
                robot.clickOn(robot.lookup((Button button) -> "Cancel".equals(button.getText())).queryButton());
            } finally {
                System.setProperty("user.home", realHome);
            }
        }
    }

    private TreeItem<Object> nodeItem(String name) {
        return page.nodeItems().stream().filter(i -> String.valueOf(i.getValue()).contains("name=" + name + ",")).findFirst().orElseThrow();
    }

    /** The node the plan sends a VM to ("" while it is made, or when it stays). */
    private String planned(String vm) {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<String> to = robot.lookup("#evacuateTo-" + vm).queryAs(ChoiceBox.class);
            return to.getValue() == null ? "" : to.getValue();
        });
    }

    private void select(String name) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(name));
        page.waitUntil("only " + name + " is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
    }

    private List<String> nodesOf(RunningApp app, String name) {
        return MainWindowPage.onFx(() -> app.app().viewModel().allVms().stream().filter(v -> v.name().equals(name))
                .map(VmSummary::nodeId).toList());
    }

    @SuppressWarnings("unchecked")
    private ListView<MigrateViewModel.Destination> destinationsView() {
        return robot.lookup("#migrateDestinations").queryAs(ListView.class);
    }

    private List<String> destinations() {
        return MainWindowPage.onFx(() -> destinationsView().getItems().stream().map(d -> d.summaryProperty().get()).toList());
    }

    private MigrateViewModel.Destination chosenDestination() {
        return MainWindowPage.onFx(() -> destinationsView().getSelectionModel().getSelectedItem());
    }

    private String chosen() {
        MigrateViewModel.Destination d = chosenDestination();
        return d == null ? "" : MainWindowPage.onFx(() -> d.summaryProperty().get());
    }

    private static String freeOf(MigrateViewModel.Destination destination) {
        return destination.checkProperty().get() == null ? "?"
                : new ByteSize(destination.checkProperty().get().freeMemory()).toHuman();
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean jobEnded() {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<JobsViewModel.Job> list = robot.lookup("#jobList").queryAs(ListView.class);
            return !list.getItems().isEmpty() && !list.getItems().get(0).runningProperty().get();
        });
    }

    private String jobStatus() {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<JobsViewModel.Job> list = robot.lookup("#jobList").queryAs(ListView.class);
            return list.getItems().isEmpty() ? "" : list.getItems().get(0).statusProperty().get();
        });
    }
}
