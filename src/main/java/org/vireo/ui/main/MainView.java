package org.vireo.ui.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.DemoLabFiles;
import org.vireo.service.create.VmSpec;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.Notices;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.details.PendingInstall;
import org.vireo.ui.details.VmDetailsViewModel;
import org.vireo.ui.host.HostViewModel;
import org.vireo.ui.jobs.JobsViewModel;
import org.vireo.ui.jobs.JobsWindow;
import org.vireo.ui.migrate.EvacuateDialog;
import org.vireo.ui.migrate.Migrations;
import org.vireo.ui.preferences.PreferencesDialog;
import org.vireo.ui.preferences.PreferencesViewModel;
import org.vireo.ui.terminal.TerminalTabs;
import org.vireo.ui.wizard.CreateVmWizard;
import org.vireo.ui.wizard.CreateVmWizardViewModel;

/**
 * The main window: menu bar and tool bar (both built from {@link MainActions}), the node tree and
 * the VM table side by side with the details or host pane below, a status bar.
 */
public final class MainView {

    /** The view models the window shows, built by the app's wiring. */
    public record Models(MainViewModel main, ActionsViewModel actions, ConnectionsViewModel connections, VmDetailsViewModel details,
                         HostViewModel host, PreferencesViewModel preferences,
                         Function<List<NodeRef>, CreateVmWizardViewModel> wizards, DemoLabFiles demoLab, JobsViewModel jobs) {
    }

    private final MainViewModel viewModel;
    private final Models models;
    private JobsWindow jobsWindow;
    private final Messages messages;
    private final String aboutText;
    private final ServiceCalls calls;
    private final NodeTree tree;
    private final VmTable table;
    private final SplitPane split;
    private final SplitPane centre;
    private final BorderPane root = new BorderPane();
    private final VmActionsView actionsView;
    private final TerminalTabs terminals;
    private final MainActions actionTable = new MainActions();
    private final SimpleBooleanProperty connectDisabled = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty disconnectDisabled = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty notConnected = new SimpleBooleanProperty(true);
    private final LowerPane lower;
    /** The desktop's file dialog, unless a window test answers instead (see {@link #setFilePicker}). */
    private FilePicker filePicker = FilePicker.desktop();
    private final FilePicker files = new FilePicker() {
        @Override
        public Optional<Path> open(Window owner, String title) {
            return filePicker.open(owner, title);
        }

        @Override
        public Optional<Path> save(Window owner, String title, String initialName) {
            return filePicker.save(owner, title, initialName);
        }
    };
    private boolean desktopDark;

