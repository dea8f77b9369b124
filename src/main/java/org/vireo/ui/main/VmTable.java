package org.vireo.ui.main;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.vireo.model.ByteSize;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.AfterEachLayout;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.VisibleText;

/** The centre table of VMs: sortable columns over the view model's filtered list. */
final class VmTable {

    private final TableView<VmSummary> view = new TableView<>();
    private final Map<TableColumn<VmSummary, ?>, ToDoubleFunction<VmSummary>> figures = new HashMap<>();

    /** Says why the table is empty, with a link that clears the filter when that is the reason. */
    private static Node placeholder(MainViewModel viewModel, Messages messages) {
        Label why = new Label();
        why.setId("tableEmpty");
        why.setWrapText(true);
        why.textProperty().bind(viewModel.emptyTableTextProperty());
        Hyperlink clear = new Hyperlink(messages.get("table.empty.clearFilter"));
        clear.setId("clearFilter");
        clear.visibleProperty().bind(viewModel.emptyByFilterProperty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> viewModel.clearFilter());
        VBox box = new VBox(4, why, clear);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        return box;
    }

    private final ColumnFit<VmSummary> fit;
    private final LiveWrites liveWrites = new LiveWrites();

    /**
     * What the live figures' cells wrote: texts set and items replaced. A statistics tick where few figures
     * changed must write only those (LiveFiguresTickTest counts them per tick: a change that sets every visible
     * cell again, or replaces the rows, fails it).
     */
    static final class LiveWrites {
        private final LongAdder textSets = new LongAdder();
        private final LongAdder itemUpdates = new LongAdder();

        long textSets() {
            return textSets.sum();
        }

        long itemUpdates() {
            return itemUpdates.sum();
        }
    }

    /**
     * Rows are one line high, so their height is fixed once the first one has been laid out: with a variable
     * height the table measured a spare cell after every changed figure (LiveFiguresTickTest saw each changed text
     * re-lay out the flow and put an item into a hidden cell and take it out again).
     */
    private void fixRowHeightOnceLaidOut() {
        AfterEachLayout.attach(view, () -> {
            if (view.getFixedCellSize() > 0) {
                return;
            }
            for (Node row : view.lookupAll(".table-row-cell")) {
                if (row instanceof TableRow<?> tableRow && !tableRow.isEmpty() && tableRow.getHeight() > 0) {
                    view.setFixedCellSize(tableRow.getHeight());
                    return;
                }
            }
        });
    }

    LiveWrites liveWrites() {
        return liveWrites;
    }

