package org.vireo.ui.main;

import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.vireo.model.ByteSize;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.Messages;

/** The centre table of VMs: sortable columns over the view model's filtered list. */
final class VmTable {

    private final TableView<VmSummary> view = new TableView<>();

    VmTable(MainViewModel viewModel, Messages messages) {
        view.setId("vmTable");
        view.setAccessibleText(messages.get("table.accessible"));
        view.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPlaceholder(new Label(messages.get("table.empty.none")));

        TableColumn<VmSummary, String> name = new TableColumn<>(messages.get("table.name"));
        name.setId("nameColumn");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setComparator(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        name.setPrefWidth(240);

        TableColumn<VmSummary, VmState> state = new TableColumn<>(messages.get("table.state"));
        state.setId("stateColumn");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        state.setCellFactory(column -> new TableCell<>() {
            private final javafx.scene.image.ImageView icon = StateIcons.forVm(VmState.NO_STATE);

            @Override
            protected void updateItem(VmState value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(messages.get("vm.state." + value.id()));
                    icon.setImage(StateIcons.vmImage(value));
                    setGraphic(icon);
                }
            }
        });
        state.setPrefWidth(130);

        TableColumn<VmSummary, Integer> vcpus = new TableColumn<>(messages.get("table.vcpus"));
        vcpus.setId("vcpusColumn");
        vcpus.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().vcpus()));
        vcpus.setStyle("-fx-alignment: CENTER-RIGHT;");
        vcpus.setPrefWidth(70);

        TableColumn<VmSummary, ByteSize> memory = new TableColumn<>(messages.get("table.memory"));
        memory.setId("memoryColumn");
        memory.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().memory()));
        memory.setStyle("-fx-alignment: CENTER-RIGHT;");
        memory.setPrefWidth(100);

        TableColumn<VmSummary, String> node = new TableColumn<>(messages.get("table.node"));
        node.setId("nodeColumn");
        node.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.nodeName(c.getValue().nodeId())));
        node.setPrefWidth(180);

        TableColumn<VmSummary, String> tags = new TableColumn<>(messages.get("table.tags"));
        tags.setId("tagsColumn");
        tags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join(", ", c.getValue().tags())));
        tags.setPrefWidth(160);

        TableColumn<VmSummary, Double> cpu = statsColumn("cpuColumn", messages.get("table.cpu"), viewModel,
                s -> s.cpuPercent(), v -> String.format(java.util.Locale.ROOT, "%.1f %%", v));
        TableColumn<VmSummary, Double> memUsed = statsColumn("memUsedColumn", messages.get("table.memUsed"), viewModel,
                s -> (double) s.memoryBytes(), v -> new ByteSize(v.longValue()).toHuman());
        TableColumn<VmSummary, Double> disk = statsColumn("diskColumn", messages.get("table.disk"), viewModel,
                s -> s.diskReadBps() + s.diskWriteBps(), VmTable::rate);
        TableColumn<VmSummary, Double> net = statsColumn("netColumn", messages.get("table.net"), viewModel,
                s -> s.netRxBps() + s.netTxBps(), VmTable::rate);
        TableColumn<VmSummary, String> addresses = new TableColumn<>(messages.get("table.addresses"));
        addresses.setId("addressesColumn");
        addresses.setCellValueFactory(c -> javafx.beans.binding.Bindings.createObjectBinding(() -> {
            org.vireo.model.VmStats s = viewModel.stats(c.getValue().key());
            return s == null ? "" : String.join(", ", s.addresses());
        }, viewModel.statsTickProperty()));
        addresses.setPrefWidth(140);
        TableColumn<VmSummary, String> uptime = new TableColumn<>(messages.get("table.uptime"));
        uptime.setId("uptimeColumn");
        uptime.setCellValueFactory(c -> javafx.beans.binding.Bindings.createObjectBinding(() -> {
            long millis = viewModel.uptimeMillis(c.getValue().key());
            return millis < 0 ? "" : java.time.Duration.ofMillis(millis).toString().substring(2).replaceAll("\\.\\d+", "").toLowerCase();
        }, viewModel.statsTickProperty()));
        uptime.setVisible(false);
        memUsed.setVisible(false);
        disk.setVisible(false);
        net.setVisible(false);
        addresses.setVisible(false);

        view.getColumns().setAll(java.util.List.of(name, state, vcpus, memory, cpu, memUsed, disk, net, addresses, uptime, node, tags));
        view.setTableMenuButtonVisible(true);   // the built-in column chooser

        // Rows of a node that is not connected stay listed, greyed.
        view.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(VmSummary vm, boolean empty) {
                super.updateItem(vm, empty);
                boolean offline = !empty && vm != null && !viewModel.isNodeConnected(vm.nodeId());
                if (offline) {
                    if (!getStyleClass().contains("offline")) {
                        getStyleClass().add("offline");
                    }
                } else {
                    getStyleClass().remove("offline");
                }
            }
        });

        // Columns whose order is a field of the record sort on it directly. The table's own comparator
        // asks each column's cell value factory for a new observable at every comparison (120 000
        // of them to sort 5000 VMs by name); it stays for the columns of live figures.
        java.util.Map<TableColumn<VmSummary, ?>, Comparator<VmSummary>> direct = java.util.Map.of(
                name, Comparator.comparing(VmSummary::name, name.getComparator()),
                state, Comparator.comparing(VmSummary::state),
                vcpus, Comparator.comparingInt(VmSummary::vcpus),
                memory, Comparator.comparing(VmSummary::memory),
                node, Comparator.comparing((VmSummary vm) -> viewModel.nodeName(vm.nodeId()), String.CASE_INSENSITIVE_ORDER),
                tags, Comparator.comparing((VmSummary vm) -> String.join(", ", vm.tags())));
        SortedList<VmSummary> sorted = new SortedList<>(viewModel.visibleVms());
        sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> sortOrder(direct), view.comparatorProperty()));
        view.setItems(sorted);
        // The sorted list follows the table's sort order through the binding above; the default
        // policy would refuse to sort because that comparator is not the table's own.
        view.setSortPolicy(table -> true);
        view.getSortOrder().add(name);
    }

    /** The table's sort order as one comparator over the records, or the table's own when a column needs it. */
    private Comparator<VmSummary> sortOrder(java.util.Map<TableColumn<VmSummary, ?>, Comparator<VmSummary>> direct) {
        Comparator<VmSummary> order = null;
        for (TableColumn<VmSummary, ?> column : view.getSortOrder()) {
            Comparator<VmSummary> byColumn = direct.get(column);
            if (byColumn == null) {
                return view.getComparator();
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    /** A column of live figures: empty for VMs without a sample, redrawn on each statistics tick. */
    private static TableColumn<VmSummary, Double> statsColumn(String id, String title, MainViewModel viewModel,
            java.util.function.ToDoubleFunction<org.vireo.model.VmStats> value,
            java.util.function.Function<Double, String> format) {
        TableColumn<VmSummary, Double> column = new TableColumn<>(title);
        column.setId(id);
        // Bound to the statistics tick: each visible cell updates in place, no table refresh.
        column.setCellValueFactory(c -> javafx.beans.binding.Bindings.createObjectBinding(() -> {
            org.vireo.model.VmStats s = viewModel.stats(c.getValue().key());
            double v = s == null ? Double.NaN : value.applyAsDouble(s);
            return Double.isNaN(v) ? null : v;
        }, viewModel.statsTickProperty()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(90);
        return column;
    }

    private static String rate(double bytesPerSecond) {
        return new ByteSize((long) bytesPerSecond).toHuman() + "/s";
    }

    TableView<VmSummary> view() {
        return view;
    }
}