    /**
     * @param localWork where the window's own slow work runs (a file from the jar, measuring fonts)
     */
    public MainView(Models models, Function<Node, TerminalTabs> terminals, Messages messages, String aboutText, Executor localWork) {
        this.models = models;
        this.viewModel = models.main();
        this.messages = messages;
        this.aboutText = aboutText;
        this.calls = new ServiceCalls(localWork);
        this.tree = new NodeTree(viewModel, messages);
        this.table = new VmTable(viewModel, messages);
        this.actionsView = new VmActionsView(models.actions(), viewModel.allVms(), messages, root);
        centre = new SplitPane(table.view());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setId("centreSplit");
        this.terminals = terminals.apply(centre);
        split = new SplitPane(tree.view(), this.terminals.view());
        split.setId("mainSplit");
        split.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(tree.view(), false);

        jobsWindow = new JobsWindow(models.jobs(), messages);
        ConnectionsView connectionDialogs = new ConnectionsView(models.connections(), messages, this::window);
        defineActions(connectionDialogs);
        MainWindowBars bars = new MainWindowBars(actionTable, viewModel, messages);
        root.setTop(new VBox(bars.menuBar(), bars.toolRow()));
        root.setCenter(split);
        HBox statusBar = bars.statusBar(models.actions(), actionsView);
        // The Jobs window from the status bar too, once there is a job; it says how many run.
        Button jobsButton = new Button();
        jobsButton.setId("jobsButton");
        jobsButton.textProperty().bind(Bindings.createStringBinding(() -> messages.get("jobs.statusBar",
                models.jobs().runningProperty().get()), models.jobs().runningProperty()));
        jobsButton.setOnAction(e -> jobsWindow.toggle(window()));
        jobsButton.visibleProperty().bind(Bindings.isNotEmpty(models.jobs().jobs()));
        jobsButton.managedProperty().bind(jobsButton.visibleProperty());
        statusBar.getChildren().add(jobsButton);
        root.setBottom(statusBar);
        lower = new LowerPane(centre, viewModel, models.details(), models.host(), messages, files);

        tree.view().getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> onTreeSelection(now));
        // A removed node leaves no pane behind.
        viewModel.scopeProperty().addListener((obs, old, now) -> lower.follow(models.actions().selection()));
        viewModel.nodes().forEach(this::watchNodeStatus);   // re-grey the rows of a node that goes on or offline
        viewModel.nodes().addListener((ListChangeListener<NodeRow>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watchNodeStatus);
            }
        });
        updateNodeButtons();

        table.view().setContextMenu(bars.contextMenu());
        new TableSelection(table.view(), viewModel, models.actions(), lower::follow);
        models.details().setSampledHistory(viewModel::sampledHistory);
        viewModel.statsTickProperty().addListener((obs, old, now) -> {
            VmSummary shown = models.details().vmProperty().get();
            VmStats sample = shown == null ? null : viewModel.stats(shown.key());
            if (sample != null) {
                models.details().addSample(sample);
            }
        });
        new VisibleRowsWatcher(table.view(), models.details().vmProperty()::get, viewModel);
        new SelectionInView(table.view());
    }

    /** Every action of the window, once: the menus, the tool bar and the context menu are built from these. */
    private void defineActions(ConnectionsView connectionDialogs) {
        MainActions a = actionTable;
        var selectedTab = terminals.view().getSelectionModel().selectedItemProperty();
        a.add("closeTab", messages.get("menu.file.closeTab"), "Shortcut+W",
                Bindings.createBooleanBinding(() -> selectedTab.get() == null || !selectedTab.get().isClosable(), selectedTab),
                terminals::closeSelected);
        a.add("quit", messages.get("menu.file.quit"), "Shortcut+Q", null, () -> window().fireEvent(new WindowEvent(window(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        a.add("allVms", messages.get("menu.view.allVms"), "Shortcut+0", null,
                () -> tree.view().getSelectionModel().select(tree.view().getRoot()));
        a.add("find", messages.get("menu.view.find"), "Shortcut+F", null, this::focusSearch);
        a.add("preferences", messages.get("menu.view.preferences"), "Shortcut+Comma", null, this::showPreferences);
        a.add("jobs", messages.get("menu.view.jobs"), "Shortcut+J", null, () -> jobsWindow.toggle(window()));
        a.add("new", messages.get("menu.vm.new"), "Shortcut+N", null, this::openWizard);
        actionsView.register(a);
        a.add("ssh", messages.get("action.ssh"), "Shortcut+Shift+S", singleVmDisabled(VmState::isRunning), () -> withOneVm(vm -> {
            VmStats stats = viewModel.stats(vm.key());
            terminals.openSsh(vm, viewModel.node(vm.nodeId()).ref().uri(), stats == null ? List.of() : stats.addresses());
        }));
        // libvirt's test driver has no consoles: not offered for its VMs rather than opened to an error.
        ObservableList<VmSummary> selection = models.actions().selection();
        a.add("console", messages.get("action.console"), "Shortcut+Shift+O", singleVmDisabled(VmState::isActive).or(
                Bindings.createBooleanBinding(() -> selection.size() == 1 && onTestDriver(selection.get(0)), selection)),
                () -> withOneVm(terminals::openConsole));
        a.add("graphics", messages.get("action.graphics"), "Shortcut+Shift+G", singleVmDisabled(VmState::isActive),
                () -> withOneVm(vm -> terminals.openGraphics(vm, viewModel.node(vm.nodeId()).ref().uri())));
        a.add("viewer", messages.get("action.viewer"), "Shortcut+Alt+V", singleVmDisabled(VmState::isActive),
                () -> withOneVm(vm -> terminals.openViewer(vm, viewModel.node(vm.nodeId()).ref().uri())));
        a.add("addConnection", messages.get("menu.node.add"), "Shortcut+Shift+A", null, () -> connectionDialogs.edit(null));
        a.add("editConnection", messages.get("menu.node.edit"), "F2", viewModel.scopeProperty().isNull(),
                () -> selectedNode().ifPresent(connectionDialogs::edit));
        a.add("removeConnection", messages.get("menu.node.remove"), "Shift+Delete", viewModel.scopeProperty().isNull(),
                () -> selectedNode().ifPresent(connectionDialogs::remove));
        a.add("connect", messages.get("menu.node.connect"), "Shortcut+Alt+C", connectDisabled,
                () -> selectedNode().ifPresent(viewModel::connect));
        a.add("disconnect", messages.get("menu.node.disconnect"), "Shortcut+Alt+X", disconnectDisabled,
                () -> selectedNode().ifPresent(viewModel::disconnect));
        a.add("evacuate", messages.get("menu.node.evacuate"), "Shortcut+Alt+E", notConnected,
                () -> selectedNode().ifPresent(n -> new EvacuateDialog(migrations.evacuate(n.ref()), messages).show(window())));
        a.add("maintenance", messages.get("menu.node.maintenance"), "Shortcut+Alt+I", viewModel.scopeProperty().isNull(),
                () -> selectedNode().ifPresent(this::toggleMaintenance));
        a.add("resetDemoLab", messages.get("menu.view.resetDemoLab"), "Shortcut+Alt+R", null, this::resetDemoLab);
        a.add("about", messages.get("menu.help.about"), "F1", null, () -> AboutDialog.show(window(), messages, aboutText, calls));
    }

    private void focusSearch() {
        if (root.lookup("#filterField") instanceof TextField filter) {
            filter.requestFocus();
            filter.selectAll();
        }
    }

    /** Disabled unless exactly one VM is selected and its state is {@code usable}. */
    private BooleanBinding singleVmDisabled(Predicate<VmState> usable) {
        List<VmSummary> selection = models.actions().selection();
        return Bindings.createBooleanBinding(() -> selection.size() != 1 || !usable.test(selection.get(0).state()),
                models.actions().selection());
    }

    private boolean onTestDriver(VmSummary vm) {
        NodeRow node = viewModel.node(vm.nodeId());
        return node != null && LibvirtUri.tryParse(node.ref().uri()).map(uri -> uri.driver().equals("test")).orElse(false);
    }

    private void withOneVm(Consumer<VmSummary> open) {
        if (models.actions().selection().size() == 1) {
            open.accept(models.actions().selection().get(0));
        }
    }

    private void watchNodeStatus(NodeRow row) {
        row.statusProperty().addListener((obs, old, now) -> {
            updateNodeButtons();
            if (viewModel.scopeProperty().get() == row) {
                lower.showHost(row);   // what the host pane says follows the node: its facts, or why it has none
            }
        });
    }

    /**
     * Shows one VM (--show-vm): its node in the tree, the VM selected and scrolled to in the table,
     * its details below; with {@code openConsole} its serial console in a tab too (--show-console).
     */
    public void showVm(VmSummary vm, boolean openConsole) {
        selectNode(vm.nodeId());
        var view = table.view();
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

    /** Terminal tabs, for the app's shutdown and for tests. */
    public TerminalTabs terminals() {
        return terminals;
    }

    /** The wizard, on the connected nodes; the selected node first. */
    private void openWizard() {
        CreateVmWizardViewModel wizard = models.wizards().apply(models.connections().wizardNodes());
        wizard.setAfterCreation(new CreateVmWizardViewModel.AfterCreation() {
            @Override
            public void created(String nodeId, String uuid, VmSpec spec, boolean openConsole) {
                if (openConsole) {
                    terminals.openConsole(new VmSummary(nodeId, uuid, spec.name(), VmState.RUNNING, spec.vcpus(), spec.memoryBytes()));
                }
            }

            @Override
            public void customize(PendingInstall pending, boolean openConsole) {
                VmSpec spec = pending.spec();
                pending.setAfterBegin(() -> {
                    if (openConsole) {
                        terminals.openConsole(new VmSummary(pending.nodeId(), pending.uuid(), spec.name(), VmState.RUNNING,
                                spec.vcpus(), spec.memoryBytes()));
                    }
                });
                models.details().awaitInstallation(pending);
                selectWhenListed(pending.nodeId() + '/' + pending.uuid());
            }
        });
        new CreateVmWizard(wizard, messages, window(), files).show();
    }

    /** Who answers "which file?" from now on: window tests, which cannot drive the desktop's own file dialog. */
    public void setFilePicker(FilePicker picker) {
        this.filePicker = picker;
    }

    /** Whether the desktop prefers dark, for the theme that follows it. */
    public void setDesktopDark(boolean dark) {
        this.desktopDark = dark;
    }

    /**
     * Selects the VM with this key in the table as soon as its node's events list it: checked after each layout pass,
     * because a selection made while the table's own list is still changing is undone by the table.
     */
    private void selectWhenListed(String key) {
        Scene scene = table.view().getScene();
        if (scene == null) {
            return;
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);   // a filter may hide it: not every pulse forever
        Runnable[] check = new Runnable[1];
        Runnable[] scroll = new Runnable[1];
        scroll[0] = () -> {
            // Once the details pane has taken its share of the height, so the row stays in the smaller table.
            scene.removePostLayoutPulseListener(scroll[0]);
            table.view().scrollTo(Math.max(0, table.view().getSelectionModel().getSelectedIndex() - 2));
        };
        check[0] = () -> {
            boolean selected = select(key);
            if (selected || System.nanoTime() > giveUp) {
                scene.removePostLayoutPulseListener(check[0]);
            }
            if (selected) {
                scene.addPostLayoutPulseListener(scroll[0]);
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private boolean select(String key) {
        for (VmSummary row : table.view().getItems()) {
            if (row.key().equals(key)) {
                table.view().getSelectionModel().clearSelection();
                table.view().getSelectionModel().select(row);
                return true;
            }
        }
        return false;
    }

    /** Puts the demo lab back as shipped: its nodes disconnected, their files rewritten, connected again. */
    private void resetDemoLab() {
        List<NodeRow> demo = viewModel.nodes().stream().filter(n -> models.demoLab().isDemoNode(n.ref().uri())).toList();
        if (demo.isEmpty() || !Dialogs.confirm(window(), "resetDemoLabPane", messages.get("demoLab.reset.title"),
                messages.get("demoLab.reset.header"), messages.get("demoLab.reset.text", demo.size()), messages.get("demoLab.reset.ok"))) {
            return;
        }
        demo.forEach(viewModel::disconnect);
        calls.local(() -> {
            try {
                models.demoLab().reset();
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onSuccess(done -> demo.forEach(viewModel::connect))
                .onFailure(reason -> {
                    demo.forEach(viewModel::connect);
                    Dialogs.error(window(), messages.get("demoLab.reset.title"), messages.get("demoLab.reset.failed"), reason);
                }).start();
    }

    private void showPreferences() {
        Map<String, String> nodes = new LinkedHashMap<>();
        viewModel.nodes().forEach(n -> nodes.put(n.ref().id(), n.ref().name()));
        PreferencesDialog.show(window(), models.preferences(), messages, nodes, desktopDark, calls);
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
            table.view().getSelectionModel().clearSelection();   // a node clicked shows its host, not the VM selected before
            lower.showHost(node.row());
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
        lower.follow(models.actions().selection());
    }

    private Migrations migrations;

    /** Where the Evacuate dialog and the maintenance flag come from (set before the window shows). */
    public void setMigrations(Migrations migrations) {
        this.migrations = migrations;
    }

    private void toggleMaintenance(NodeRow node) {
        boolean now = migrations.toggleMaintenance(node.ref());
        Notices.done(window(), messages.get("menu.node.maintenance"),
                messages.get(now ? "maintenance.on" : "maintenance.off", node.ref().name()));
    }

    private Optional<NodeRow> selectedNode() {
        return Optional.ofNullable(viewModel.scopeProperty().get());
    }

    private void updateNodeButtons() {
        NodeState state = selectedNode().map(n -> n.status().state()).orElse(null);
        // Disconnect also stops the retries of a failed or connecting node; Connect tries afresh at once.
        connectDisabled.set(state == null || state == NodeState.CONNECTED);
        disconnectDisabled.set(state == null || state == NodeState.DISCONNECTED);
        notConnected.set(state != NodeState.CONNECTED);
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** Builds the scene and places the stage where it was last time, if that is still on a screen. */
    VmTable vmTable() {
        return table;
    }

    public void install(Stage stage, Map<String, String> saved) {
        WindowGeometry geometry = new WindowGeometry(saved);
        Scene scene = new Scene(root, geometry.width(), geometry.height());
        scene.getStylesheets().add(MainView.class.getResource("/org/vireo/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(MainView.class.getResource("/org/vireo/icons/vireo-" + size + ".png").toExternalForm(), true));
        }
        geometry.restore(stage, split);
        table.restoreColumns(saved);
        tree.view().getSelectionModel().select(tree.view().getRoot());
        // The table, not the filter field, has focus first: the field keeps showing its prompt.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> table.view().requestFocus());
    }

    /** The geometry to remember, read on the FX thread. */
    public Map<String, String> windowState(Stage stage) {
        Map<String, String> state = new LinkedHashMap<>(WindowGeometry.read(stage, split));
        state.putAll(table.columnState());   // column choices, widths and sort order too
        return state;
    }
}
