package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.NodeState;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** The window as a user first meets it: the demo lab, connected, matching what virsh sees. */
class MainWindowTest {

    private static final List<String> DEMO_FILES = List.of("workstation.xml", "lab-server.xml", "edge-box.xml");

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void demoLabConnectsAndEveryNodeShowsExactlyWhatVirshLists() throws Exception {
        try (LogCapture log = new LogCapture(); RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the status bar counts three connected nodes", 30,
                    () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            System.out.println("main window: " + MainWindowPage.assertPlaced(MainWindowPage.mainWindow(), null, 1000, 700, 0));
            for (String name : List.of("Workstation (demo)", "Lab server (demo)", "Edge box (demo)")) {
                assertTrue(page.renderedNodeDetail(name).startsWith("connected · "), name + ": " + page.renderedNodeDetail(name));
            }
            // Live figures come for the rows on screen without the user touching anything (the installed app
            // listed the demo lab before the table had rows, and sampled nothing until a scroll).
            page.waitUntil("CPU figures show untouched", 10, () -> page.renderedColumn("cpuColumn").stream().anyMatch(t -> t.endsWith("%")));

            assertEquals("Vireo", MainWindowPage.onFx(() -> ((Stage) robot.lookup("#vmTable").query()
                    .getScene().getWindow()).getTitle()));

            int total = 0;
            List<TreeItem<Object>> nodes = page.nodeItems();
            assertEquals(3, nodes.size());
            for (int i = 0; i < DEMO_FILES.size(); i++) {
                String uri = "test://" + app.paths().demoLabDir().resolve(DEMO_FILES.get(i));
                Map<String, String> oracle = Virsh.listAll(uri);
                page.selectTreeRow(nodes.get(i));
                page.waitUntil("the table shows only node " + DEMO_FILES.get(i), 5,
                        () -> page.table().getItems().size() == oracle.size());
                assertEquals(sorted(oracle), sorted(page.tableNamesAndStates()), "table vs virsh for " + uri);
                TreeItem<Object> nodeItem = nodes.get(i);
                assertEquals(oracle.size(), MainWindowPage.onFx(() -> nodeItem.getChildren().size()),
                        "tree children of " + DEMO_FILES.get(i));
                total += oracle.size();
            }
            assertTrue(total >= 40, "the demo lab holds about 40 VMs, found " + total);
            Set<String> states = DEMO_FILES.stream()
                    .flatMap(f -> Virsh.listAll("test://" + app.paths().demoLabDir().resolve(f)).values().stream())
                    .collect(Collectors.toSet());
            assertTrue(states.containsAll(Set.of("running", "paused", "shut off", "crashed", "pmsuspended")), states.toString());

            // A selected node shows its host: the test driver's node file says 16 CPUs and 64 GiB.
            page.selectTreeRow(nodes.get(0));
            page.waitUntil("the host pane shows the workstation", 10, () -> !robot.lookup("#host-cpu").queryAll().isEmpty());
            assertEquals("16 × x86_64 at 4200 MHz", MainWindowPage.onFx(() -> robot.lookup("#host-cpu").queryAs(Label.class).getText()));
            assertEquals("64 GiB", MainWindowPage.onFx(() -> robot.lookup("#host-memory").queryAs(Label.class).getText()));
            assertEquals("6 active of 12", MainWindowPage.onFx(() -> robot.lookup("#host-vms").queryAs(Label.class).getText()));
            int labelled = MainWindowPage.labelled(page.table().getScene().getRoot()).size();
            assertTrue(labelled > 20, "the walk sees the window's labels and buttons: " + labelled);
            assertEquals(List.of(), MainWindowPage.truncated(page.table().getScene().getRoot()), "nothing cut off in the main window");

            // "All nodes" shows every VM, and the status bar counts them.
            robot.interact(() -> page.tree().getSelectionModel().select(page.tree().getRoot()));
            final int expectedTotal = total;
            page.waitUntil("all VMs are listed", 5, () -> page.table().getItems().size() == expectedTotal);
            assertTrue(page.statusBar().startsWith("3 nodes (3 connected) · " + total + " VMs"), page.statusBar());

            // What the user sees in the cells, not just the model behind them.
            List<String> stateCells = page.renderedColumn("stateColumn");
            assertTrue(stateCells.contains("Running") && stateCells.contains("Shut off"), stateCells.toString());

            // A click on a column header sorts the rows by it; a second click reverses them.
            robot.clickOn(robot.lookup(".column-header").lookup("vCPUs").queryLabeled());
            page.waitUntil("sorted by vCPUs, fewest first", 5, () -> MainWindowPage.onFx(() -> page.table().getItems().get(0).vcpus()) == 1);
            robot.clickOn(robot.lookup(".column-header").lookup("vCPUs").queryLabeled());
            page.waitUntil("sorted by vCPUs, most first", 5, () -> MainWindowPage.onFx(() -> page.table().getItems().get(0).vcpus()) == 16);
            // Rows equal on the sorted column keep one order: by name, then node, whatever the updates.
            List<VmSummary> byVcpus = MainWindowPage.onFx(() -> List.copyOf(page.table().getItems()));
            for (int i = 1; i < byVcpus.size(); i++) {
                VmSummary a = byVcpus.get(i - 1);
                VmSummary b = byVcpus.get(i);
                assertTrue(a.vcpus() > b.vcpus() || a.vcpus() == b.vcpus() && a.name().compareToIgnoreCase(b.name()) <= 0,
                        "equal vCPUs sorted by name: " + a.name() + " before " + b.name());
            }
            // Live figures sort too, busiest first on the second click, VMs without a figure last either way.
            page.waitUntil("CPU figures are on screen", 20, () -> page.renderedColumn("cpuColumn").stream().anyMatch(t -> t.endsWith("%")));
            robot.clickOn(robot.lookup(".column-header").lookup("CPU %").queryLabeled());
            robot.clickOn(robot.lookup(".column-header").lookup("CPU %").queryLabeled());
            page.waitUntil("sorted by CPU, busiest first, blanks last", 5, () -> {
                List<String> cpu = page.renderedColumn("cpuColumn");
                List<Double> figures = cpu.stream().takeWhile(t -> !t.isEmpty())
                        .map(t -> Double.parseDouble(t.replace(" %", ""))).toList();
                return figures.size() >= 2 && cpu.stream().skip(figures.size()).allMatch(String::isEmpty)
                        && figures.equals(figures.stream().sorted(Comparator.reverseOrder()).toList());
            });
            // Paused, crashed and suspended VMs show no CPU %: only running ones do.
            List<String> cpuShown = page.renderedColumn("cpuColumn");
            List<VmSummary> rowsShown = MainWindowPage.onFx(() -> page.table().getItems().subList(0, cpuShown.size()));
            for (int i = 0; i < cpuShown.size(); i++) {
                assertTrue(cpuShown.get(i).isEmpty() || rowsShown.get(i).state().isRunning(),
                        rowsShown.get(i).name() + " is " + rowsShown.get(i).state() + " yet shows " + cpuShown.get(i));
            }
            robot.clickOn(robot.lookup(".column-header").lookup("Name").queryLabeled());

            // The filter: a bare word finds tags too; an unknown filter says so on the field instead of an empty table.
            robot.clickOn("#filterField").write("color:red");
            TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
            page.waitUntil("the unknown filter is named", 5, () -> MainWindowPage.onFx(() -> filter.getTooltip() != null
                    && filter.getTooltip().getText().contains("No filter \u201ccolor:\u201d")
                    && filter.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"))));
            robot.interact(() -> filter.setText(""));
            assertTrue(MainWindowPage.onFx(() -> filter.getTooltip() == null), "the reason goes with the filter");

            // A filter that matches nothing says so, with a link that clears it.
            robot.clickOn("#filterField").write("zz-no-such-vm");
            page.waitUntil("the table says nothing matches", 5, () -> MainWindowPage.onFx(() -> page.table().getItems().isEmpty()
                    && robot.lookup("#tableEmpty").queryAs(Label.class).getText().equals("No VMs match \u201czz-no-such-vm\u201d")));
            robot.clickOn("#clearFilter");
            page.waitUntil("every VM is back", 5, () -> page.table().getItems().size() == expectedTotal);
            assertEquals("", MainWindowPage.onFx(filter::getText));

            // The state box and state: are one filter.
            ComboBox<?> stateBox = robot.lookup("#stateFilter").queryAs(ComboBox.class);
            robot.interact(() -> stateBox.getSelectionModel().select(2));   // Paused
            assertEquals("state:paused", MainWindowPage.onFx(filter::getText));
            assertTrue(page.tableNamesAndStates().values().stream().allMatch("paused"::equals), page.tableNamesAndStates().toString());
            robot.interact(() -> filter.setText("state:shutoff"));
            page.waitUntil("the box shows Shut off", 5, () -> MainWindowPage.onFx(() -> robot.from(stateBox).lookup(".list-cell")
                    .queryAllAs(ListCell.class).stream().anyMatch(c -> "Shut off".equals(c.getText()))));
            robot.interact(() -> filter.setText(""));
            page.waitUntil("every VM is back", 5, () -> page.table().getItems().size() == expectedTotal);

            // A VM selected, then its node clicked: the pane below shows the node's host, not the VM.
            robot.interact(() -> page.table().getSelectionModel().clearAndSelect(0));
            page.waitUntil("the VM's details show", 5, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty()
                    && robot.lookup("#detailsTabs").query().isVisible());
            page.selectTreeRow(nodes.get(0));
            page.waitUntil("the host pane replaces the details", 5, () -> MainWindowPage.onFx(() -> page.table().getSelectionModel().isEmpty()
                    && robot.lookup("#hostPane").queryAll().stream().anyMatch(n -> n.getScene() != null)
                    && robot.lookup("#detailsTabs").queryAll().stream().noneMatch(n -> n.getScene() != null)));

            // Tagging the selected VM moves it in a table sorted by tags: the table follows it, so it stays in view.
            robot.interact(() -> page.tree().getSelectionModel().select(page.tree().getRoot()));   // all 41: most out of view
            page.waitUntil("all VMs are listed again", 5, () -> page.table().getItems().size() == expectedTotal);
            robot.clickOn(robot.lookup(".column-header").lookup("Tags").queryLabeled());
            robot.interact(() -> {
                page.table().getSelectionModel().clearAndSelect(0);
                page.table().scrollTo(0);
            });
            String tagged = MainWindowPage.onFx(() -> page.table().getSelectionModel().getSelectedItem().name());
            page.chooseFromMenu("#vmMenu", "#menu-tags");
            robot.interact(() -> robot.lookup("#tagsField").queryAs(TextField.class).setText("zzz-last"));
            robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
            page.waitUntil("the tagged VM sorts last", 10, () -> MainWindowPage.onFx(() -> {
                var items = page.table().getItems();
                return items.get(items.size() - 1).name().equals(tagged);
            }));
            page.waitUntil("and is still in view, still selected", 5, () -> MainWindowPage.onFx(() -> {
                VirtualFlow<?> flow = (VirtualFlow<?>) page.table().lookup(".virtual-flow");
                int at = page.table().getSelectionModel().getSelectedIndex();
                return page.table().getSelectionModel().getSelectedItem().name().equals(tagged)
                        && flow.getFirstVisibleCell() != null   // between two layouts of the table
                        && at >= flow.getFirstVisibleCell().getIndex() && at <= flow.getLastVisibleCell().getIndex();
            }));
            robot.clickOn(robot.lookup(".column-header").lookup("Name").queryLabeled());

            // Each node has its own worker thread; libvirt's events ride the toolkit's GTK loop, not a second
            // thread iterating the same GLib context.
            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
            assertTrue(threads.containsAll(Set.of("node-Workstation (demo)", "node-Lab server (demo)", "node-Edge box (demo)")),
                    threads.toString());
            assertFalse(threads.contains("libvirt-events"), threads.toString());

                        assertEquals(1, MainWindowPage.onFx(() -> Window.getWindows().size()), "no error dialog or other window");
            assertEquals(List.of(), log.problems());
        }
    }

    @Test
    void aNodeThatFailsSaysWhyAndWhatToTry() throws Exception {
        String socket = home.resolve("no-daemon/libvirt-sock").toString();
        try (RunningApp app = RunningApp.start(home, "--connect", "qemu:///system?socket=" + socket)) {
            page.waitUntil("the node has failed", 30, () -> page.nodeItems().stream().anyMatch(MainWindowTest::failed));
            TreeItem<Object> failed = page.nodeItems().stream().filter(MainWindowTest::failed).findFirst().orElseThrow();
            page.selectTreeRow(failed);
            page.waitUntil("the host pane says why", 10, () -> MainWindowPage.onFx(() -> !robot.lookup("#hostMessage").queryAll().isEmpty()
                    && robot.lookup("#hostMessage").queryAs(Label.class).getText().contains(socket)));
            String message = MainWindowPage.onFx(() -> robot.lookup("#hostMessage").queryAs(Label.class).getText());
            assertTrue(message.contains("could not be connected") && message.contains("No such file or directory"), message);
            List<String> commands = MainWindowPage.onFx(() -> robot.lookup("#hostAdvice").lookup(".command")
                    .queryAllAs(TextField.class).stream().map(TextField::getText).toList());
            assertTrue(commands.contains("sudo systemctl enable --now libvirtd"), commands.toString());
            assertTrue(MainWindowPage.onFx(() -> robot.lookup("#tableEmpty").queryAs(Label.class).getText()).endsWith("is not connected: the reason and what to try are below."));
            // The whole reason is on screen, not cut to an ellipsis.
            assertEquals(message, MainWindowPage.onFx(() -> MainWindowPage.shownText(robot.lookup("#hostMessage").queryAs(Label.class))));
        }
    }

    private static boolean failed(TreeItem<Object> item) {
        return MainWindowPage.onFx(() -> item.getValue() instanceof TreeEntry.Node node && node.row().status().state() == NodeState.FAILED);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return new TreeMap<>(map);
    }

    /**
     * A column added from the chooser widens to its content instead of showing "192.168.100...", and the
     * selection survives regrouping the tree by tag and back.
     */
    @Test
    void anAddedColumnFitsItsContentAndTheSelectionSurvivesRegrouping() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            robot.interact(() -> page.table().getSelectionModel().select(page.table().getItems().stream()
                    .filter(vm -> vm.name().equals("fedora-41-desktop")).findFirst().orElseThrow()));
            var addresses = MainWindowPage.onFx(() -> page.table().getColumns().stream()
                    .filter(c -> c.getId().equals("addressesColumn")).findFirst().orElseThrow());
            robot.interact(() -> addresses.setVisible(true));
            page.waitUntil("addresses show", 15, () -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .anyMatch(c -> c.getTableColumn() == addresses && c.getText() != null && c.getText().contains(".")));
            robot.sleep(500);
            List<String> cut = MainWindowPage.onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() == addresses && c.getText() != null && !c.getText().isEmpty())
                    .filter(c -> MainWindowPage.shownText(c).endsWith(c.getEllipsisString()))
                    .map(c -> c.getText()).toList());
            assertEquals(List.of(), cut, "addresses cut off in a column just added, " + MainWindowPage.onFx(addresses::getWidth) + " px wide");

            page.chooseFromMenu("#viewMenu", "#groupByTag");
            page.waitUntil("the tree groups by tag", 10, () -> page.tree().getRoot().getValue() instanceof TreeEntry.AllNodes all && all.byTag());
            assertEquals("fedora-41-desktop", MainWindowPage.onFx(() -> page.table().getSelectionModel().getSelectedItem().name()),
                    "the selection survives grouping by tag");
            page.chooseFromMenu("#viewMenu", "#groupByNode");
            page.waitUntil("the tree groups by node", 10, () -> page.tree().getRoot().getValue() instanceof TreeEntry.AllNodes all && !all.byTag());
            assertEquals("fedora-41-desktop", MainWindowPage.onFx(() -> page.table().getSelectionModel().getSelectedItem().name()),
                    "and grouping by node again");
        }
    }
}
