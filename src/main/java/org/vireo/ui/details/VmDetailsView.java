package org.vireo.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.VmDetails;
import org.vireo.model.VmNic;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FactSheet;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.LazyTabContent;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.VisibleText;

/** The details pane: Overview, Performance (live graphs), Hardware, Snapshots and XML tabs. */
public final class VmDetailsView {

    private final VmDetailsViewModel viewModel;
    private final Messages messages;
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    private final GridPane facts = new GridPane();
    private final FactSheet sheet;
    private final VBox devices = new VBox(4);
    private final List<LineChart<Number, Number>> charts;

    public VmDetailsView(VmDetailsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.sheet = new FactSheet(messages, facts, "fact-");
        tabs.setId("detailsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts = List.of(
                chart("cpuChart", messages.get("details.chart.cpu"), 100, List.of("CPU"), List.of(VmStats::cpuPercent)),
                chart("memoryChart", messages.get("details.chart.memory"), 0, List.of("MiB"),
                        List.of(s -> s.memoryBytes() / 1048576.0)),
                chart("diskChart", messages.get("details.chart.disk"), 0,
                        List.of(messages.get("details.chart.read"), messages.get("details.chart.write")),
                        List.of(s -> s.diskReadBps() / 1024, s -> s.diskWriteBps() / 1024)),
                chart("netChart", messages.get("details.chart.net"), 0,
                        List.of(messages.get("details.chart.rx"), messages.get("details.chart.tx")),
                        List.of(s -> s.netRxBps() / 1024, s -> s.netTxBps() / 1024)));
        TilePane performance = new TilePane(8, 8);
        performance.setPrefColumns(2);
        performance.setPadding(new Insets(8));
        performance.getChildren().addAll(charts);
        Label noData = new Label(messages.get("details.chart.noData"));
        noData.setId("chartsNoData");
        noData.setWrapText(true);
        noData.visibleProperty().bind(Bindings.size(viewModel.history()).lessThan(2));
        noData.managedProperty().bind(noData.visibleProperty());
        VBox performancePane = new VBox(4, noData, performance);
        performancePane.setPadding(new Insets(8, 0, 0, 8));
        ScrollPane overviewPane = new ScrollPane(overview());
        overviewPane.setFitToWidth(true);
        ScrollPane chartsPane = new ScrollPane(performancePane);
        chartsPane.setFitToWidth(true);
        tabs.getTabs().addAll(
                tab("details.tab.overview", "overviewTab", overviewPane),
                tab("details.tab.performance", "performanceTab", chartsPane),
                tab("details.tab.hardware", "hardwareTab",
                        () -> new HardwareTab(viewModel.hardware(), settingsPages(), messages, () -> tabs.getScene().getWindow()).root()),
                tab("details.tab.snapshots", "snapshotsTab", () -> new SnapshotsView(viewModel.snapshots(), messages).root()),
                tab("details.tab.xml", "xmlTab", () -> new XmlTab(viewModel.xml(), messages).root()));
        askBeforeLeavingXml(tabs.getTabs().get(tabs.getTabs().size() - 1));
        viewModel.detailsProperty().addListener((obs, old, now) -> show(now));
        viewModel.history().addListener((ListChangeListener<VmStats>) change -> redrawCharts());
        // A request made before this view existed (it is made when the first VM is shown) is served now.
        viewModel.requestedTabProperty().addListener((obs, old, id) -> showRequestedTab());
        showRequestedTab();
        root.setCenter(tabs);
        root.setTop(installBar());
    }

    public Node root() {
        return root;
    }

    private void showRequestedTab() {
        String id = viewModel.requestedTabProperty().get();
        if (id != null) {
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
            viewModel.requestedTabProperty().set(null);
        }
    }

