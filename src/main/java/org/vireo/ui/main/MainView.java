package org.vireo.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.StringConverter;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.SavedConnection;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.ConnectionStore;
import org.vireo.ui.common.FxBatchQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.connection.ConnectionDialog;
import org.vireo.ui.connection.ConnectionDialogViewModel;
import org.vireo.ui.details.VmDetailsView;
import org.vireo.ui.details.VmDetailsViewModel;
import org.vireo.ui.host.HostView;
import org.vireo.ui.host.HostViewModel;
import org.vireo.ui.preferences.PreferencesDialog;
import org.vireo.ui.preferences.PreferencesViewModel;
import org.vireo.ui.terminal.TerminalTabs;
import org.vireo.ui.wizard.CreateVmWizard;
import org.vireo.ui.wizard.CreateVmWizardViewModel;

/**
 * The main window: menu bar and toolbar, the node tree and the VM table side by side, a status
 * bar. Geometry (size, position, split) is restored from and handed back as plain key/values.
 */
public final class MainView {

    static final String KEY_X = "window.x";
    static final String KEY_Y = "window.y";
    static final String KEY_WIDTH = "window.width";
    static final String KEY_HEIGHT = "window.height";
    static final String KEY_MAXIMIZED = "window.maximized";
    static final String KEY_SPLIT = "window.split";

    private final MainViewModel viewModel;
    private final Messages messages;
    private final NodeTree tree;
    private final VmTable table;
    private final SplitPane split;
    private final Button connectButton;
    private final Button disconnectButton;
    private final BorderPane root = new BorderPane();
    private final String aboutText;
    private final ActionsViewModel actions;
    private final VmActionsView actionsView;
    private final Set<String> selectedKeys = new LinkedHashSet<>();
    private boolean restoringSelection;

    private final VmDetailsViewModel details;
    private final SplitPane centre;
    // Built on first use: the details' charts and tabs are hundreds of classes the first window does not need.
    private Node detailsPane;
    private Node hostPane;
    private final HostViewModel host;

    private final PreferencesViewModel preferences;
    private final ConnectionStore connections;
    private final FxBatchQueue<Runnable> fx = new FxBatchQueue<>(b -> b.forEach(Runnable::run));
    private TerminalTabs terminals;

    private final Function<List<NodeRef>, CreateVmWizardViewModel> wizards;

