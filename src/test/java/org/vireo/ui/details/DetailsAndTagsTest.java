package org.vireo.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.VmSummary;
import org.vireo.store.Database;
import org.vireo.store.TagRepository;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** The details pane and tags, on real nodes, with virsh checking what reached libvirt. */
class DetailsAndTagsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void detailsOfEveryDomainInThePeerFixtureOpenWithoutError() throws Exception {
        Optional<Path> fixture = NodeFiles.peerFixture();
        assumeTrue(fixture.isPresent(), "../shared/fixtures/virt-manager-4.1-testdriver.xml is not beside this checkout");
        try (LogCapture log = new LogCapture(); RunningApp app = RunningApp.start(home, "--connect", "test://" + fixture.get())) {
            page.waitUntil("all nodes connect", 30, () -> page.statusBar().startsWith("4 nodes (4 connected)"));
            page.selectTreeRow(page.nodeItems().get(3));
            page.waitUntil("the fixture's 14 domains are listed", 5, () -> page.table().getItems().size() == 14);
            List<VmSummary> rows = MainWindowPage.onFx(() -> List.copyOf(page.table().getItems()));
            for (VmSummary vm : rows) {
                robot.interact(() -> page.table().getSelectionModel().clearAndSelect(page.table().getItems().indexOf(vm)));
                page.waitUntil("the details of " + vm.name() + " load", 10,
                        () -> vm.name().equals(text("#fact-name")) && text("#fact-uuid").equals(vm.uuid()));
                assertEquals("", text("#detailsMessage"), vm.name());
                if (vm == rows.get(0)) {
                    // A tab's content joins the window when the tab is first chosen; chosen once, it stays.
                    robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(4));
                    robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(0));
                }
                page.waitUntil("the XML of " + vm.name(), 10, () -> MainWindowPage.onFx(() -> robot.lookup("#xmlEditor")
                        .queryAs(CodeArea.class).getText()).contains("<name>" + vm.name().replace("&", "&amp;") + "</name>"));
            }
            robot.interact(() -> page.table().getSelectionModel().clearAndSelect(
                    page.table().getItems().indexOf(rows.stream().filter(v -> v.name().equals("test-many-devices")).findFirst().orElseThrow())));
            page.waitUntil("the many-devices domain shows its disks", 10, () -> text("#fact-name").equals("test-many-devices"));
            String devices = MainWindowPage.onFx(() -> robot.lookup("#devices").lookup(".label").queryAllAs(Label.class)
                    .stream().map(Label::getText).reduce("", (a, b) -> a + "\n" + b));
            assertTrue(devices.contains("cdrom") && devices.contains("52:54:00"), devices);
            assertEquals(List.of(), log.problems());
        }
    }

    @Test
    void editsReachLibvirtAndTagsTravelInTheDomainXml() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient other = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            other.define("<domain type='test'><name>web-1</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            other.define("<domain type='test'><name>web-2</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("web-1 is listed", 30, () -> page.tableNamesAndStates().containsKey("web-1"));
                select("web-1");
                page.waitUntil("details of web-1", 10, () -> "web-1".equals(text("#fact-name")));

                // Title and description.
                robot.interact(() -> {
                    robot.lookup("#titleField").queryAs(TextField.class).setText("Front end <one> & only");
                    robot.lookup("#descriptionField").queryAs(TextArea.class).setText("Serves the shop.\nSecond line.");
                });
                // The Save button may sit below the fold of the details pane's scroll area: press it as the keyboard would.
                robot.interact(() -> robot.lookup("#saveOverview").queryButton().fire());
                page.waitUntil("saved", 10, () -> text("#detailsMessage").equals("saved"));
                assertEquals(List.of("Front end <one> & only"), Virsh.run(uri, "desc", "web-1", "--title"));
                assertEquals(List.of("Serves the shop.", "Second line."), Virsh.run(uri, "desc", "web-1"));

                // Start with the host, on and off again.
                robot.interact(() -> robot.lookup("#autostartBox").queryAs(CheckBox.class).fire());
                page.waitUntil("autostart is on", 10, () -> Virsh.run(uri, "dominfo", "web-1").stream()
                        .anyMatch(l -> l.matches("Autostart:\\s+enable")));
                page.waitUntil("the box says so", 10, () -> text("#detailsMessage").equals("It starts with its host from now on.")
                        && MainWindowPage.onFx(() -> robot.lookup("#autostartBox").queryAs(CheckBox.class).isSelected()));
                robot.interact(() -> robot.lookup("#autostartBox").queryAs(CheckBox.class).fire());
                page.waitUntil("autostart is off", 10, () -> Virsh.run(uri, "dominfo", "web-1").stream()
                        .anyMatch(l -> l.matches("Autostart:\\s+disable")));

                // Processor and memory pages of the Hardware tab, with a bad value refused at its field first.
                robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
                page.waitUntil("the processor page shows its values", 10, () -> !field("#maxVcpusField").isEmpty());
                robot.interact(() -> robot.lookup("#maxVcpusField").queryAs(TextField.class).setText("0"));
                assertTrue(text("#maxVcpusError").startsWith("Between 1 and "), text("#maxVcpusError"));
                assertTrue(page.isDisabledNow("#applyCpu"));
                robot.interact(() -> {
                    robot.lookup("#maxVcpusField").queryAs(TextField.class).setText("3");
                    robot.lookup("#vcpusField").queryAs(TextField.class).setText("3");
                });
                robot.interact(() -> robot.lookup("#applyCpu").queryButton().fire());
                page.waitUntil("applied", 10, () -> text("#cpuMessage").equals("Applied."));
                showPage("memory");
                page.waitUntil("the memory page shows its values", 10, () -> !field("#memoryMaxField").isEmpty());
                robot.interact(() -> robot.lookup("#memoryMaxField").queryAs(TextField.class).setText("0"));
                assertTrue(text("#memoryMaxError").startsWith("Between 64 MiB and the host's"), text("#memoryMaxError"));
                assertTrue(page.isDisabledNow("#applyMemory"));
                robot.interact(() -> {
                    robot.lookup("#memoryMaxField").queryAs(TextField.class).setText("512 MiB");
                    robot.lookup("#memoryCurrentField").queryAs(TextField.class).setText("512 MiB");
                });
                robot.interact(() -> robot.lookup("#applyMemory").queryButton().fire());
                page.waitUntil("memory applied", 10, () -> text("#memoryMessage").equals("Applied."));
                List<String> info = Virsh.run(uri, "dominfo", "web-1");
                assertTrue(info.stream().anyMatch(l -> l.matches("CPU\\(s\\):\\s+3")), info.toString());
                assertTrue(info.stream().anyMatch(l -> l.matches("Max memory:\\s+524288 KiB")), info.toString());
                page.waitUntil("the table shows 3 vCPUs", 10,
                        () -> page.table().getItems().stream().anyMatch(v -> v.name().equals("web-1") && v.vcpus() == 3));

                // Tags for two VMs at once, through the VM menu.
                selectByFilter("web-", 2);
                page.chooseFromMenu("#vmMenu", "#menu-tags");
                robot.interact(() -> robot.lookup("#tagsField").queryAs(TextField.class).setText("shop, web , shop"));
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                page.waitUntil("both carry the tags", 10, () -> page.table().getItems().stream()
                        .allMatch(v -> v.tags().equals(List.of("shop", "web"))));
                String xml = String.join("\n", Virsh.run(uri, "dumpxml", "web-2"));
                assertTrue(xml.contains("https://vireo.dev/xmlns/tags/1.0") && xml.contains("<vireo:tag>shop</vireo:tag>")
                        && xml.contains("<vireo:tag>web</vireo:tag>"), xml);

                // Search by tag, and the tree grouped by tag.
                robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("tag:shop state:shutoff"));
                page.waitUntil("tag search finds both", 5, () -> page.table().getItems().size() == 2);
                robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(""));
                page.chooseFromMenu("#viewMenu", "#groupByTag");
                List<TreeItem<Object>> groups = page.nodeItems();
                assertEquals(Arrays.asList("shop", "web", null), groups.stream().map(g -> tagOf(g.getValue())).toList());
                page.selectTreeRow(groups.get(0));
                page.waitUntil("the shop group lists its two VMs", 5, () -> page.table().getItems().size() == 2);
                page.chooseFromMenu("#viewMenu", "#groupByNode");

                // The tags dialog offers the node's existing tags as the last one is typed.
                selectByFilter("web-1", 1);
                page.chooseFromMenu("#vmMenu", "#menu-tags");
                TextField tags = robot.lookup("#tagsField").queryAs(TextField.class);
                robot.interact(() -> {
                    tags.setText("web, ");
                    tags.positionCaret(tags.getText().length());
                });
                robot.clickOn(tags).write("s");
                page.waitUntil("shop is offered", 5, () -> MainWindowPage.onFx(() -> robot.lookup(".auto-complete-popup .list-cell")
                        .queryAllAs(ListCell.class).stream().anyMatch(c -> "web, shop".equals(c.getText()))));
                robot.type(KeyCode.ESCAPE);
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
            }
            // A restart reads the tags back from libvirt.
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("tags are back after a restart", 30, () -> page.table().getItems().stream()
                        .filter(v -> v.name().startsWith("web-")).allMatch(v -> v.tags().equals(List.of("shop", "web")))
                        && page.tableNamesAndStates().containsKey("web-2"));
            }
        }
    }

    @Test
    void whereLibvirtRefusesMetadataTagsAreKeptInVireosStore() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient other = new TestDriverClient(daemon.sharedTestNode())) {
            // The daemon's read-only socket: a real connection on which libvirt forbids every change.
            String readOnly = daemon.sharedTestNode().replace("libvirt-sock", "libvirt-sock-ro");
            try (RunningApp app = RunningApp.start(home, "--connect", readOnly)) {
                page.waitUntil("the read-only node lists its domain", 30, () -> page.tableNamesAndStates().containsKey("test"));
                selectByFilter("node:test+unix test", 1);
                page.chooseFromMenu("#vmMenu", "#menu-tags");
                robot.interact(() -> robot.lookup("#tagsField").queryAs(TextField.class).setText("kept-locally"));
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                page.waitUntil("the tag shows", 10, () -> page.table().getItems().stream()
                        .anyMatch(v -> v.tags().equals(List.of("kept-locally"))));
                assertFalse(String.join("\n", Virsh.run(daemon.sharedTestNode(), "dumpxml", "test")).contains("kept-locally"));
            }
            try (Database db = Database.open(home.resolve("data/vireo.db"))) {
                assertEquals(List.of("kept-locally"), new TagRepository(db).findAll().values().iterator().next());
            }
            try (RunningApp app = RunningApp.start(home, "--connect", readOnly)) {
                page.waitUntil("the stored tag is merged in after a restart", 30, () -> page.table().getItems().stream()
                        .anyMatch(v -> v.name().equals("test") && v.tags().equals(List.of("kept-locally"))));
            }
        }
    }

    private static String tagOf(Object entry) {
        String s = entry.toString();   // TreeEntry.Tag[tag=shop, vms=2]
        String tag = s.substring(s.indexOf("tag=") + 4, s.indexOf(", vms="));
        return tag.equals("null") ? null : tag;
    }

    private void select(String name) {
        selectByFilter(name, 1);
    }

    private void selectByFilter(String filter, int expected) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(filter));
        page.waitUntil(expected + " rows match " + filter, 10, () -> page.table().getItems().size() == expected);
        robot.interact(() -> page.table().getSelectionModel().selectAll());
    }

    /** Selects a settings page (processor, memory, boot) in the Hardware tab's list. */
    private void showPage(String id) {
        robot.interact(() -> {
            TreeView<?> tree = robot.lookup("#deviceTree").queryAs(TreeView.class);
            for (TreeItem<?> item : tree.getRoot().getChildren()) {
                if (item.getValue() instanceof HardwareTab.Page p && p.id().equals(id)) {
                    ((TreeView<Object>) tree).getSelectionModel().select((TreeItem<Object>) item);
                }
            }
        });
    }

    private String field(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(TextField.class).stream().findFirst().map(TextField::getText).orElse(""));
    }

    /** A label's text, or "" while it is not there yet (the details of the first VM arrive after the pane shows). */
    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(Label.class).stream().findFirst().map(Label::getText).orElse(""));
    }
}
