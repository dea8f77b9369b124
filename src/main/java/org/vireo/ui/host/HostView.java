package org.vireo.ui.host;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.vireo.model.ByteSize;
import org.vireo.model.HostDetails;
import org.vireo.model.NodeAdvice;
import org.vireo.ui.common.FactSheet;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.common.LazyTabContent;
import org.vireo.ui.common.Messages;
import org.vireo.ui.network.NetworksView;
import org.vireo.ui.storage.StorageView;

/** The host pane: facts, storage pools and virtual networks of the selected node. */
public final class HostView {

    private final Messages messages;
    private final GridPane facts = new GridPane();
    private final FactSheet sheet;
    private final VBox lists = new VBox(3);
    private final Label message = new Label();
    private final VBox advice = new VBox(4);
    private final HostViewModel viewModel;
    private final Node root;

    public HostView(HostViewModel viewModel, Messages messages, FilePicker files) {
        this.messages = messages;
        this.viewModel = viewModel;
        this.sheet = new FactSheet(messages, facts, "host-");
        facts.setHgap(12);
        facts.setVgap(3);
        message.setId("hostMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        advice.setId("hostAdvice");
        viewModel.advice().addListener((ListChangeListener<NodeAdvice>) c -> showAdvice());
        VBox box = new VBox(10, message, advice, facts, lists);
        box.setPadding(new Insets(8));
        ScrollPane overview = new ScrollPane(box);
        overview.setFitToWidth(true);
        if (viewModel.storage() == null) {
            root = overview;
        } else {
            Tab overviewTab = new Tab(messages.get("host.tab.overview"), overview);
            overviewTab.setId("hostOverviewTab");
            Tab storageTab = new Tab(messages.get("host.tab.storage"));
            storageTab.setId("storageTab");
            LazyTabContent.build(storageTab, () -> new StorageView(viewModel.storage(), messages, files).root());
            TabPane tabs = new TabPane(overviewTab, storageTab);
            if (viewModel.networks() != null) {
                Tab networksTab = new Tab(messages.get("host.tab.networks"));
                networksTab.setId("networksTab");
                LazyTabContent.build(networksTab, () -> new NetworksView(viewModel.networks(), messages).root());
                tabs.getTabs().add(networksTab);
                viewModel.networks().shownProperty().bind(networksTab.selectedProperty());
            }
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            root = tabs;
        }
        root.setId("hostPane");
        viewModel.detailsProperty().addListener((obs, old, now) -> show(now));
    }

    public Node root() {
        return root;
    }

    /** Each step in words, its command in a field the user can select and copy. */
    private void showAdvice() {
        advice.getChildren().clear();
        for (NodeAdvice step : viewModel.advice()) {
            Label text = new Label(step.text());
            text.setWrapText(true);
            advice.getChildren().add(text);
            if (!step.command().isEmpty()) {
                TextField command = new TextField(step.command());
                command.setEditable(false);
                command.getStyleClass().add("command");
                command.setAccessibleText(step.text());
                VBox.setMargin(command, new Insets(0, 0, 4, 12));
                advice.getChildren().add(command);
            }
        }
    }

    private void show(HostDetails host) {
        facts.getChildren().clear();
        lists.getChildren().clear();
        if (host == null) {
            return;
        }
        int row = 0;
        row = sheet.fact(row, "host.name", host.hostName());
        row = sheet.fact(row, "host.hypervisor", host.hypervisor() + (host.hypervisorVersion().isEmpty() ? "" : " " + host.hypervisorVersion()));
        row = sheet.fact(row, "host.libvirt", host.libvirtVersion());
        row = sheet.fact(row, "host.cpu", messages.get("host.cpuText", host.cpus(), host.cpuModel(), host.mhz()));
        row = sheet.fact(row, "host.memory", new ByteSize(host.memoryBytes()).toHuman());
        sheet.fact(row, "host.vms", "");
        if (facts.lookup("#host-vms") instanceof Label counts) {
            counts.textProperty().bind(Bindings.createStringBinding(
                    () -> messages.get("host.vmsText", viewModel.activeVmsProperty().get(), viewModel.totalVmsProperty().get()),
                    viewModel.activeVmsProperty(), viewModel.totalVmsProperty()));
        }
        lists.getChildren().add(sheet.heading("host.pools"));
        for (HostDetails.PoolInfo pool : host.pools()) {
            lists.getChildren().add(new Label("  " + pool.name() + "  " + messages.get(pool.active() ? "host.active" : "host.inactive")
                    + "  " + messages.get("host.poolSpace", new ByteSize(Math.max(0, pool.availableBytes())).toHuman(),
                    new ByteSize(Math.max(0, pool.capacityBytes())).toHuman())));
        }
        if (host.pools().isEmpty()) {
            lists.getChildren().add(new Label("  " + messages.get("host.none")));
        }
        lists.getChildren().add(sheet.heading("host.networks"));
        for (HostDetails.NetworkInfo network : host.networks()) {
            lists.getChildren().add(new Label("  " + network.name() + "  " + messages.get(network.active() ? "host.active" : "host.inactive")
                    + (network.addresses().isEmpty() ? "" : "  " + String.join(", ", network.addresses()))));
        }
        if (host.networks().isEmpty()) {
            lists.getChildren().add(new Label("  " + messages.get("host.none")));
        }
    }
}
