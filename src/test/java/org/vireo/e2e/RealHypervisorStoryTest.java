package org.vireo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.model.DhcpLease;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.model.VmDevice;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.create.OsVariant;
import org.vireo.testlab.LocalFiles;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.TerminalDriver;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.jobs.JobsViewModel;
import org.vireo.ui.terminal.TerminalTab;

/**
 * The whole story on a real hypervisor, through the window: a remote lab node (its own network
 * namespace, libvirtd and sshd, QEMU under emulation) is reached over libvirt's SSH transport; the
 * create-VM wizard makes a VM with direct kernel boot, 1 vCPU, 256 MiB, a new 64 MiB qcow2 disk
 * and the node's DHCP network; it boots; Vireo finds its address in the DHCP leases; an SSH tab
 * logs in through the node as jump host and runs {@code uname -a}; the serial console answers a
 * command; the VM is forced off and deleted with its storage; virsh on the node (the oracle)
 * shows nothing left. Run alone: {@code ./mvnw verify -Dgroups=e2e}.
 */
@Tag("e2e")
class RealHypervisorStoryTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);
    private final TerminalDriver terminal = new TerminalDriver(robot, page);
    private final Map<String, Long> steps = new LinkedHashMap<>();
    /** What the file picker answers next (the desktop's file dialog cannot be driven by a robot). */
    private final Deque<Path> picks = new ArrayDeque<>();
    private Path tools;
    private long last = System.nanoTime();

    @Test
    void aWizardMadeVmBootsOnARemoteNodeAndItsShellsAnswer() throws Exception {
        try (RemoteLab lab = RemoteLab.up(home.resolve("lab"), 1)) {
            step("lab node up (libvirtd, sshd, pool with the guest, DHCP network)");
            String address = lab.address(1);
            String oracle = "qemu+tcp://" + address + "/system";
            String uri = "qemu+libssh://root@" + address + "/system?keyfile=" + lab.sshKey() + "&known_hosts="
                    + home.resolve("libvirt_known_hosts") + "&known_hosts_verify=auto&sshauth=privkey";
            // The user's own SSH key, as Vireo's SSH tabs find it: ~/.ssh/id_ed25519.
            Path userHome = Files.createDirectories(home.resolve("user/.ssh")).getParent();
            Files.copy(lab.sshKey(), userHome.resolve(".ssh/id_ed25519"));
            Files.setPosixFilePermissions(userHome.resolve(".ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
            String realHome = System.getProperty("user.home");
            System.setProperty("user.home", userHome.toString());
            try (RunningApp app = RunningApp.start(home.resolve("app"), "--connect", uri)) {
                // First contact: the node's host key is asked in Vireo's dialog (its SSH session carries libvirt).
                DialogPane nodeKey = page.dialog();
                robot.clickOn(robot.from(nodeKey).lookup((Button b) -> b.getText().equals("Accept once")).queryButton());
                page.waitUntil("the node connects over SSH", 60, () -> MainWindowPage.onFx(() -> app.app().viewModel().nodes().stream()
                        .anyMatch(n -> n.ref().uri().equals(uri) && n.status().state() == NodeState.CONNECTED)));
                step("node connected over SSH (Vireo's session carries libvirt)");

                storageOverSsh(app, lab);
                createWithTheWizard(uri);
                step("wizard: an ISO uploaded from it, the VM defined and started");
                page.waitUntil("story-vm runs", 60, () -> "running".equals(state("story-vm")));
                VmSummary vm = MainWindowPage.onFx(() -> app.app().viewModel().allVms().stream()
                        .filter(v -> v.name().equals("story-vm")).findFirst().orElseThrow());
                assertEquals(VmState.RUNNING, vm.state());
                String xml = String.join("\n", Virsh.run(oracle, "dumpxml", "story-vm"));
                assertTrue(xml.contains("type='qemu'") && xml.contains("<kernel>/var/lib/libvirt/images/vmlinuz</kernel>")
                        && xml.contains("<vcpu placement='static'>1</vcpu>") && xml.contains("<memory unit='KiB'>262144</memory>")
                        && xml.contains("story-vm.qcow2") && xml.contains("<source network='story-net'"), xml);
                String netXml = String.join("\n", Virsh.run(oracle, "net-dumpxml", "story-net"));
                assertTrue(netXml.contains("<ip address='10.123.0.1' prefix='24'>") && netXml.contains("<range start='10.123.0.128' end='10.123.0.254'")
                        && !netXml.contains("<forward"), netXml);

                selectOnly("story-vm");
                page.waitUntil("Vireo finds the guest's address in the DHCP leases", 90, () -> MainWindowPage.onFx(() -> {
                    VmStats stats = app.app().viewModel().stats(vm.key());
                    return stats != null && stats.addresses().stream().anyMatch(a -> a.startsWith("10.123.0."));
                }));
                step("guest booted, address from the DHCP lease of the new network");
                List<String> leased = leasesOnNode(oracle);
                assertEquals(1, leased.size(), leased.toString());
                int host = Integer.parseInt(leased.get(0).split("\\s+")[1].replaceAll(".*\\.|/.*", ""));
                assertTrue(host >= 128 && host <= 254, "inside the range: " + leased);
                assertEquals(leased, leasesInVireo(), "Vireo's lease list is virsh net-dhcp-leases'");
                pinTheLease();
                String pinnedXml = String.join("\n", Virsh.run(oracle, "net-dumpxml", "story-net"));
                assertTrue(pinnedXml.contains("ip='10.123.0.50'") && pinnedXml.contains(leased.get(0).split("\\s+")[0]), pinnedXml);
                robot.clickOn("#vmListTab");
                selectOnly("story-vm");
                step("the lease listed in the Networks tab as virsh has it, its address pinned");

                // SSH through the node: the dialog offers the leased address and the node as jump host.
                page.chooseFromMenu("#vmMenu", "#menu-ssh");
                DialogPane target = page.dialog();
                robot.interact(() -> robot.from(target).lookup("#sshUser").queryAs(TextField.class).setText("root"));
                robot.clickOn(robot.from(target).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                page.waitUntil("the SSH tab opens", 10, () -> MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().size()) == 1);
                TerminalTab ssh = MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(0));
                terminal.acceptHostKeys(ssh, "#");
                step("SSH login through the node");
                terminal.typeInto(ssh, "uname -a");
                page.waitUntil("uname's answer shows in the terminal", 20, () -> TerminalDriver.screen(ssh).contains("Linux vireo-guest 6.1"));
                step("uname -a answered over SSH");

                page.chooseFromMenu("#vmMenu", "#menu-console");
                page.waitUntil("the console tab opens", 10, () -> MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().size()) == 2);
                TerminalTab console = MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(1));
                page.waitUntil("the console connects", 20, () -> MainWindowPage.onFx(() -> console.widget() != null
                        && console.widget().getTtyConnector() != null && console.widget().getTtyConnector().isConnected()));
                terminal.typeInto(console, "echo serial-$((6*7))");
                page.waitUntil("the serial console answers", 20, () -> TerminalDriver.screen(console).contains("serial-42"));
                step("serial console answered");

                // A data disk hot-plugged into the running guest, seen by its kernel, then hot-unplugged with its volume.
                robot.clickOn("#vmListTab");
                selectOnly("story-vm");
                robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
                page.waitUntil("devices can be added", 10, () -> page.isEnabled("#addDisk"));
                robot.clickOn("#addDisk");
                page.dialog();
                robot.interact(() -> {
                    robot.lookup("#diskPool").queryAs(ChoiceBox.class).setValue("lab-images");
                    robot.lookup("#diskSize").queryAs(TextField.class).setText("16 MiB");
                });
                robot.clickOn("#deviceOk");
                page.waitUntil("vdb is hot-plugged", 30, () -> deviceMessage().equals("Added vdb."));
                assertTrue(String.join("\n", Virsh.run(oracle, "domblklist", "story-vm")).contains("vdb"), "live");
                robot.interact(() -> console.tab().getTabPane().getSelectionModel().select(console.tab()));
                terminal.typeInto(console, "cat /sys/block/vdb/size");
                page.waitUntil("the guest sees a 16 MiB vdb", 30, () -> TerminalDriver.screen(console).contains("32768"));
                step("disk hot-plugged, the guest sees it");
                robot.clickOn("#vmListTab");
                selectDevice("vdb");
                page.waitUntil("remove is offered", 10, () -> page.isEnabled("#removeWithVolume"));
                robot.clickOn("#removeWithVolume");
                DialogPane remove = page.dialog();
                robot.clickOn(robot.from(remove).lookup((Button b) -> b.getText().equals("Remove and delete volume")).queryButton());
                page.waitUntil("vdb is hot-unplugged", 60, () -> deviceMessage().startsWith("Removed vdb"));
                assertEquals("Removed vdb and deleted its volume.", deviceMessage());
                assertFalse(String.join("\n", Virsh.run(oracle, "domblklist", "story-vm")).contains("vdb"), "gone live");
                assertFalse(String.join("\n", Virsh.run(oracle, "domblklist", "story-vm", "--inactive")).contains("vdb"), "and saved");
                step("disk hot-unplugged with its volume");

                // Memory now lowered while it runs: the guest's balloon driver gives it back (virsh dommemstat: actual).
                selectPage("Memory");
                try {
                    page.waitUntil("the memory page shows 256 MiB", 20, () -> MainWindowPage.onFx(() -> robot.lookup("#memoryCurrentField")
                            .queryAllAs(TextField.class).stream().anyMatch(f -> f.getText().equals("256 MiB"))));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; it shows " + MainWindowPage.onFx(() -> robot.lookup("#memoryCurrentField")
                            .queryAllAs(TextField.class).stream().map(f -> f.getText() + (f.isVisible() ? "" : " (hidden)")).toList())
                            + "; virsh dominfo: " + Virsh.run(oracle, "dominfo", "story-vm"), e);
                }
                robot.interact(() -> field("#memoryCurrentField").setText("192 MiB"));
                robot.interact(() -> robot.lookup("#applyMemory").queryButton().fire());
                page.waitUntil("the balloon is set", 20, () -> !MainWindowPage.onFx(
                        () -> robot.lookup("#memoryMessage").queryAs(Label.class).getText()).isEmpty());
                assertEquals("Applied.", MainWindowPage.onFx(() -> robot.lookup("#memoryMessage").queryAs(Label.class).getText()));
                page.waitUntil("the guest gave the memory back", 60, () -> Virsh.run(oracle, "dommemstat", "story-vm").stream()
                        .anyMatch(l -> l.strip().equals("actual 196608")));
                step("memory lowered live (balloon)");

                // A non-maskable interrupt: the guest's kernel says so on its serial console.
                page.chooseFromMenu("#vmMenu", "#menu-nmi");
                DialogPane nmi = page.dialog();
                robot.clickOn(robot.from(nmi).lookup((Button b) -> b.getText().equals("Send NMI")).queryButton());
                page.waitUntil("the kernel reports the NMI", 20, () -> TerminalDriver.screen(console).contains("NMI received"));
                step("NMI sent, the kernel saw it");

                // Force reset: the guest starts again from its firmware, its kernel's banner on the console.
                page.chooseFromMenu("#vmMenu", "#menu-reset");
                DialogPane reset = page.dialog();
                robot.clickOn(robot.from(reset).lookup((Button b) -> b.getText().equals("Reset")).queryButton());
                page.waitUntil("the guest boots again", 90, () -> TerminalDriver.screen(console).contains("VIREO-GUEST-READY"));
                step("reset, the guest booted again");
                page.waitUntil("the guest has its pinned address", 60, () -> leasesOnNode(oracle).stream()
                        .anyMatch(l -> l.contains(" 10.123.0.50/24")));
                step("on its next boot the guest got the pinned address");

                selectOnly("story-vm");
                robot.clickOn(page.firstRowCell());
                page.chooseFromMenu("#vmMenu", "#menu-forceOff");
                DialogPane confirm = page.dialog();
                robot.clickOn(robot.from(confirm).lookup((Button b) -> b.getText().equals("Force off")).queryButton());
                page.waitUntil("story-vm is off", 30, () -> "shut off".equals(state("story-vm")));
                page.chooseFromMenu("#vmMenu", "#menu-delete");
                DialogPane delete = page.dialog();
                assertFalse(robot.from(delete).lookup("#deleteStorage").queryAs(CheckBox.class).isSelected());
                robot.clickOn("#deleteStorage");
                robot.clickOn(robot.from(delete).lookup((Button b) -> b.getText().equals("Delete VM and 1 volume")).queryButton());
                page.waitUntil("story-vm is gone", 30, () -> !page.tableNamesAndStates().containsKey("story-vm"));
                step("forced off and deleted with its storage");

                for (String uploaded : List.of("installer.iso", "sparse.img", "tools.iso")) {
                    Virsh.run(oracle, "vol-delete", "--pool", "lab-images", uploaded);
                }
                assertEquals(List.of(), Virsh.run(oracle, "list", "--all", "--name").stream().filter(l -> !l.isBlank()).toList());
                assertEquals(List.of("initrd.gz", "vmlinuz"), Virsh.run(oracle, "vol-list", "lab-images").stream()
                        .filter(l -> !l.isBlank()).map(l -> l.strip().split("\\s+")[0]).sorted().toList());
            } finally {
                System.setProperty("user.home", realHome);
                steps.forEach((what, ms) -> System.out.printf("e2e step: %6d ms  %s%n", ms, what));
            }
        }
    }

    /**
     * Files from this computer into the node's pool over Vireo's SSH session, through the Storage tab and the
     * Jobs window: an upload cancelled half-way leaves no volume; closing the window while one runs asks; a
     * 300 MiB file arrives byte for byte (sha256sum on the node); a 1 GiB file with 10 MiB of data arrives as
     * sparse as it left and comes back down as sparse.
     */
    private void storageOverSsh(RunningApp app, RemoteLab lab) throws Exception {
        Path installer = home.resolve("installer.iso");
        byte[] block = new byte[1 << 20];
        Random random = new Random(21);
        try (OutputStream out = Files.newOutputStream(installer)) {
            for (int i = 0; i < 300; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Path sparse = home.resolve("sparse.img");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(1L << 30);
            for (long at : new long[] {0, 400L << 20, 800L << 20, (1L << 30) - (2L << 20)}) {
                random.nextBytes(block);
                file.seek(at);
                for (int i = 0; i < (at == 0 ? 4 : 2); i++) {
                    file.write(block);
                }
            }
        }
        tools = home.resolve("tools.iso");
        try (OutputStream out = Files.newOutputStream(tools)) {
            for (int i = 0; i < 8; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        robot.interact(() -> app.app().view().setFilePicker(new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.of(picks.pop());
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName) {
                return Optional.of(picks.pop());
            }
        }));
        robot.interact(() -> page.selectTreeRow(page.nodeItems().get(page.nodeItems().size() - 1)));
        page.waitUntil("the host pane shows", 10, () -> !robot.lookup("#hostPane").queryAll().isEmpty());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#hostPane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "storageTab".equals(t.getId())).findFirst().orElseThrow());
        });
        page.waitUntil("lab-images is listed", 20, () -> MainWindowPage.onFx(() -> robot.lookup("#poolTable").queryAs(TableView.class)
                .getItems().stream().anyMatch(p -> ((StoragePoolInfo) p).name().equals("lab-images"))));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<StoragePoolInfo> pools = robot.lookup("#poolTable").queryAs(TableView.class);
            pools.getSelectionModel().select(pools.getItems().stream().filter(p -> p.name().equals("lab-images")).findFirst().orElseThrow());
        });
        page.waitUntil("its volumes are listed", 20, () -> volumeNames().contains("vmlinuz"));

        // Cancelled from the Jobs window as soon as it shows: no volume is left on the node.
        upload(installer, "cancelled.iso");
        robot.clickOn("#jobsButton");
        page.waitUntil("the Jobs window lists it", 10, () -> !robot.lookup(".job-cancel").queryAll().isEmpty());
        robot.clickOn(MainWindowPage.onFx(() -> robot.lookup(".job-cancel").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow()));
        page.waitUntil("the job says it was cancelled", 30, () -> jobStatus(0).startsWith("Failed: Cancelled"));
        assertFalse(String.join("\n", Virsh.run(oracle(lab), "vol-list", "lab-images")).contains("cancelled.iso"), "nothing half-made");
        step("upload cancelled from the Jobs window, no volume left");

        // Closing the window while a transfer runs asks first; staying keeps it running.
        upload(installer, "installer.iso");
        Stage main = MainWindowPage.onFx(() -> (Stage) robot.lookup("#statusBar").query().getScene().getWindow());
        WaitForAsyncUtils.asyncFx(() -> main.fireEvent(new WindowEvent(main, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane asked = page.dialog();
        assertEquals("jobsRunningDialog", asked.getId());
        robot.clickOn(robot.from(asked).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
        page.waitUntil("the 300 MiB upload is done", 120, () -> jobStatus(0).startsWith("Done") || jobStatus(0).startsWith("Failed"));
        String sha = LocalFiles.sha256(installer);
        assertEquals("Done: 300 MiB, SHA-256 " + sha, jobStatus(0));
        assertEquals(sha + "  /var/lib/libvirt/images/installer.iso", lab.onNode(1, "sha256sum", "/var/lib/libvirt/images/installer.iso").strip());
        step("300 MiB uploaded over SSH, sha256sum on the node agrees");

        upload(sparse, "sparse.img");
        page.waitUntil("the sparse upload is done", 120, () -> jobStatus(0).startsWith("Done") || jobStatus(0).startsWith("Failed"));
        String sparseSha = LocalFiles.sha256(sparse);
        assertEquals("Done: 1 GiB, SHA-256 " + sparseSha, jobStatus(0));
        assertEquals(sparseSha + "  /var/lib/libvirt/images/sparse.img", lab.onNode(1, "sha256sum", "/var/lib/libvirt/images/sparse.img").strip());
        long onNode = Long.parseLong(lab.onNode(1, "du", "-k", "/var/lib/libvirt/images/sparse.img").split("\\s+")[0]);
        assertTrue(onNode < 12 * 1024, "the node holds it sparse: " + onNode + " KiB");
        step("1 GiB sparse file uploaded, " + onNode + " KiB on the node");

        page.waitUntil("sparse.img is listed", 20, () -> volumeNames().contains("sparse.img"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<StorageVolumeInfo> volumes = robot.lookup("#volumeTable").queryAs(TableView.class);
            volumes.getSelectionModel().select(volumes.getItems().stream().filter(v -> v.name().equals("sparse.img")).findFirst().orElseThrow());
        });
        Path back = home.resolve("back.img");
        picks.push(back);
        robot.interact(() -> robot.lookup("#downloadVolume").queryButton().fire());
        page.waitUntil("the download is done", 120, () -> jobStatus(0).startsWith("Done") || jobStatus(0).startsWith("Failed"));
        assertEquals("Done: 1 GiB, SHA-256 " + sparseSha, jobStatus(0));
        assertEquals(sparseSha, LocalFiles.sha256(back));
        long local = LocalFiles.allocatedKiB(back);
        assertTrue(local < 12 * 1024, "it comes back sparse: " + local + " KiB");
        step("downloaded back, still sparse (" + local + " KiB)");
        robot.interact(() -> robot.lookup("#clearJobs").queryButton().fire());
        robot.interact(() -> robot.lookup("#jobList").query().getScene().getWindow().hide());
        robot.clickOn("#vmListTab");
    }

    private void upload(Path file, String volumeName) {
        picks.push(file);
        // Fired, not clicked (the Jobs window may lie over the button), and not waited for: its dialog waits for us.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#uploadVolume").queryButton().fire());
        page.dialog();
        robot.interact(() -> robot.lookup("#uploadName").queryAs(TextField.class).setText(volumeName));
        robot.clickOn("#uploadOk");
    }

    /** The words under the newest job of the Jobs window. */
    private String jobStatus(int index) {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<JobsViewModel.Job> list = robot.lookup("#jobList").queryAs(ListView.class);
            return list.getItems().size() > index ? list.getItems().get(index).statusProperty().get() : "";
        });
    }

    private List<String> volumeNames() {
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StorageVolumeInfo> volumes = robot.lookup("#volumeTable").queryAs(TableView.class);
            return volumes.getItems().stream().map(StorageVolumeInfo::name).toList();
        });
    }

    private static String oracle(RemoteLab lab) {
        return "qemu+tcp://" + lab.address(1) + "/system";
    }

    private void createWithTheWizard(String uri) {
        robot.clickOn("#newVmButton");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<NodeRef> nodes = robot.lookup("#wizard-node").queryAs(ComboBox.class);
            nodes.setValue(nodes.getItems().stream().filter(n -> n.uri().equals(uri)).findFirst().orElseThrow());
        });
        robot.interact(() -> {
            field("#wizard-name").setText("story-vm");
            @SuppressWarnings("unchecked")
            ComboBox<OsVariant> os = robot.lookup("#wizard-os").queryAs(ComboBox.class);
            os.setValue(OsVariant.LINUX_GENERIC);   // BIOS, virtio disk and NIC
            choice("#wizard-install").setValue("iso");
        });
        page.waitUntil("the uploaded ISO is offered", 20, () -> MainWindowPage.onFx(() -> robot.lookup("#wizard-installPath")
                .queryAs(ComboBox.class).getItems().contains("/var/lib/libvirt/images/installer.iso")));
        // "Upload a local file…" from the wizard: the new volume becomes the installer once it is there.
        picks.push(tools);
        robot.clickOn("#wizardUploadIso");
        page.dialog();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<NodeFacts.Pool> pool = robot.lookup("#uploadPool").queryAs(ChoiceBox.class);
            pool.setValue(pool.getItems().stream().filter(p -> p.name().equals("lab-images")).findFirst().orElseThrow());
        });
        robot.clickOn("#uploadOk");
        page.waitUntil("the wizard chose the uploaded ISO", 60, () -> "/var/lib/libvirt/images/tools.iso".equals(
                MainWindowPage.onFx(() -> robot.lookup("#wizard-installPath").queryAs(ComboBox.class).getValue())));
        robot.interact(() -> choice("#wizard-install").setValue("kernel"));
        robot.interact(() -> {
            field("#wizard-kernel").setText("/var/lib/libvirt/images/vmlinuz");
            field("#wizard-initrd").setText("/var/lib/libvirt/images/initrd.gz");
            field("#wizard-cmdline").setText("console=ttyS0 panic=-1");
        });
        next("page 1");
        robot.interact(() -> {
            field("#wizard-vcpus").setText("1");
            field("#wizard-memory").setText("256 MiB");
        });
        next("page 2");
        robot.interact(() -> {
            choice("#wizard-diskKind").setValue("new");
            @SuppressWarnings("unchecked")
            ComboBox<String> pool = robot.lookup("#wizard-pool").queryAs(ComboBox.class);
            pool.setValue("lab-images");
            choice("#wizard-format").setValue("qcow2");
            field("#wizard-diskSize").setText("64 MiB");
        });
        next("page 3");
        // A new isolated network with DHCP, made from the wizard's network page: the VM goes on it.
        robot.interact(() -> choice("#wizard-networkKind").setValue("network"));
        robot.clickOn("#wizardNewNetwork");
        assertEquals("newNetworkDialog", page.dialog().getId());
        robot.interact(() -> {
            field("#networkName").setText("story-net");
            choice("#networkMode").setValue("isolated");
            field("#networkSubnet").setText("10.123.0.0/24");
        });
        robot.interact(() -> robot.lookup("#networkOk").queryButton().fire());
        try {
            page.waitUntil("the wizard chose the new network", 30, () -> "story-net".equals(MainWindowPage.onFx(
                    () -> robot.lookup("#wizard-network").queryAs(ComboBox.class).getValue())));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: " + MainWindowPage.onFx(() -> Window.getWindows().stream()
                    .filter(Window::isShowing).map(w -> MainWindowPage.labelled(w.getScene().getRoot()).stream()
                            .map(l -> l.getText()).filter(t -> t != null && !t.isBlank()).toList().toString()).toList()), e);
        }
        next("page 4");
        next("page 5");
        robot.interact(() -> robot.lookup("#wizard-start").queryAs(CheckBox.class).setSelected(true));
        robot.clickOn("#wizardCreate");
        page.waitUntil("the wizard reports the VM created", 60, () -> MainWindowPage.onFx(() ->
                robot.lookup("#wizard-outcome").queryAs(Label.class).getText()).startsWith("Created story-vm"));
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != page.table().getScene().getWindow()).forEach(Window::hide));   // the wizard, and any notice still shown
        page.waitUntil("the wizard is closed", 10, () -> Window.getWindows().stream()
                .noneMatch(w -> w.isShowing() && w != page.table().getScene().getWindow()));
    }

    /** The network's leases as virsh on the node lists them: "MAC address/prefix". */
    private static List<String> leasesOnNode(String oracle) {
        return Virsh.run(oracle, "net-dhcp-leases", "story-net").stream().map(String::strip)
                .filter(l -> l.matches("\\d{4}-.*")).map(l -> l.split("\\s+")).map(f -> f[2] + " " + f[4]).sorted().toList();
    }

    /** The same from the Networks tab of the host pane, after its Refresh leases. */
    private List<String> leasesInVireo() {
        robot.interact(() -> {
            robot.lookup("#filterField").queryAs(TextField.class).setText("");
            page.table().getSelectionModel().clearSelection();
        });
        robot.interact(() -> page.selectTreeRow(page.nodeItems().get(page.nodeItems().size() - 1)));
        page.waitUntil("the host pane shows", 10, () -> !robot.lookup("#hostPane").queryAll().isEmpty());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#hostPane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "networksTab".equals(t.getId())).findFirst().orElseThrow());
        });
        page.waitUntil("story-net is listed", 20, () -> MainWindowPage.onFx(() -> robot.lookup("#networkTable").queryAs(TableView.class)
                .getItems().stream().anyMatch(n -> ((VirtualNetworkInfo) n).name().equals("story-net"))));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<VirtualNetworkInfo> nets = robot.lookup("#networkTable").queryAs(TableView.class);
            nets.getSelectionModel().select(nets.getItems().stream().filter(n -> n.name().equals("story-net")).findFirst().orElseThrow());
        });
        robot.clickOn("#refreshLeases");
        page.waitUntil("its lease is listed", 20, () -> !leaseRows().isEmpty());
        return leaseRows().stream().map(l -> l.mac() + " " + l.address()).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private List<DhcpLease> leaseRows() {
        return MainWindowPage.onFx(() -> List.copyOf(robot.lookup("#leaseTable").queryAs(TableView.class).getItems()));
    }

    /** "Pin this address…" on the lease, with another address of the subnet. */
    private void pinTheLease() {
        robot.interact(() -> robot.lookup("#leaseTable").queryAs(TableView.class).getSelectionModel().select(0));
        robot.clickOn("#pinLease");
        assertEquals("pinDialog", page.dialog().getId());
        robot.interact(() -> field("#pinIp").setText("10.123.0.50"));
        robot.clickOn("#pinOk");
        page.waitUntil("pinned", 20, () -> MainWindowPage.onFx(() -> robot.lookup("#networkMessage").queryAs(Label.class).getText())
                .contains("is pinned to 10.123.0.50 on story-net"));
    }

    private void next(String from) {
        page.waitUntil(from + " is valid", 30, () -> !MainWindowPage.onFx(() -> robot.lookup("#wizardNext").query().isDisabled()));
        robot.clickOn("#wizardNext");
    }

    /** Accepts the host keys of the node, then of the guest, once each, until the shell prompt shows. */
    private String deviceMessage() {
        return MainWindowPage.onFx(() -> robot.lookup("#deviceMessage").queryAll().isEmpty() ? ""
                : robot.lookup("#deviceMessage").queryAs(Label.class).getText());
    }

    private void selectDevice(String title) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = robot.lookup("#deviceTree").queryAs(TreeView.class);
            tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                    .filter(i -> i.getValue() instanceof VmDevice d && d.title().equals(title))
                    .findFirst().ifPresent(i -> tree.getSelectionModel().select(i));
        });
        page.waitUntil(title + " is shown", 10, () -> !robot.lookup("#deviceTitle").queryAll().isEmpty()
                && title.equals(robot.lookup("#deviceTitle").queryAs(Label.class).getText()));
    }

    /** A settings page of the Hardware tab, clicked by its name in the list ("Memory"). */
    private void selectPage(String title) {
        // Only a shown cell: the list keeps spare cells, hidden, that may still carry an old text. A device list
        // reloaded (an event after a hot-unplug) under the click is the other reason to look and click again.
        for (int attempt = 0; attempt < 3 && !pageSelected(title); attempt++) {
            page.waitUntil(title + " is listed", 10, () -> pageCell(title) != null);
            robot.clickOn(MainWindowPage.onFx(() -> pageCell(title)));
            robot.sleep(300);
        }
        page.waitUntil(title + " is selected", 5, () -> pageSelected(title));
    }

    private TreeCell<?> pageCell(String title) {
        return MainWindowPage.onFx(() -> robot.lookup("#deviceTree .tree-cell").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.isVisible() && title.equals(c.getText()))
                .map(n -> (TreeCell<?>) n).findFirst().orElse(null));
    }

    private boolean pageSelected(String title) {
        return MainWindowPage.onFx(() -> robot.lookup("#deviceTree .tree-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TreeCell<?> c && c.isVisible() && c.isSelected() && title.equals(c.getText())));
    }

    private void selectOnly(String name) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(name));
        page.waitUntil(name + " alone is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
    }

    private String state(String name) {
        return page.tableNamesAndStates().get(name);
    }

    private TextField field(String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<String> choice(String id) {
        return robot.lookup(id).queryAs(ChoiceBox.class);
    }

    private void step(String what) {
        long now = System.nanoTime();
        steps.put(what, (now - last) / 1_000_000);
        last = now;
    }
}