    public MainView(MainViewModel viewModel, ActionsViewModel actions, VmDetailsViewModel details,
                    PreferencesViewModel preferences, ConnectionStore connections,
                    HostViewModel host,
                    Function<List<NodeRef>, CreateVmWizardViewModel> wizards,
                    Function<Node, TerminalTabs> terminals,
                    Messages messages, String aboutText) {
        this.wizards = wizards;
        this.connections = connections;
        this.details = details;
        this.preferences = preferences;
        this.viewModel = viewModel;
        this.actions = actions;
        this.messages = messages;
        this.aboutText = aboutText;
        this.tree = new NodeTree(viewModel, messages);
        this.table = new VmTable(viewModel, messages);
        this.actionsView = new VmActionsView(actions, messages, root);

        connectButton = new Button(messages.get("toolbar.connect"));
        connectButton.setId("connectButton");
        connectButton.setOnAction(e -> selectedNode().ifPresent(viewModel::connect));
        disconnectButton = new Button(messages.get("toolbar.disconnect"));
        disconnectButton.setId("disconnectButton");
        disconnectButton.setOnAction(e -> selectedNode().ifPresent(viewModel::disconnect));
        TextField filter = new TextField();
        filter.setId("filterField");
        filter.setAccessibleText(messages.get("toolbar.filter.accessible"));
        filter.setPromptText(messages.get("toolbar.filter.prompt"));
        filter.setPrefColumnCount(22);
        viewModel.filterTextProperty().bind(filter.textProperty());
        ComboBox<VmState> stateFilter = new ComboBox<>();
        stateFilter.setId("stateFilter");
        stateFilter.setAccessibleText(messages.get("toolbar.stateFilter.accessible"));
        stateFilter.getItems().addAll(Arrays.asList(null, VmState.RUNNING, VmState.PAUSED, VmState.SHUT_OFF,
                VmState.CRASHED, VmState.PM_SUSPENDED));
        stateFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(VmState state) {
                return state == null ? messages.get("filter.state.all") : messages.get("vm.state." + state.id());
            }

            @Override
            public VmState fromString(String text) {
                return null;
            }
        });
        stateFilter.getSelectionModel().select(0);
        viewModel.stateFilterProperty().bind(stateFilter.valueProperty());
        Button newVm = new Button(messages.get("toolbar.newVm"));
        newVm.setId("newVmButton");
        newVm.setOnAction(e -> openWizard());
        ToolBar toolBar = new ToolBar(newVm, new Separator());
        toolBar.getItems().addAll(actionsView.toolbarButtons());
        toolBar.getItems().addAll(new Separator(), connectButton, disconnectButton);
        // Search stays outside the tool bar: an overflowing tool bar must never hide it.
        HBox search = new HBox(6, stateFilter, filter);
        search.setAlignment(Pos.CENTER_RIGHT);
        search.setPadding(new Insets(0, 6, 0, 6));
        search.getStyleClass().add("tool-bar");
        HBox.setHgrow(toolBar, Priority.ALWAYS);
        HBox toolRow = new HBox(toolBar, search);

        this.host = host;
        centre = new SplitPane(table.view());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setId("centreSplit");
        this.terminals = terminals.apply(centre);
        split = new SplitPane(tree.view(), this.terminals.view());
        split.setId("mainSplit");
        split.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(tree.view(), false);

        Label status = new Label();
        status.setId("statusBar");
        status.textProperty().bind(viewModel.statusTextProperty());
        Label actionSummary = new Label();
        actionSummary.setId("actionSummary");
        actionSummary.textProperty().bind(Bindings.createStringBinding(
                () -> actionsView.summary(actions.lastResultProperty().get()), actions.lastResultProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("actionProgress");
        progress.progressProperty().bind(actions.progressProperty());
        progress.visibleProperty().bind(actions.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox statusBar = new HBox(status, progress, actionSummary);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        root.setTop(new VBox(menuBar(), toolRow));
        root.setCenter(split);
        root.setBottom(statusBar);

        tree.view().getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> onTreeSelection(now));
        viewModel.nodes().forEach(this::watchNodeStatus);   // re-grey the rows of a node that goes on or offline
        updateNodeButtons();

        ContextMenu context = new ContextMenu(actionsView.menuItems(false).toArray(MenuItem[]::new));
        context.getItems().addAll(new SeparatorMenuItem(), sshItem("context-ssh", false),
                consoleItem("context-console", false), graphicsItem("context-graphics", false));
        table.view().setContextMenu(context);
        table.view().getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<VmSummary>) change -> onTableSelection());
        viewModel.applyingProperty().addListener((obs, was, now) -> {
            if (!now) {
                restoreSelection();   // the rows on screen are looked at after the layout this batch causes
            }
        });
        viewModel.statsTickProperty().addListener((obs, old, now) -> {
            VmSummary shown = details.vmProperty().get();
            VmStats sample = shown == null ? null : viewModel.stats(shown.key());
            if (sample != null) {
                details.addSample(sample);
            }
        });
        // Which rows are on screen is known after a layout pass (new rows, scrolling by wheel, bar or keys, a
        // resized window): look after each pulse's layout. A start so fast that the VMs were listed before the
        // table had rows sampled nothing until the user scrolled.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(watchVisibleAfterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(watchVisibleAfterLayout);
            }
        });
    }

    /** Remembers the selection by key: rows are replaced when a VM changes, and the selection must follow. */
    private void onTableSelection() {
        if (restoringSelection || viewModel.applyingProperty().get()) {
            return;   // rows replaced by a worker report, not the user's choice: restored once the batch is in
        }
        selectedKeys.clear();
        table.view().getSelectionModel().getSelectedItems().forEach(vm -> selectedKeys.add(vm.key()));
        syncActionSelection();
    }

    private void restoreSelection() {
        restoringSelection = true;
        try {
            var model = table.view().getSelectionModel();
            var items = table.view().getItems();
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
            restoringSelection = false;
        }
        syncActionSelection();
    }

    /**
     * The pane under the table: one selected VM shows its details; otherwise a node in scope
     * shows its host; otherwise nothing.
     */
    private void updateDetails(List<VmSummary> selected) {
        VmSummary single = selected.size() == 1 ? selected.get(0) : null;
        details.vmProperty().set(single);
        NodeRow node = viewModel.scopeProperty().get();
        Node wanted = single != null ? detailsPane() : node != null ? hostPane() : null;
        Node current = centre.getItems().size() > 1 ? centre.getItems().get(1) : null;
        if (wanted == current) {
            return;
        }
        if (current != null) {
            detailsDivider = centre.getDividerPositions()[0];
            centre.getItems().remove(current);
        }
        if (wanted != null) {
            centre.getItems().add(wanted);
            centre.setDividerPositions(detailsDivider);
        }
    }

    private double detailsDivider = 0.5;

    /** Tells the sampler which VMs are on screen: the table's visible rows and the details pane's VM. */
    private final Runnable watchVisibleAfterLayout = this::watchVisible;
    private List<VmSummary> watched = List.of();
    private VirtualFlow<?> tableFlow;

    /** Asks for statistics of the rows on screen (and the VM in the details), when that set changed. */
    private void watchVisible() {
        List<VmSummary> onScreen = new ArrayList<>();
        if (tableFlow == null) {
            tableFlow = (VirtualFlow<?>) table.view().lookup(".virtual-flow");
        }
        var flow = tableFlow;
        var items = table.view().getItems();
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = Math.min(items.size() - 1, flow.getLastVisibleCell().getIndex());
            for (int i = Math.max(0, first); i <= last; i++) {
                onScreen.add(items.get(i));
            }
        }
        if (details.vmProperty().get() != null) {
            onScreen.add(details.vmProperty().get());
        }
        if (!onScreen.equals(watched)) {
            watched = onScreen;
            viewModel.watchStats(onScreen);
        }
    }

    private void syncActionSelection() {
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
        updateDetails(current);
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem(messages.get("menu.file.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> ((Stage) root.getScene().getWindow()).close());
        MenuItem closeTab = new MenuItem(messages.get("menu.file.closeTab"));
        closeTab.setId("menu-closeTab");
        closeTab.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        closeTab.setOnAction(e -> terminals.closeSelected());
        Menu file = new Menu(messages.get("menu.file"), null, closeTab, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem allVms = new MenuItem(messages.get("menu.view.allVms"));
        allVms.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        allVms.setOnAction(e -> tree.view().getSelectionModel().select(tree.view().getRoot()));
        MenuItem find = new MenuItem(messages.get("menu.view.find"));
        find.setId("menu-find");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> {
            if (root.lookup("#filterField") instanceof TextField filter) {
                filter.requestFocus();
                filter.selectAll();
            }
        });
        ToggleGroup grouping = new ToggleGroup();
        RadioMenuItem byNode = new RadioMenuItem(messages.get("menu.view.byNode"));
        byNode.setId("groupByNode");
        byNode.setToggleGroup(grouping);
        byNode.setSelected(true);
        byNode.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+N"));
        RadioMenuItem byTag = new RadioMenuItem(messages.get("menu.view.byTag"));
        byTag.setId("groupByTag");
        byTag.setToggleGroup(grouping);
        byTag.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        viewModel.groupByTagProperty().bind(byTag.selectedProperty());
        MenuItem preferences = new MenuItem(messages.get("menu.view.preferences"));
        preferences.setId("preferencesItem");
        preferences.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        preferences.setOnAction(e -> showPreferences());
        Menu view = new Menu(messages.get("menu.view"), null, allVms, find, new SeparatorMenuItem(),
                byNode, byTag, new SeparatorMenuItem(), preferences);
        view.setId("viewMenu");

        MenuItem newVm = new MenuItem(messages.get("menu.vm.new"));
        newVm.setId("menu-new");
        newVm.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newVm.setOnAction(e -> openWizard());
        Menu vm = new Menu(messages.get("menu.vm"), null, newVm, new SeparatorMenuItem());
        vm.getItems().addAll(actionsView.menuItems(true));
        vm.getItems().addAll(new SeparatorMenuItem(), sshItem("menu-ssh", true), consoleItem("menu-console", true),
                graphicsItem("menu-graphics", true));
        vm.setId("vmMenu");

        MenuItem connect = new MenuItem(messages.get("menu.node.connect"));
        connect.disableProperty().bind(connectButton.disableProperty());
        connect.setOnAction(connectButton.getOnAction());
        MenuItem disconnect = new MenuItem(messages.get("menu.node.disconnect"));
        disconnect.disableProperty().bind(disconnectButton.disableProperty());
        disconnect.setOnAction(disconnectButton.getOnAction());
        connect.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+C"));
        disconnect.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+X"));
        MenuItem addConnection = new MenuItem(messages.get("menu.node.add"));
        addConnection.setId("menu-addConnection");
        addConnection.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+A"));
        addConnection.setOnAction(e -> editConnection(null));
        MenuItem editConnection = new MenuItem(messages.get("menu.node.edit"));
        editConnection.setId("menu-editConnection");
        editConnection.setAccelerator(KeyCombination.keyCombination("F2"));
        editConnection.disableProperty().bind(viewModel.scopeProperty().isNull());
        editConnection.setOnAction(e -> selectedNode().ifPresent(this::editConnection));
        MenuItem removeConnection = new MenuItem(messages.get("menu.node.remove"));
        removeConnection.setId("menu-removeConnection");
        removeConnection.setAccelerator(KeyCombination.keyCombination("Shift+Delete"));
        removeConnection.disableProperty().bind(viewModel.scopeProperty().isNull());
        removeConnection.setOnAction(e -> selectedNode().ifPresent(this::removeConnection));
        Menu node = new Menu(messages.get("menu.node"), null, addConnection, editConnection, removeConnection,
                new SeparatorMenuItem(), connect, disconnect);
        node.setId("nodeMenu");

        MenuItem about = new MenuItem(messages.get("menu.help.about"));
        about.setId("menu-about");
        about.setAccelerator(KeyCombination.keyCombination("F1"));
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(messages.get("menu.help"), null, about);
        help.setId("helpMenu");

        MenuBar bar = new MenuBar(file, view, vm, node, help);
        bar.setId("menuBar");
        return bar;
    }

    /** "Open SSH terminal…": for one selected, running VM (addresses from its latest statistics). */
    private MenuItem sshItem(String id, boolean withShortcut) {
        return singleVmItem("action.ssh", id, withShortcut ? "Shortcut+Shift+S" : null, VmState::isRunning, vm -> {
            VmStats stats = viewModel.stats(vm.key());
            terminals.openSsh(vm, viewModel.node(vm.nodeId()).ref().uri(), stats == null ? List.of() : stats.addresses());
        });
    }

    /** "Open serial console": for one selected VM with a live process. */
    private MenuItem consoleItem(String id, boolean withShortcut) {
        return singleVmItem("action.console", id, withShortcut ? "Shortcut+Shift+O" : null, VmState::isActive, terminals::openConsole);
    }

    /** "Open graphical console": the screen of one selected VM with a live process. */
    private MenuItem graphicsItem(String id, boolean withShortcut) {
        return singleVmItem("action.graphics", id, withShortcut ? "Shortcut+Shift+G" : null, VmState::isActive,
                vm -> terminals.openGraphics(vm, viewModel.node(vm.nodeId()).ref().uri()));
    }

    /** A menu item for exactly one selected VM in a state {@code usable} accepts; {@code shortcut} may be null. */
    private MenuItem singleVmItem(String labelKey, String id, String shortcut, Predicate<VmState> usable,
                                  Consumer<VmSummary> open) {
        MenuItem item = new MenuItem(messages.get(labelKey));
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.disableProperty().bind(Bindings.createBooleanBinding(
                () -> actions.selection().size() != 1 || !usable.test(actions.selection().get(0).state()), actions.selection()));
        item.setOnAction(e -> {
            if (actions.selection().size() == 1) {
                open.accept(actions.selection().get(0));
            }
        });
        return item;
    }

    /** Adds a connection (row null) or edits one; saved connections are written off the FX thread. */
    private void editConnection(NodeRow row) {
        ConnectionDialogViewModel dialog = new ConnectionDialogViewModel(connections.sshKnownHostsFile(), messages);
        if (row != null) {
            dialog.load(row.ref().name(), row.ref().uri(), true);
        }
        ConnectionDialog.show(root.getScene().getWindow(), messages, dialog, row != null).ifPresent(result -> {
            OptionalLong savedId = row == null ? OptionalLong.empty()
                    : SavedConnection.idOf(row.ref());
            CompletableFuture<NodeRef> saved = savedId.isPresent()
                    ? connections.update(savedId.getAsLong(), result.name(), result.uri(), result.autoconnect())
                            .thenApply(v -> new NodeRef(row.ref().id(), result.name(), result.uri()))
                    : connections.add(result.name(), result.uri(), result.autoconnect()).thenApply(c -> c.toNodeRef());
            saved.whenComplete((ref, error) -> fx.post(() -> {
                if (error != null) {
                    new Alert(Alert.AlertType.ERROR, String.valueOf(error.getCause() != null ? error.getCause().getMessage()
                            : error.getMessage())).show();
                    return;
                }
                if (row != null) {
                    viewModel.removeNode(row);   // editing reconnects: the old connection goes, the new one opens
                }
                viewModel.addNodes(List.of(ref));
                NodeRow added = viewModel.node(ref.id());
                watchNodeStatus(added);
                viewModel.connect(added);
            }));
        });
    }

    private void removeConnection(NodeRow row) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle(messages.get("connection.remove.title"));
        confirm.setHeaderText(messages.get("connection.remove.header", row.ref().name()));
        confirm.setContentText(messages.get("connection.remove.text", row.ref().name(), row.ref().uri()));
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            SavedConnection.idOf(row.ref()).ifPresent(connections::remove);
            viewModel.removeNode(row);
        });
    }

    private void watchNodeStatus(NodeRow row) {
        row.statusProperty().addListener((obs, old, now) -> {
            updateNodeButtons();
            table.view().refresh();
            if (now.state() == NodeState.FAILED && now.detail().contains("HOST KEY VERIFICATION FAILED")
                    && !(old.state() == NodeState.FAILED && old.detail().equals(now.detail()))) {
                Alert alert = new Alert(Alert.AlertType.ERROR);
                alert.initOwner(root.getScene().getWindow());
                alert.setTitle(messages.get("ssh.hostkey.changed.title"));
                alert.setHeaderText(messages.get("ssh.hostkey.changed.header", row.ref().name()));
                Label text = new Label(messages.get("connection.hostkey.changed", row.ref().name(), now.detail()));
                text.setId("hostKeyChangedText");
                text.setWrapText(true);
                text.setMaxWidth(560);
                alert.getDialogPane().setContent(text);
                alert.show();
            }
            if (viewModel.scopeProperty().get() == row && now.state() == NodeState.CONNECTED) {
                host.show(row.ref().id(), row.ref().name(), row.vms());   // the host pane asked while the node was still connecting
            }
        });
    }

    /**
     * Shows one VM (--show-vm): its node in the tree, the VM selected and scrolled to in the table,
     * its details below; with {@code openConsole} its serial console in a tab too (--show-console).
     */
    public void showVm(VmSummary vm, boolean openConsole) {
        selectNode(vm.nodeId());
        TableView<VmSummary> view = table.view();
        for (int i = 0; i < view.getItems().size(); i++) {
            if (view.getItems().get(i).key().equals(vm.key())) {
                view.getSelectionModel().clearAndSelect(i);
                view.scrollTo(i);
                break;
            }
        }
        if (openConsole) {
            terminals.openConsole(vm);
        }
    }

    /** Selects a node in the tree, as --connect does for the node it adds. */
    public void selectNode(String nodeId) {
        NodeRow row = viewModel.node(nodeId);
        if (row != null) {
            tree.select(row);
        }
    }

    private Node detailsPane() {
        if (detailsPane == null) {
            detailsPane = new VmDetailsView(details, messages).root();
        }
        return detailsPane;
    }

    private Node hostPane() {
        if (hostPane == null) {
            hostPane = new HostView(host, messages).root();
        }
        return hostPane;
    }

    /** Terminal tabs, for the app's shutdown and for tests. */
    public TerminalTabs terminals() {
        return terminals;
    }

    /** The wizard, on the connected nodes; the selected node first. */
    private void openWizard() {
        List<NodeRef> connected = new ArrayList<>();
        NodeRow selected = viewModel.scopeProperty().get();
        if (selected != null && selected.status().state() == NodeState.CONNECTED) {
            connected.add(selected.ref());
        }
        viewModel.nodes().stream().filter(n -> n.status().state() == NodeState.CONNECTED && n != selected)
                .forEach(n -> connected.add(n.ref()));
        CreateVmWizardViewModel wizard = wizards.apply(connected);
        wizard.setAfterCreation((nodeId, uuid, spec, openConsole) -> {
            if (openConsole) {
                terminals.openConsole(new VmSummary(nodeId, uuid, spec.name(), VmState.RUNNING, spec.vcpus(),
                        spec.memoryBytes()));
            }
        });
        new CreateVmWizard(wizard, messages, root.getScene().getWindow()).show();
    }

    private boolean desktopDark;

    /** Whether the desktop prefers dark, for the theme that follows it. */
    public void setDesktopDark(boolean dark) {
        this.desktopDark = dark;
    }

    private void showPreferences() {
        Map<String, String> nodes = new LinkedHashMap<>();
        viewModel.nodes().forEach(n -> nodes.put(n.ref().id(), n.ref().name()));
        PreferencesDialog.show(root.getScene().getWindow(), preferences, messages, nodes, desktopDark);
    }

    private static String licencesText() {
        try (InputStream in = MainView.class.getResourceAsStream("/org/vireo/ui/licenses.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(messages.get("about.title"));
        alert.setHeaderText(null);
        alert.setContentText(aboutText);
        TextArea licences = new TextArea();
        licences.setId("aboutLicences");
        // Read from the jar off the FX thread; the dialog shows at once and the text follows.
        FxBatchQueue<String> arrived = new FxBatchQueue<>(texts -> licences.setText(texts.get(0)));
        CompletableFuture.supplyAsync(MainView::licencesText).thenAccept(arrived::post);
        licences.setEditable(false);
        licences.setStyle("-fx-font-family: monospace;");
        licences.setPrefRowCount(18);
        licences.setPrefColumnCount(72);
        alert.setResizable(true);
        alert.getDialogPane().setExpandableContent(licences);
        alert.getDialogPane().setExpanded(true);
        alert.show();
    }

    private void onTreeSelection(TreeItem<TreeEntry> item) {
        TreeEntry entry = item == null ? null : item.getValue();
        if (!(entry instanceof TreeEntry.Tag) && !(entry instanceof TreeEntry.Vm && viewModel.groupByTagProperty().get())) {
            viewModel.tagScopeProperty().set(null);
        }
        if (entry instanceof TreeEntry.Tag tag) {
            viewModel.scopeProperty().set(null);
            viewModel.tagScopeProperty().set(tag.tag() == null ? MainViewModel.UNTAGGED : tag.tag());
        } else if (entry instanceof TreeEntry.Node node) {
            viewModel.scopeProperty().set(node.row());
            host.show(node.row().ref().id(), node.row().ref().name(), node.row().vms());
        } else if (entry instanceof TreeEntry.Vm vm) {
            if (!viewModel.groupByTagProperty().get()) {
                viewModel.scopeProperty().set(viewModel.node(vm.vm().nodeId()));
            }
            table.view().getSelectionModel().clearSelection();
            for (var row : table.view().getItems()) {
                if (row.key().equals(vm.vm().key())) {
                    table.view().getSelectionModel().select(row);
                    table.view().scrollTo(row);
                    break;
                }
            }
        } else {
            viewModel.scopeProperty().set(null);
        }
        updateNodeButtons();
        updateDetails(actions.selection());
    }

    private Optional<NodeRow> selectedNode() {
        return Optional.ofNullable(viewModel.scopeProperty().get());
    }

    private void updateNodeButtons() {
        NodeState state = selectedNode().map(n -> n.status().state()).orElse(null);
        connectButton.setDisable(state == null || state == NodeState.CONNECTED || state == NodeState.CONNECTING);
        disconnectButton.setDisable(state != NodeState.CONNECTED);
    }

    public Parent root() {
        return root;
    }

    /** Builds the scene and places the stage where it was last time, if that is still on a screen. */
    public void install(Stage stage, Map<String, String> saved) {
        double width = number(saved, KEY_WIDTH, 1200);
        double height = number(saved, KEY_HEIGHT, 760);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainView.class.getResource("/org/vireo/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(
                    MainView.class.getResource("/org/vireo/icons/vireo-" + size + ".png").toExternalForm(), true));
        }
        if (saved.containsKey(KEY_X) && saved.containsKey(KEY_Y)) {
            double x = number(saved, KEY_X, 0);
            double y = number(saved, KEY_Y, 0);
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(width, 100), 40)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        stage.setMaximized(Boolean.parseBoolean(saved.getOrDefault(KEY_MAXIMIZED, "false")));
        split.setDividerPositions(Math.max(0.1, Math.min(0.8, number(saved, KEY_SPLIT, 0.28))));
        tree.view().getSelectionModel().select(tree.view().getRoot());
        // The table, not the filter field, has focus first: the field keeps showing its prompt.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> table.view().requestFocus());
    }

    /** The geometry to remember, read on the FX thread. */
    public Map<String, String> windowState(Stage stage) {
        Map<String, String> state = new HashMap<>();
        state.put(KEY_MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            state.put(KEY_X, Double.toString(stage.getX()));
            state.put(KEY_Y, Double.toString(stage.getY()));
            state.put(KEY_WIDTH, Double.toString(stage.getWidth()));
            state.put(KEY_HEIGHT, Double.toString(stage.getHeight()));
        }
        state.put(KEY_SPLIT, Double.toString(split.getDividerPositions()[0]));
        return state;
    }

    private static double number(Map<String, String> saved, String key, double fallback) {
        try {
            String value = saved.get(key);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