    /** Above the tabs while the VM shown waits for "Begin installation" (customize before install). */
    private Node installBar() {
        Label words = new Label();
        words.setId("installWaiting");
        words.setWrapText(true);
        Button begin = new Button(messages.get("install.begin"));
        begin.setId("beginInstall");
        Button cancel = new Button(messages.get("install.cancel"));
        cancel.setId("cancelInstall");
        Label failure = new Label();
        failure.setId("installFailure");
        failure.getStyleClass().add("field-error-text");
        failure.setWrapText(true);
        failure.managedProperty().bind(failure.textProperty().isNotEmpty());
        failure.visibleProperty().bind(failure.managedProperty());
        HBox bar = new HBox(8, words, begin, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        VBox box = new VBox(4, bar, failure);
        box.setId("installBar");
        box.getStyleClass().add("install-bar");
        box.setPadding(new Insets(6, 8, 6, 8));
        Runnable update = () -> {
            VmSummary vm = viewModel.vmProperty().get();
            PendingInstall pending = vm == null ? null : viewModel.pendingInstalls().get(vm.uuid());
            box.setVisible(pending != null);
            box.setManaged(pending != null);
            if (pending != null) {
                words.setText(messages.get("install.waiting", pending.name()));
                begin.setOnAction(e -> pending.begin());
                // Destructive: asked, with Cancel the default, as every removal is.
                cancel.setOnAction(e -> {
                    if (Dialogs.confirm(root.getScene().getWindow(), "cancelInstallDialog", messages.get("install.cancel.title"),
                            messages.get("install.cancel.header", pending.name()), messages.get("install.cancel.text"),
                            messages.get("install.cancel.ok"))) {
                        pending.cancel();
                    }
                });
                begin.disableProperty().bind(pending.busyProperty());
                cancel.disableProperty().bind(pending.busyProperty());
                failure.textProperty().bind(pending.failureProperty());
            }
        };
        viewModel.vmProperty().addListener((obs, old, now) -> update.run());
        viewModel.pendingInstalls().addListener((MapChangeListener<String, PendingInstall>) change -> update.run());
        update.run();
        return box;
    }

    private Tab tab(String key, String id, Node content) {
        return tab(key, id, () -> content);
    }

    /** A tab whose content is built when it is first chosen: a VM's first click pays only for what it shows. */
    private Tab tab(String key, String id, Supplier<Node> content) {
        Tab tab = new Tab(messages.get(key));
        tab.setId(id);
        LazyTabContent.build(tab, content);
        return tab;
    }

    private Node overview() {
        facts.setId("facts");
        facts.setHgap(12);
        facts.setVgap(4);
        TextField title = new TextField();
        title.setId("titleField");
        title.textProperty().bindBidirectional(viewModel.titleProperty());
        TextArea description = new TextArea();
        description.setId("descriptionField");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        Button save = new Button(messages.get("details.save"));
        save.setId("saveOverview");
        save.setOnAction(e -> viewModel.saveOverview());
        Label message = new Label();
        message.setId("detailsMessage");
        message.textProperty().bind(viewModel.messageProperty());
        GridPane edit = new GridPane();
        edit.setHgap(12);
        edit.setVgap(4);
        edit.addRow(0, FieldLabel.of(messages.get("details.title"), title), title);
        edit.addRow(1, FieldLabel.of(messages.get("details.description"), description), description);
        edit.add(new HBox(8, save, message), 1, 2);
        CheckBox autostart = new CheckBox(messages.get("details.autostart"));
        autostart.setId("autostartBox");
        autostart.selectedProperty().bindBidirectional(viewModel.autostartProperty());
        autostart.setOnAction(e -> viewModel.applyAutostart(autostart.isSelected()));
        // libvirt starts only persistent domains with the host
        autostart.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.detailsProperty().get() == null
                || !viewModel.detailsProperty().get().vm().persistent(), viewModel.detailsProperty()));
        edit.add(autostart, 1, 3);
        GridPane.setHgrow(title, Priority.ALWAYS);
        devices.setId("devices");
        // What waits for the next start, as the Processor, Memory and Boot pages say it.
        SettingsViewModel settings = viewModel.settings();
        Label pending = new Label();
        pending.setId("overviewPending");
        pending.setWrapText(true);
        pending.getStyleClass().add("field-warning-text");
        pending.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", Stream.of(
                settings.cpuPendingProperty().get(), settings.memoryPendingProperty().get(), settings.bootPendingProperty().get())
                .filter(t -> !t.isEmpty()).toList()), settings.cpuPendingProperty(), settings.memoryPendingProperty(),
                settings.bootPendingProperty()));
        pending.visibleProperty().bind(pending.textProperty().isNotEmpty());
        pending.managedProperty().bind(pending.visibleProperty());
        VBox box = new VBox(10, facts, pending, edit, devices);
        box.setPadding(new Insets(8));
        return box;
    }

    private List<HardwareTab.Page> settingsPages() {
        SettingsPages pages = new SettingsPages(viewModel.settings(), viewModel.detailsProperty(), messages);
        return List.of(new HardwareTab.Page("processor", pages.processor()), new HardwareTab.Page("memory", pages.memory()),
                new HardwareTab.Page("boot", pages.boot()));
    }

    private static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error-text");
        return label;
    }

    /**
     * Leaving the XML tab with an edit not applied asks: keep editing (the default), or discard it. The
     * edit is also kept per VM when another VM is chosen, and the window asks before it closes.
     */
    private void askBeforeLeavingXml(Tab xmlTab) {
        boolean[] asking = {false};
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == xmlTab) {
                viewModel.xml().refreshEditingAllowed();
            }
            if (old != xmlTab || asking[0] || !viewModel.xml().dirtyProperty().get()) {
                return;
            }
            asking[0] = true;
            try {
                if (confirmDiscardXml()) {
                    viewModel.xml().revert();
                } else {
                    tabs.getSelectionModel().select(xmlTab);
                }
            } finally {
                asking[0] = false;
            }
        });
    }

    private boolean confirmDiscardXml() {
        return confirmDiscardXml(tabs.getScene().getWindow(), viewModel, messages);
    }

    /** Asks whether an XML edit not applied may go (Cancel is the default); true when there is none or the user lets it go. */
    public static boolean confirmDiscardXml(Window owner, VmDetailsViewModel details, Messages messages) {
        if (!details.xml().dirtyProperty().get()) {
            return true;
        }
        VmSummary vm = details.vmProperty().get();
        return Dialogs.confirm(owner, "discardXmlDialog", messages.get("xml.discard.title"),
                messages.get("xml.discard.header", vm == null ? "" : vm.name()), messages.get("xml.discard.text"),
                messages.get("xml.discard.ok"));
    }

    private void show(VmDetails details) {
        facts.getChildren().clear();
        devices.getChildren().clear();
        if (details == null) {
            return;
        }
        int row = 0;
        row = sheet.fact(row, "details.name", VisibleText.of(details.vm().name()));
        row = sheet.fact(row, "details.uuid", details.vm().uuid());
        row = sheet.fact(row, "details.state", messages.get("vm.state." + details.vm().state().id())
                + (details.stateReason().isEmpty() ? "" : " (" + details.stateReason() + ")"));
        row = sheet.fact(row, "details.os", details.osType());
        row = sheet.fact(row, "details.vcpus", messages.get("details.currentOfMaximum", details.vm().vcpus(), details.maxVcpus()));
        row = sheet.fact(row, "details.memory", messages.get("details.currentOfMaximum", details.vm().memory().toHuman(),
                new ByteSize(details.maxMemoryBytes()).toHuman()));
        row = sheet.fact(row, "details.addresses", details.addresses().isEmpty() ? "—" : String.join(", ", details.addresses()));
        VmDetails.Platform platform = details.platform();
        row = sheet.fact(row, "details.firmware", messages.get("firmware." + platform.firmware())
                + (platform.loader().isEmpty() ? "" : " (" + platform.loader() + ")"));
        row = sheet.fact(row, "details.machine", platform.machine().isEmpty() ? "—" : platform.machine());
        row = sheet.fact(row, "details.osinfo", platform.os().isEmpty() ? "—" : platform.os());
        row = sheet.fact(row, "details.cpuMode", platform.cpuMode().isEmpty() ? messages.get("details.cpuMode.default") : platform.cpuMode());
        sheet.fact(row, "details.display", platform.display().isEmpty() ? messages.get("details.none") : platform.display());
        devices.getChildren().add(sheet.heading("details.disks"));
        if (details.disks().isEmpty()) {
            devices.getChildren().add(new Label("  " + messages.get("details.none")));
        }
        for (VmDetails.DiskDetail disk : details.disks()) {
            String where = disk.volume().isEmpty() ? disk.disk().path() : disk.volume() + "  (" + disk.disk().path() + ")";
            String size = disk.capacityBytes() >= 0 ? new ByteSize(disk.capacityBytes()).toHuman() + "  " : "";
            devices.getChildren().add(new Label("  " + disk.disk().target() + "  " + disk.disk().device() + "  " + size
                    + (where.isEmpty() ? messages.get("details.emptyDrive") : where)
                    + (disk.disk().format().isEmpty() ? "" : "  [" + disk.disk().format() + "]")));
        }
        devices.getChildren().add(sheet.heading("details.nics"));
        if (details.nics().isEmpty()) {
            devices.getChildren().add(new Label("  " + messages.get("details.none")));
        }
        for (VmNic nic : details.nics()) {
            devices.getChildren().add(new Label("  " + nic.mac() + "  " + nic.type() + (nic.source().isEmpty() ? "" : " " + nic.source())
                    + (nic.model().isEmpty() ? "" : "  (" + nic.model() + ")")));
        }
    }

    private LineChart<Number, Number> chart(String id, String title, double upper, List<String> names,
                                            List<ToDoubleFunction<VmStats>> values) {
        NumberAxis time = new NumberAxis(-VmDetailsViewModel.HISTORY_MILLIS / 1000.0, 0, 60);
        time.setLabel(messages.get("details.chart.seconds"));
        NumberAxis y = upper > 0 ? new NumberAxis(0, upper, upper / 4) : new NumberAxis();
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(360, 200);
        chart.setUserData(values);
        for (String name : names) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(name);
            chart.getData().add(series);
        }
        chart.setLegendVisible(names.size() > 1);
        return chart;
    }

    /** One redraw per tick: each series gets its points set at once, never one add per point. */
    @SuppressWarnings("unchecked")
    private void redrawCharts() {
        List<VmStats> history = viewModel.history();
        long now = history.isEmpty() ? 0 : history.get(history.size() - 1).sampledAtMillis();
        for (LineChart<Number, Number> chart : charts) {
            List<ToDoubleFunction<VmStats>> values = (List<ToDoubleFunction<VmStats>>) chart.getUserData();
            for (int i = 0; i < values.size(); i++) {
                List<XYChart.Data<Number, Number>> points = new ArrayList<>();
                for (VmStats sample : history) {
                    double v = values.get(i).applyAsDouble(sample);
                    if (!Double.isNaN(v)) {
                        points.add(new XYChart.Data<>((sample.sampledAtMillis() - now) / 1000.0, v));
                    }
                }
                chart.getData().get(i).getData().setAll(points);
            }
        }
    }
}
