package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import org.vireo.model.VmSummary;

/**
 * The table's selection, kept by VM key: a worker's report replaces the rows of changed VMs, and
 * the selection must follow them rather than jump. The selected VMs go to the actions' view model
 * and to {@code onChange} (the pane below the table).
 */
final class TableSelection {

    private final TableView<VmSummary> table;
    private final MainViewModel viewModel;
    private final ActionsViewModel actions;
    private final Consumer<List<VmSummary>> onChange;
    private final Set<String> selectedKeys = new LinkedHashSet<>();
    private boolean restoring;

    TableSelection(TableView<VmSummary> table, MainViewModel viewModel, ActionsViewModel actions, Consumer<List<VmSummary>> onChange) {
        this.table = table;
        this.viewModel = viewModel;
        this.actions = actions;
        this.onChange = onChange;
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<VmSummary>) change -> onUserSelection());
        viewModel.applyingProperty().addListener((obs, was, now) -> {
            if (!now) {
                restore();   // the rows on screen are looked at after the layout this batch causes
            }
        });
    }

    private void onUserSelection() {
        if (restoring || viewModel.applyingProperty().get()) {
            return;   // rows replaced by a worker report, not the user's choice: restored once the batch is in
        }
        selectedKeys.clear();
        table.getSelectionModel().getSelectedItems().forEach(vm -> selectedKeys.add(vm.key()));
        publish();
    }

    private void restore() {
        restoring = true;
        try {
            var model = table.getSelectionModel();
            var items = table.getItems();
            List<Integer> wanted = new ArrayList<>();
            for (int i = 0; i < items.size() && wanted.size() < selectedKeys.size(); i++) {
                if (selectedKeys.contains(items.get(i).key())) {
                    wanted.add(i);
                }
            }
            if (!wanted.equals(model.getSelectedIndices())) {
                model.clearSelection();
                wanted.forEach(model::select);
            }
        } finally {
            restoring = false;
        }
        publish();
    }

    private void publish() {
        List<VmSummary> current = new ArrayList<>();
        for (String key : selectedKeys) {
            VmSummary vm = viewModel.vm(key);
            if (vm != null) {
                current.add(vm);
            }
        }
        if (!current.equals(actions.selection())) {
            actions.selection().setAll(current);
        }
        onChange.accept(current);
    }
}
