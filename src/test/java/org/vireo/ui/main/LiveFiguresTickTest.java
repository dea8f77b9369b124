package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * The regression guard of issue #26, in counts rather than timings: with 1000 VMs listed, a maximised
 * window's worth of rows on screen and every live column shown, one statistics tick is one hand-over to the FX thread, and the live cells write
 * only the figures that read differently — no text set again, no row's item replaced. A change that sets
 * every visible cell on every tick, or posts once per VM, fails here. While the window is minimised no
 * statistics arrive at all, and they come back with the window.
 */
class LiveFiguresTickTest {

    private static final Set<String> LIVE_COLUMNS = Set.of("cpuColumn", "memUsedColumn", "diskColumn", "netColumn", "addressesColumn", "uptimeColumn");

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    /** One statistics tick as the FX thread saw it, right after the cells redrew. */
    private record Tick(long handOvers, long textSets, long itemUpdates, int changedCells, int liveCells) {
    }

    @Test
    void aTickWritesOnlyTheFiguresThatChangedAndMinimisingStopsThem() throws Exception {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String name = String.format(Locale.ROOT, "tick-vm-%04d", i);
            domains.add("<domain type='test'><name>" + name + "</name><uuid>" + UUID.nameUUIDFromBytes(name.getBytes())
                    + "</uuid><memory unit='MiB'>512</memory><vcpu>" + (1 + i % 4) + "</vcpu><os><type>hvm</type></os></domain>");
        }
        String uri = NodeFiles.write(home.resolve("fleet.xml"), domains.toArray(String[]::new));
        try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
            MainView view = app.app().view();
            MainViewModel viewModel = app.app().viewModel();
            page.waitUntil("the 1000 VMs are listed", 60, () -> MainWindowPage.onFx(() -> viewModel.allVms().size()) >= 1000);
            TreeItem<Object> fleet = page.nodeItems().stream().filter(item -> item.getValue().toString().contains("fleet"))
                    .findFirst().orElseThrow(() -> new AssertionError("no tree item for the fleet node: " + page.nodeItems()));
            page.selectTreeRow(fleet);
            // As many rows as a maximised window shows (18 on this 1600×1000 screen, under the details pane).
            robot.interact(() -> ((Stage) MainWindowPage.mainWindow()).setMaximized(true));
            page.waitUntil("the table shows the fleet node's VMs", 10, () -> MainWindowPage.onFx(() -> page.table().getItems().size()) == 1000);
            // Every live column shown (CPU % is the only one by default): more cells that could be written needlessly.
            robot.interact(() -> view.vmTable().view().getColumns().stream().filter(c -> LIVE_COLUMNS.contains(c.getId()))
                    .forEach(c -> c.setVisible(true)));
            robot.interact(() -> viewModel.setStatsInterval(1));
            page.waitUntil("CPU figures are on screen", 20, () -> page.renderedColumn("cpuColumn").stream().anyMatch(t -> t.endsWith("%")));

            VmTable.LiveWrites writes = view.vmTable().liveWrites();
            List<Tick> ticks = new ArrayList<>();
            Map<TableCell<?, ?>, String> shown = new IdentityHashMap<>();
            long[] last = new long[3];
            // Added after the cells' own listeners, so it runs once they have redrawn.
            InvalidationListener onTick = obs -> {
                Map<TableCell<?, ?>, String> now = liveCells(view);
                int changed = 0;
                for (Map.Entry<TableCell<?, ?>, String> cell : now.entrySet()) {
                    if (!shown.containsKey(cell.getKey()) || !Objects.equals(shown.get(cell.getKey()), cell.getValue())) {
                        changed++;
                    }
                }
                long handOvers = viewModel.statsHandOvers();
                ticks.add(new Tick(handOvers - last[0], writes.textSets() - last[1], writes.itemUpdates() - last[2], changed, now.size()));
                last[0] = handOvers;
                last[1] = writes.textSets();
                last[2] = writes.itemUpdates();
                shown.clear();
                shown.putAll(now);
            };
            robot.interact(() -> viewModel.statsTickProperty().addListener(onTick));
            page.waitUntil("eight statistics ticks", 30, () -> MainWindowPage.onFx(ticks::size) >= 8);
            robot.interact(() -> viewModel.statsTickProperty().removeListener(onTick));
            List<Tick> measured = MainWindowPage.onFx(() -> List.copyOf(ticks.subList(1, ticks.size())));   // the first has no "before"
            System.out.println("statistics ticks (hand-overs, texts set, items replaced, cells that read differently, live cells on screen): " + measured);

            int cells = MainWindowPage.onFx(() -> liveCells(view).size());
            assertTrue(cells >= 15 * LIVE_COLUMNS.size(), "a window's worth of rows with every live figure is on screen: " + cells + " cells");
            for (Tick tick : measured) {
                assertEquals(1, tick.handOvers(), "one hand-over per tick of one node: " + measured);
                assertEquals(tick.changedCells(), tick.textSets(), "only the figures that read differently are set: " + measured);
                assertEquals(0, tick.itemUpdates(), "no row's item is replaced when no VM changed: " + measured);
            }
            assertTrue(measured.stream().mapToLong(Tick::textSets).sum() < measured.stream().mapToLong(Tick::liveCells).sum(),
                    "not every figure on screen changes on every tick here: " + measured);

            // Minimised: nothing is sampled, nothing reaches the FX thread; back on screen, figures flow again.
            Stage stage = (Stage) MainWindowPage.mainWindow();
            robot.interact(() -> stage.setIconified(true));
            Thread.sleep(1500);   // a sample already asked for may still arrive
            long before = viewModel.statsHandOvers();
            Thread.sleep(3500);
            assertEquals(before, viewModel.statsHandOvers(), "no statistics while the window is minimised");
            robot.interact(() -> stage.setIconified(false));
            page.waitUntil("statistics come back with the window", 10, () -> viewModel.statsHandOvers() > before);
        }
    }

    /** The live figures' cells on screen (non-empty rows), with the text each shows now. */
    private static Map<TableCell<?, ?>, String> liveCells(MainView view) {
        Map<TableCell<?, ?>, String> cells = new IdentityHashMap<>();
        for (Node node : view.vmTable().view().lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty() && cell.getTableColumn() != null
                    && cell.getTableColumn().isVisible() && LIVE_COLUMNS.contains(cell.getTableColumn().getId())) {
                cells.put(cell, cell.getText());
            }
        }
        return cells;
    }
}
