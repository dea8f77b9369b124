package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.AfterEachLayout;

/**
 * Tells the statistics sampler which VMs are on screen: the table's visible rows and the VM in the
 * details pane. Which rows are on screen is known after a layout pass (new rows, scrolling by wheel,
 * bar or keys, a resized window), so it looks after each pulse's layout, and asks again only when
 * the set changed. (A start so fast that the VMs were listed before the table had rows sampled
 * nothing until the user scrolled.) While the window is minimised or hidden nothing is on screen, so
 * sampling stops, and the rows on screen are asked for again as soon as it is back; the same while a
 * full-screen window (a VM's screen) covers it.
 */
final class VisibleRowsWatcher {

    private final TableView<VmSummary> table;
    private final Supplier<VmSummary> detailsVm;
    private final MainViewModel viewModel;
    private List<VmSummary> watched = List.of();
    private VirtualFlow<?> flow;

    VisibleRowsWatcher(TableView<VmSummary> table, Supplier<VmSummary> detailsVm, MainViewModel viewModel) {
        this.table = table;
        this.detailsVm = detailsVm;
        this.viewModel = viewModel;
        AfterEachLayout.attach(table, this::look);
        InvalidationListener windowChanged = obs -> look();
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(added -> {
                    if (added instanceof Stage stage) {
                        stage.fullScreenProperty().addListener(windowChanged);
                    }
                });
            }
            look();
        });
        table.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window != null) {
                        window.showingProperty().addListener(windowChanged);
                        if (window instanceof Stage stage) {
                            stage.iconifiedProperty().addListener(windowChanged);
                        }
                    }
                });
            }
        });
    }

    /** Whether anyone can see the table's window: shown and not minimised. */
    private boolean windowSeen() {
        Window window = table.getScene() == null ? null : table.getScene().getWindow();
        return window != null && window.isShowing() && !(window instanceof Stage stage && stage.isIconified())
                && Window.getWindows().stream().noneMatch(other -> other != window && other.isShowing()
                        && other instanceof Stage stage && stage.isFullScreen());
    }

    private void look() {
        List<VmSummary> onScreen = new ArrayList<>();
        if (!windowSeen()) {
            if (!watched.isEmpty()) {
                watched = List.of();
                viewModel.watchStats(watched);
            }
            return;
        }
        if (flow == null) {
            flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        }
        var items = table.getItems();
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = Math.min(items.size() - 1, flow.getLastVisibleCell().getIndex());
            for (int i = Math.max(0, first); i <= last; i++) {
                onScreen.add(items.get(i));
            }
        }
        VmSummary shown = detailsVm.get();
        if (shown != null) {
            onScreen.add(shown);
        }
        if (!onScreen.equals(watched)) {
            watched = onScreen;
            viewModel.watchStats(onScreen);
        }
    }
}
