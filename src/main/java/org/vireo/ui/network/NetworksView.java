package org.vireo.ui.network;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.DhcpHost;
import org.vireo.model.DhcpLease;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.service.device.NetworkRules;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.ListControls;
import org.vireo.ui.common.Messages;

/**
 * The Networks tab: the node's virtual networks above, each with its mode, addresses, DHCP ranges, state and
 * users; below, the chosen network's DHCP leases and its pinned addresses, with their actions.
 */
public final class NetworksView {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final NetworksViewModel viewModel;
    private final Messages messages;
    private final TableView<VirtualNetworkInfo> table = new TableView<>();
    private final TableView<DhcpLease> leaseTable = new TableView<>();
    private final TableView<DhcpHost> hostTable = new TableView<>();

    public NetworksView(NetworksViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public Node root() {
        table.setId("networkTable");
        table.setAccessibleText(messages.get("network.list"));
        table.setItems(viewModel.networks());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("network.noneYet")));
        table.getColumns().setAll(List.of(
                column("network.column.name", VirtualNetworkInfo::name, 110),
                column("network.column.mode", n -> messages.get("network.mode." + known(n.mode()), n.mode())
                        + (n.forwardDevice().isEmpty() ? "" : " \u2192 " + n.forwardDevice()), 110),
                column("network.column.bridge", VirtualNetworkInfo::bridge, 70),
                column("network.column.ipv4", n -> String.join(", ", n.ipv4()), 120),
                column("network.column.ipv6", n -> String.join(", ", n.ipv6()), 90),
                column("network.column.dhcp", n -> String.join(", ", n.dhcpRanges()), 190),
                column("network.column.state", n -> messages.get(n.active() ? "network.active" : "network.inactive"), 65),
                column("network.column.autostart", n -> messages.get(n.autostart() ? "table.autostart.yes" : "table.autostart.no"), 70),
                column("network.column.persistent", n -> messages.get(n.persistent() ? "table.autostart.yes" : "network.transient"), 80),
                column("network.column.leases", n -> !n.active() ? "" : n.leases() < 0 ? "\u2014" : String.valueOf(n.leases()), 55),
                column("network.column.usedBy", n -> String.join(", ", n.usedBy()), 140)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        Button add = button("newNetwork", "network.new", this::newNetwork);
        add.disableProperty().bind(viewModel.nodeIdProperty().isNull().or(viewModel.busyProperty()));
        Button start = button("startNetwork", "network.start", viewModel::start);
        start.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.selectedActive()).or(viewModel.busyProperty()));
        Button stop = button("stopNetwork", "network.stop", this::confirmStop);
        stop.disableProperty().bind(viewModel.selectedActive().not().or(viewModel.busyProperty()));
        CheckBox autostart = new CheckBox(messages.get("network.autostart"));
        autostart.setId("networkAutostart");
        viewModel.selectedProperty().addListener((obs, old, now) -> autostart.setSelected(now != null && now.autostart()));
        autostart.setOnAction(e -> viewModel.setAutostart(autostart.isSelected()));
        autostart.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || !viewModel.selectedProperty().get().persistent() || viewModel.busyProperty().get(),
                viewModel.selectedProperty(), viewModel.busyProperty()));
        Button refresh = button("refreshNetworks", "network.refresh", viewModel::refresh);
        Button delete = button("deleteNetwork", "network.delete", this::confirmDelete);
        delete.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        ToolBar bar = new ToolBar(add, start, stop, autostart, refresh, delete);

        Label message = new Label();
        message.setId("networkMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        BorderPane top = new BorderPane(table);
        top.setTop(bar);
        SplitPane lower = new SplitPane(leasesPane(), hostsPane());
        SplitPane split = new SplitPane(top, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox box = new VBox(4, message, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        box.setId("networksPane");
        return box;
    }

    private Node leasesPane() {
        leaseTable.setId("leaseTable");
        leaseTable.setAccessibleText(messages.get("network.leases"));
        leaseTable.setItems(viewModel.leases());
        leaseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label();
        note.setId("leasesNote");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.leasesNoteProperty());
        leaseTable.setPlaceholder(note);
        leaseTable.getColumns().setAll(List.of(
                column("network.lease.mac", DhcpLease::mac, 120),
                column("network.lease.address", DhcpLease::address, 120),
                column("network.lease.hostname", DhcpLease::hostname, 100),
                column("network.lease.expiry", l -> l.expiry() == 0 ? messages.get("network.lease.never")
                        : EXPIRY.format(Instant.ofEpochSecond(l.expiry())), 120)));
        Button refresh = button("refreshLeases", "network.leases.refresh", viewModel::loadLeases);
        refresh.disableProperty().bind(viewModel.selectedActive().not());
        Button pin = button("pinLease", "network.leases.pin", () -> {
            DhcpLease lease = leaseTable.getSelectionModel().getSelectedItem();
            pinDialog(lease == null ? null : new DhcpHost(lease.mac(), lease.address().replaceAll("/.*", ""), lease.hostname()));
        });
        pin.disableProperty().bind(leaseTable.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busyProperty()));
        BorderPane pane = new BorderPane(leaseTable);
        pane.setTop(new VBox(2, heading("network.leases"), new ToolBar(refresh, pin)));
        return pane;
    }

    private Node hostsPane() {
        hostTable.setId("staticHostTable");
        hostTable.setAccessibleText(messages.get("network.hosts"));
        hostTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hostTable.setPlaceholder(new Label(messages.get("network.hosts.none")));
        viewModel.selectedProperty().addListener((obs, old, now) ->
                hostTable.setItems(FXCollections.observableArrayList(now == null ? List.of() : now.hosts())));
        hostTable.getColumns().setAll(List.of(
                column("network.lease.mac", DhcpHost::mac, 120),
                column("network.lease.address", DhcpHost::ip, 110),
                column("network.lease.hostname", DhcpHost::name, 100)));
        Button add = button("pinAddress", "network.hosts.add", () -> pinDialog(null));
        add.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        Button remove = button("unpinAddress", "network.hosts.remove", () -> {
            DhcpHost host = hostTable.getSelectionModel().getSelectedItem();
            if (host != null && Dialogs.confirm(window(), "unpinDialog", messages.get("network.unpin.title"),
                    messages.get("network.unpin.header", host.ip(), host.mac()), messages.get("network.unpin.text"),
                    messages.get("network.unpin.ok"))) {
                viewModel.unpin(host);
            }
        });
        remove.disableProperty().bind(hostTable.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busyProperty()));
        BorderPane pane = new BorderPane(hostTable);
        pane.setTop(new VBox(2, heading("network.hosts"), new ToolBar(add, remove)));
        return pane;
    }

    private Label heading(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-name");
        label.setPadding(new Insets(4, 4, 0, 4));
        return label;
    }

    /** A pinned address for the chosen network, {@code proposal} (a lease) filled in; checked as typed. */
    private void pinDialog(DhcpHost proposal) {
        VirtualNetworkInfo network = viewModel.selectedProperty().get();
        if (network == null) {
            return;
        }
        Dialog<ButtonType> dialog = Dialogs.form(window(), messages.get("network.pin.title"), messages.get("network.pin.header", network.name()));
        dialog.getDialogPane().setId("pinDialog");
        ComboBox<String> mac = new ComboBox<>(FXCollections.observableArrayList(viewModel.leases().stream().map(DhcpLease::mac).distinct().toList()));
        mac.setId("pinMac");
        mac.setEditable(true);
        TextField ip = new TextField();
        ip.setId("pinIp");
        TextField name = new TextField();
        name.setId("pinName");
        if (proposal != null) {
            mac.getEditor().setText(proposal.mac());
            ip.setText(proposal.ip());
            name.setText(proposal.name());
        }
        ObjectBinding<NetworkRules.HostProblems> problems = Bindings.createObjectBinding(() -> NetworkRules.staticHostProblems(
                mac.getEditor().getText(), ip.getText(), name.getText(), network), mac.getEditor().textProperty(), ip.textProperty(),
                name.textProperty());
        dialog.getDialogPane().setContent(new Form()
                .field(messages.get("network.pin.mac"), mac, problem(problems, NetworkRules.HostProblems::mac), "pinMacError")
                .field(messages.get("network.pin.ip"), ip, problem(problems, NetworkRules.HostProblems::ip), "pinIpError")
                .field(messages.get("network.pin.name"), name, problem(problems, NetworkRules.HostProblems::name), "pinNameError")
                .span(Dialogs.wrapped(messages.get("network.pin.note")))
                .grid());
        ButtonType go = new ButtonType(messages.get("network.pin.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(go);
        ok.setId("pinOk");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> problems.get().any(), problems));
        dialog.showAndWait().filter(b -> b == go).ifPresent(b -> viewModel.pin(new DhcpHost(mac.getEditor().getText().strip(),
                ip.getText().strip(), name.getText().strip())));
    }

    private static StringBinding problem(ObjectBinding<NetworkRules.HostProblems> problems, Function<NetworkRules.HostProblems, String> field) {
        return Bindings.createStringBinding(() -> field.apply(problems.get()), problems);
    }

    private void newNetwork() {
        NewNetworkFlow.run(window(), messages, viewModel.creation(), viewModel.nodeIdProperty().get(), viewModel::created);
    }

    /** Stopping a network that running VMs use cuts them off: said first, with their names. */
    private void confirmStop() {
        VirtualNetworkInfo network = viewModel.selectedProperty().get();
        String text = network.runningUsers().isEmpty() ? messages.get("network.stop.text")
                : messages.get("network.stop.inUse", String.join(", ", network.runningUsers()));
        if (Dialogs.confirm(window(), "stopNetworkDialog", messages.get("network.stop.title"),
                messages.get("network.stop.header", network.name()), text, messages.get("network.stop.ok"))) {
            viewModel.stop();
        }
    }

    private void confirmDelete() {
        VirtualNetworkInfo network = viewModel.selectedProperty().get();
        String text = network.runningUsers().isEmpty() && network.usedBy().isEmpty() ? messages.get("network.delete.text")
                : network.runningUsers().isEmpty() ? messages.get("network.delete.usedBy", String.join(", ", network.usedBy()))
                : messages.get("network.delete.inUse", String.join(", ", network.runningUsers()));
        if (network.active()) {
            text = text + " " + messages.get("network.delete.stopsFirst");
        }
        if (Dialogs.confirm(window(), "deleteNetworkDialog", messages.get("network.delete.title"),
                messages.get("network.delete.header", network.name()), text, messages.get("network.delete.ok"))) {
            viewModel.delete();
        }
    }

    private static String known(String mode) {
        return List.of("nat", "route", "isolated", "open", "bridge").contains(mode) ? mode : "other";
    }

    private Window window() {
        return table.getScene().getWindow();
    }

    private Button button(String id, String key, Runnable action) {
        return ListControls.button(messages, id, key, action);
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> text, double width) {
        return ListControls.textColumn(messages, key, text, width);
    }
}