    VmTable(MainViewModel viewModel, Messages messages) {
        view.setId("vmTable");
        view.setAccessibleText(messages.get("table.accessible"));
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPlaceholder(placeholder(viewModel, messages));
        fixRowHeightOnceLaidOut();

        TableColumn<VmSummary, String> name = new TableColumn<>(messages.get("table.name"));
        name.setId("nameColumn");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(VisibleText.of(c.getValue().name())));
        name.setComparator(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        name.setPrefWidth(240);

        TableColumn<VmSummary, VmState> state = new TableColumn<>(messages.get("table.state"));
        state.setId("stateColumn");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        state.setCellFactory(column -> new TableCell<>() {
            private final ImageView icon = StateIcons.forVm(VmState.NO_STATE);

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
        vcpus.getStyleClass().add("numeric");
        vcpus.setPrefWidth(70);

        TableColumn<VmSummary, ByteSize> memory = new TableColumn<>(messages.get("table.memory"));
        memory.setId("memoryColumn");
        memory.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().memory()));
        memory.getStyleClass().add("numeric");
        memory.setPrefWidth(100);

        TableColumn<VmSummary, String> node = new TableColumn<>(messages.get("table.node"));
        node.setId("nodeColumn");
        node.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.nodeName(c.getValue().nodeId())));
        node.setPrefWidth(180);

        TableColumn<VmSummary, String> tags = new TableColumn<>(messages.get("table.tags"));
        tags.setId("tagsColumn");
        tags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(VisibleText.of(String.join(", ", c.getValue().tags()))));
        tags.setPrefWidth(160);

        TableColumn<VmSummary, String> autostart = new TableColumn<>(messages.get("table.autostart"));
        autostart.setId("autostartColumn");
        autostart.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(!c.getValue().persistent() ? ""
                : messages.get(c.getValue().autostart() ? "table.autostart.yes" : "table.autostart.no")));
        autostart.setPrefWidth(90);

        // Activity only for VMs that run: a paused or crashed VM has no CPU %, disk or network rate, only its memory.
        ToDoubleFunction<VmSummary> cpuValue = whileRunning(live(viewModel, s -> s.cpuPercent()));
        ToDoubleFunction<VmSummary> memUsedValue = live(viewModel, s -> (double) s.memoryBytes());
        ToDoubleFunction<VmSummary> diskValue = whileRunning(live(viewModel, s -> s.diskReadBps() + s.diskWriteBps()));
        ToDoubleFunction<VmSummary> netValue = whileRunning(live(viewModel, s -> s.netRxBps() + s.netTxBps()));
        TableColumn<VmSummary, VmSummary> cpu = liveColumn("cpuColumn", messages.get("table.cpu"), viewModel,
                figure(cpuValue, v -> String.format(Locale.ROOT, "%.1f %%", v)), true);
        TableColumn<VmSummary, VmSummary> memUsed = liveColumn("memUsedColumn", messages.get("table.memUsed"), viewModel,
                figure(memUsedValue, v -> new ByteSize((long) v).toHuman()), true);
        TableColumn<VmSummary, VmSummary> disk = liveColumn("diskColumn", messages.get("table.disk"), viewModel,
                figure(diskValue, VmTable::rate), true);
        TableColumn<VmSummary, VmSummary> net = liveColumn("netColumn", messages.get("table.net"), viewModel,
                figure(netValue, VmTable::rate), true);
        Function<VmSummary, String> addressText = vm -> {
            VmStats s = viewModel.stats(vm.key());
            return s == null ? "" : String.join(", ", s.addresses());
        };
        TableColumn<VmSummary, VmSummary> addresses = liveColumn("addressesColumn", messages.get("table.addresses"), viewModel,
                addressText, false);
        addresses.setPrefWidth(140);
        ToLongFunction<VmSummary> uptimeValue = vm -> viewModel.uptimeMillis(vm.key());
        TableColumn<VmSummary, VmSummary> uptime = liveColumn("uptimeColumn", messages.get("table.uptime"), viewModel, vm -> {
            long millis = uptimeValue.applyAsLong(vm);
            return millis < 0 ? "" : Duration.ofMillis(millis).toString().substring(2).replaceAll("\\.\\d+", "").toLowerCase();
        }, true);
        uptime.setVisible(false);
        memUsed.setVisible(false);
        disk.setVisible(false);
        net.setVisible(false);
        addresses.setVisible(false);
        autostart.setVisible(false);
        fit = new ColumnFit<>(view);
        List.of(memUsed, disk, net, addresses, uptime, autostart).forEach(fit::fitWhenShown);

        view.getColumns().setAll(List.of(name, state, vcpus, memory, cpu, memUsed, disk, net, addresses, uptime, autostart, node, tags));
        view.getColumns().forEach(ColumnFit::neverNarrowerThanHeading);
        view.setTableMenuButtonVisible(true);   // the built-in column chooser

        // Rows of a node that is not connected stay listed, greyed.
        view.setRowFactory(table -> new OfflineAwareRow(viewModel));

        // Columns whose order is a field of the record sort on it directly. The table's own comparator
        // asks each column's cell value factory for a new observable at every comparison (120 000
        // of them to sort 5000 VMs by name); it stays for the columns of live figures.
        Map<TableColumn<VmSummary, ?>, Comparator<VmSummary>> direct = Map.ofEntries(
                Map.entry(name, Comparator.comparing(VmSummary::name, name.getComparator())),
                Map.entry(state, Comparator.comparing(VmSummary::state)),
                Map.entry(vcpus, Comparator.comparingInt(VmSummary::vcpus)),
                Map.entry(memory, Comparator.comparing(VmSummary::memory)),
                Map.entry(node, Comparator.comparing((VmSummary vm) -> viewModel.nodeName(vm.nodeId()), String.CASE_INSENSITIVE_ORDER)),
                Map.entry(tags, Comparator.comparing((VmSummary vm) -> String.join(", ", vm.tags()))),
                Map.entry(autostart, Comparator.comparing((VmSummary vm) -> vm.persistent() ? (vm.autostart() ? 2 : 1) : 0)),
                Map.entry(addresses, Comparator.comparing(addressText)));
        // Rows equal on every chosen column stay put: the name, then the node, then the UUID decide last.
        lastKeys = direct.get(name).thenComparing(direct.get(node)).thenComparing(VmSummary::uuid);
        // Live figures: VMs without one (not sampled, not running) sort last in either direction.
        figures.put(cpu, cpuValue);
        figures.put(memUsed, memUsedValue);
        figures.put(disk, diskValue);
        figures.put(net, netValue);
        figures.put(uptime, vm -> {
            long millis = uptimeValue.applyAsLong(vm);
            return millis < 0 ? Double.NaN : millis;
        });
        SortedList<VmSummary> sorted = new SortedList<>(viewModel.visibleVms());
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> sortOrder(direct), view.comparatorProperty()));
        view.setItems(sorted);
        // The sorted list follows the table's sort order through the binding above; the default
        // policy would refuse to sort because that comparator is not the table's own.
        view.setSortPolicy(table -> true);
        view.getSortOrder().add(name);
    }

    private Comparator<VmSummary> lastKeys;

    /** The table's sort order as one comparator over the records, or the table's own when a column needs it. */
    private Comparator<VmSummary> sortOrder(Map<TableColumn<VmSummary, ?>, Comparator<VmSummary>> direct) {
        Comparator<VmSummary> order = null;
        for (TableColumn<VmSummary, ?> column : view.getSortOrder()) {
            boolean descending = column.getSortType() == TableColumn.SortType.DESCENDING;
            Comparator<VmSummary> byColumn = direct.get(column);
            if (figures.containsKey(column)) {
                byColumn = figureOrder(figures.get(column), descending);
            } else if (byColumn == null) {
                return view.getComparator() == null ? lastKeys : view.getComparator().thenComparing(lastKeys);
            } else if (descending) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order == null ? lastKeys : order.thenComparing(lastKeys);
    }

    private static Comparator<VmSummary> figureOrder(ToDoubleFunction<VmSummary> figure, boolean descending) {
        return (a, b) -> {
            double x = figure.applyAsDouble(a);
            double y = figure.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return descending ? Double.compare(y, x) : Double.compare(x, y);
        };
    }

    /** A live figure of a VM from its latest sample; NaN without one (sorted last). */
    private static ToDoubleFunction<VmSummary> live(MainViewModel viewModel,
            ToDoubleFunction<VmStats> value) {
        return vm -> {
            VmStats s = viewModel.stats(vm.key());
            return s == null ? Double.NaN : value.applyAsDouble(s);
        };
    }

    private static ToDoubleFunction<VmSummary> whileRunning(ToDoubleFunction<VmSummary> figure) {
        return vm -> vm.state().isRunning() ? figure.applyAsDouble(vm) : Double.NaN;
    }

    private static Function<VmSummary, String> figure(ToDoubleFunction<VmSummary> value,
            DoubleFunction<String> format) {
        return vm -> {
            double v = value.applyAsDouble(vm);
            return Double.isNaN(v) ? "" : format.apply(v);
        };
    }

    /**
     * A column of live figures. Its cells hold the row's record and redraw their text on each statistics
     * tick, setting it only when it reads differently: a cell whose item changed made JavaFX repaint the
     * whole window (2–3 % of a core idle in Xvfb with figures on screen), a changed text only the cell.
     */
    private TableColumn<VmSummary, VmSummary> liveColumn(String id, String title, MainViewModel viewModel,
            Function<VmSummary, String> text, boolean alignRight) {
        TableColumn<VmSummary, VmSummary> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new LiveCell(viewModel, text, liveWrites));
        if (alignRight) {
            column.getStyleClass().add("numeric");
        }
        column.setPrefWidth(90);
        return column;
    }

    private static final class LiveCell extends TableCell<VmSummary, VmSummary> {
        private final Function<VmSummary, String> text;
        private final LiveWrites writes;
        // Held by the cell: the tick only knows it weakly, so discarded cells are not kept alive.
        private final InvalidationListener onTick = tick -> redraw();

        LiveCell(MainViewModel viewModel, Function<VmSummary, String> text, LiveWrites writes) {
            this.text = text;
            this.writes = writes;
            viewModel.statsTickProperty().addListener(new WeakInvalidationListener(onTick));
        }

        @Override
        protected void updateItem(VmSummary vm, boolean empty) {
            super.updateItem(vm, empty);
            writes.itemUpdates.increment();
            redraw();
        }

        private void redraw() {
            String now = isEmpty() || getItem() == null ? null : text.apply(getItem());
            if (!Objects.equals(now, getText())) {
                writes.textSets.increment();
                setText(now);
            }
        }
    }

    /**
     * A row greyed while its VM's node is not connected. It re-greys itself when a node's state moves
     * (a few dozen rows on screen), so a node going away rebuilds no cell.
     */
    private static final class OfflineAwareRow extends TableRow<VmSummary> {
        private final MainViewModel viewModel;
        // Held by the row: the tick only knows it weakly.
        private final InvalidationListener onNodeStates = tick -> restyle();

        OfflineAwareRow(MainViewModel viewModel) {
            this.viewModel = viewModel;
            viewModel.nodeStatesTickProperty().addListener(new WeakInvalidationListener(onNodeStates));
        }

        @Override
        protected void updateItem(VmSummary vm, boolean empty) {
            super.updateItem(vm, empty);
            restyle();
        }

        private void restyle() {
            VmSummary vm = getItem();
            boolean offline = !isEmpty() && vm != null && !viewModel.isNodeConnected(vm.nodeId());
            OfflineLook.apply(this, offline);
        }
    }

    private static String rate(double bytesPerSecond) {
        return new ByteSize((long) bytesPerSecond).toHuman() + "/s";
    }

    TableView<VmSummary> view() {
        return view;
    }

    static final String KEY_COLUMNS = "table.columns";
    static final String KEY_SORT = "table.sort";

    /** The columns as the user left them: order, width and shown or not; then the sort columns and directions. */
    Map<String, String> columnState() {
        List<String> columns = new ArrayList<>();
        for (TableColumn<VmSummary, ?> column : view.getColumns()) {
            columns.add(column.getId() + ":" + Math.round(column.getWidth()) + ":" + (column.isVisible() ? "shown" : "hidden"));
        }
        List<String> sort = new ArrayList<>();
        for (TableColumn<VmSummary, ?> column : view.getSortOrder()) {
            sort.add(column.getId() + ":" + (column.getSortType() == TableColumn.SortType.DESCENDING ? "down" : "up"));
        }
        return Map.of(KEY_COLUMNS, String.join(",", columns), KEY_SORT, String.join(",", sort));
    }

    /** Puts back what {@link #columnState} saved; unknown or missing columns keep their defaults. */
    void restoreColumns(Map<String, String> saved) {
        Map<String, TableColumn<VmSummary, ?>> byId = new LinkedHashMap<>();
        view.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<VmSummary, ?>> order = new ArrayList<>();
        for (String entry : saved.getOrDefault(KEY_COLUMNS, "").split(",")) {
            String[] parts = entry.split(":");
            TableColumn<VmSummary, ?> column = byId.remove(parts[0]);
            if (column == null || parts.length != 3) {
                continue;
            }
            order.add(column);
            try {
                column.setPrefWidth(Math.max(30, Math.min(2000, Double.parseDouble(parts[1]))));
            } catch (NumberFormatException e) {
                // a damaged value: the default width
            }
            fit.quietly(() -> column.setVisible(!parts[2].equals("hidden")));   // the saved width stands
        }
        if (!order.isEmpty()) {
            order.addAll(byId.values());   // columns a newer version added
            view.getColumns().setAll(order);
        }
        List<TableColumn<VmSummary, ?>> sort = new ArrayList<>();
        for (String entry : saved.getOrDefault(KEY_SORT, "").split(",")) {
            String[] parts = entry.split(":");
            view.getColumns().stream().filter(c -> c.getId().equals(parts[0])).findFirst().ifPresent(column -> {
                column.setSortType(parts.length > 1 && parts[1].equals("down") ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                sort.add(column);
            });
        }
        if (!sort.isEmpty()) {
            view.getSortOrder().setAll(sort);
        }
    }
}
