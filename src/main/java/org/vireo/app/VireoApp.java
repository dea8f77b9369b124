package org.vireo.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.app.cli.CliOptions;
import org.vireo.app.cli.VersionProvider;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.Texts;
import org.vireo.osinfo.OsinfoReader;
import org.vireo.service.DemoLabFiles;
import org.vireo.service.create.CryptPasswordHasher;
import org.vireo.service.create.OsCatalogue;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.fleet.LocalTags;
import org.vireo.service.fleet.StoredConnections;
import org.vireo.service.fleet.StoredSettings;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshNodeTunnels;
import org.vireo.terminal.TerminalService;
import org.vireo.ui.clone.CloneVmViewModel;
import org.vireo.ui.common.AfterEachLayout;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.NodeMigrationSettings;
import org.vireo.ui.common.Notices;
import org.vireo.ui.common.SaveFailureNotice;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.common.Theme;
import org.vireo.ui.details.VmDetailsView;
import org.vireo.ui.details.VmDetailsViewModel;
import org.vireo.ui.host.HostViewModel;
import org.vireo.ui.jobs.JobsViewModel;
import org.vireo.ui.login.DialogSshPrompts;
import org.vireo.ui.main.ActionsViewModel;
import org.vireo.ui.main.ConnectionsViewModel;
import org.vireo.ui.main.MainView;
import org.vireo.ui.main.MainViewModel;
import org.vireo.ui.main.NodeRow;
import org.vireo.ui.migrate.Migrations;
import org.vireo.ui.network.NetworksViewModel;
import org.vireo.ui.network.NewNetworkViewModel;
import org.vireo.ui.preferences.PreferencesViewModel;
import org.vireo.ui.storage.StorageViewModel;
import org.vireo.ui.terminal.TerminalTabs;
import org.vireo.ui.wizard.CreateVmWizardViewModel;
import picocli.CommandLine;

/**
 * The JavaFX application and composition root of the window. {@link #init()} runs on the
 * launcher thread and does the blocking set-up (store, demo lab, libvirt); {@link #start}
 * only builds the window and asks the fleet to connect, which happens on node workers.
 */
public final class VireoApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(VireoApp.class);

    private AppPaths paths;
    private CliOptions options;
    private AppContext context;
    private Map<String, String> savedPreferences;
    private Messages messages;
    private LocalTags tags;
    private boolean desktopDark;
    private Set<String> awaitedNodes = Set.of();
    private Set<String> connectLater = Set.of();
    private LibvirtFleet fleet;
    private TerminalService terminalService;
    private MainView view;
    private MainViewModel viewModel;
    private Stage stage;
    private final CountDownLatch shutDown = new CountDownLatch(1);

    /** Used by {@link Application#launch}: options come from the command line. */
    public VireoApp() {
    }

    /** Used by tests: explicit paths and command-line arguments. */
    public VireoApp(AppPaths paths, String... args) {
        this.paths = paths;
        this.options = new CliOptions();
        new CommandLine(options).parseArgs(args);
    }

    @Override
    public void init() {
        LOG.debug("Start-up: init() {} ms after process start", sinceProcessStart());
        if (options == null) {
            paths = AppPaths.fromEnvironment();
            options = new CliOptions();
            new CommandLine(options).parseArgs(getParameters().getRaw().toArray(String[]::new));
        }
        StartupState state = StartupState.take(paths, options.connect);
        context = state.context();
        LOG.debug("Start-up: store, libvirt and connections ready {} ms after process start", sinceProcessStart());
        savedPreferences = state.preferences();
        desktopDark = state.desktopDark();
        messages = new Messages(Locale.getDefault());
        fleet = state.fleet();
        tags = state.tags();
        viewModel = new MainViewModel(tags, fleet, messages);
        viewModel.addNodes(state.nodes());
        // Local nodes have been connecting since the launcher started; their reports reach the
        // view model in batches on the FX thread and are there when the table binds to it.
        state.early().attach(viewModel.inventoryListener());
        connectLater = state.connectLater();
        awaitedNodes = state.nodes().stream().map(NodeRef::id).filter(id -> !state.manual().contains(id))
                .collect(Collectors.toSet());
    }

    @Override
    public void start(Stage primaryStage) {
        LOG.debug("Start-up: JavaFX toolkit up {} ms after process start", sinceProcessStart());
        this.stage = primaryStage;
        StoredSettings settings = new StoredSettings(savedPreferences, context.preferences, context.storeWriter);
        settings.onSaveFailed(new SaveFailureNotice(messages, () -> primaryStage)::failed);
        JobsViewModel jobs = new JobsViewModel(messages);
        jobs.setOnFinished((title, outcome) -> Notices.doneElsewhere(primaryStage, title, outcome));
        ActionsViewModel actions = new ActionsViewModel(tags, settings, vm -> {
            CloneVmViewModel clone = new CloneVmViewModel(fleet, fleet, tags, vm, messages);
            clone.setJobs(jobs);
            return clone;
        });
        // osinfo-db's 800 files are read in the background: the window does not wait for them, a wizard opened before
        // they are in offers the built-in families
        CompletableFuture<OsCatalogue> catalogue = CompletableFuture.supplyAsync(OsinfoReader::system, context.localWork);
        NodeMigrationSettings nodeSettings = new NodeMigrationSettings(settings);
        Migrations migrations = new Migrations(fleet, nodeSettings,
                () -> viewModel.nodes().stream().filter(n -> n.status().state() == NodeState.CONNECTED).map(NodeRow::ref).toList(),
                nodeId -> viewModel.node(nodeId) == null ? List.of() : List.copyOf(viewModel.node(nodeId).vms()), messages, jobs);
        actions.setMigrations(migrations::migrate);
        VmDetailsViewModel details = new VmDetailsViewModel(fleet, fleet, fleet, fleet, messages);
        details.hardware().setNetworkCreation(new NewNetworkViewModel(fleet));
        details.hardware().setConfirmations(() -> settings.getBoolean(PreferencesViewModel.CONFIRM_DEVICE_REMOVE, true),
                () -> settings.getBoolean(PreferencesViewModel.CONFIRM_VOLUME_DELETE, true));
        details.xml().setEditingAllowed(() -> settings.getBoolean(PreferencesViewModel.ALLOW_XML_EDITING, false));
        SpecValidator validator = new SpecValidator(new CryptPasswordHasher());
        DialogSshPrompts dialogs = new DialogSshPrompts(messages, () -> primaryStage);
        fleet.setCredentialPrompts(dialogs);
        SshConnector ssh = context.sshConnector(dialogs);
        // remote-viewer is looked for on $PATH, or where vireo.viewerPath says (a wrapper's directory, say).
        terminalService = new TerminalService(ssh, fleet, System.getProperty("vireo.viewerPath", System.getenv("PATH")));
        // SSH nodes connect over Vireo's own SSH sessions (the ones the terminals use), not libvirt's.
        fleet.setNodeTunnels(new SshNodeTunnels(ssh));
        ConnectionsViewModel connections = new ConnectionsViewModel(viewModel,
                new StoredConnections(context.connections, context.storeWriter, paths.dataDir().resolve("libvirt_known_hosts")), messages);
        connections.setMigrationSettings(nodeSettings);
        HostViewModel host = new HostViewModel(fleet, paths.dataDir().resolve("known_hosts").toString());
        StorageViewModel storage = new StorageViewModel(fleet, messages);
        storage.setTransfers(fleet, jobs);
        host.setStorage(storage);
        host.setNetworks(new NetworksViewModel(fleet, messages));
        MainView.Models models = new MainView.Models(viewModel, actions, connections, details, host,
                new PreferencesViewModel(settings, fleet), connected -> {
                    CreateVmWizardViewModel wizard = new CreateVmWizardViewModel(fleet, validator, connected);
                    wizard.setUploads(fleet, jobs);
                    wizard.setInMaintenance(migrations::inMaintenance);
                    wizard.setCatalogue(catalogue.getNow(OsCatalogue.builtIn()));
                    wizard.setNetworkCreation(new NewNetworkViewModel(fleet));
                    return wizard;
                },
                new DemoLabFiles() {
                    @Override
                    public boolean isDemoNode(String uri) {
                        return DemoLab.fileOf(paths.demoLabDir(), uri).isPresent();
                    }

                    @Override
                    public void reset() throws IOException {
                        DemoLab.reset(paths.demoLabDir());
                    }
                }, jobs);
        LOG.debug("Start-up: view models ready {} ms after process start", sinceProcessStart());
        view = new MainView(models, centre -> new TerminalTabs(centre, messages.get("tab.vms"), terminalService, settings, messages),
                messages, messages.get("about.text", VersionProvider.version(), paths.dataDir(), paths.logFile()), context.localWork);
        LOG.debug("Start-up: window built {} ms after process start", sinceProcessStart());
        view.setMigrations(migrations);
        view.setDesktopDark(desktopDark);
        Theme.apply(Theme.Choice.parse(
                savedPreferences.getOrDefault(PreferencesViewModel.THEME, "desktop")), desktopDark);
        view.install(primaryStage, savedPreferences);
        saveGeometryAsItSettles(primaryStage, settings);
        LOG.debug("Start-up: window installed {} ms after process start", sinceProcessStart());
        // An XML edit not applied is not lost silently: closing the window (or Quit) asks first.
        primaryStage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!VmDetailsView.confirmDiscardXml(primaryStage, details, messages)) {
                e.consume();
                return;
            }
            // Transfers running: quitting cancels them (their partial volumes and files are deleted), so it asks.
            List<String> running = jobs.jobs().stream().filter(j -> j.runningProperty().get()).map(JobsViewModel.Job::title).toList();
            if (!running.isEmpty() && !Dialogs.confirm(primaryStage, "jobsRunningDialog", messages.get("jobs.closeRunning.title"),
                    messages.get("jobs.closeRunning.header", running.size()), messages.get("jobs.closeRunning.text", String.join(", ", running)),
                    messages.get("jobs.closeRunning.ok"))) {
                e.consume();
                return;
            }
            jobs.jobs().forEach(JobsViewModel.Job::cancel);
        });
        // --connect: the node added for this run is the one the window opens on; otherwise the preferred one.
        AppContext.commandLineNodes(options.connect).stream().findFirst().map(NodeRef::id)
                .or(() -> Optional.ofNullable(savedPreferences.get(PreferencesViewModel.DEFAULT_NODE)).filter(id -> !id.isEmpty()))
                .ifPresent(view::selectNode);
        primaryStage.show();
        context.storeProblem.ifPresent(problem -> askAboutTheStore(primaryStage, problem));
        LOG.info("Window shown {} ms after the process started", sinceProcessStart());
        context.localWork.execute(ClassSharing::check);
        AfterEachLayout.afterNext(primaryStage.getScene(), fleet::windowShown);   // once the first frame is drawn
        BenchProbe.attachIfRequested(primaryStage, viewModel.allVms());
        String shown = options.showConsole != null ? options.showConsole : options.showVm;
        if (shown != null) {
            ShowOnStart.watch(viewModel, view, shown, options.showConsole != null, messages, awaitedNodes);
        }
        // Remote nodes may ask for passwords or host keys: they connect once the dialogs have a window.
        viewModel.nodes().stream().filter(n -> connectLater.contains(n.ref().id())).forEach(viewModel::connect);
    }

    /**
     * The window's place and size are saved a second after they stop changing, not only at close: a
     * save that fails is then said while the window is there to say it (and a crash keeps the place).
     */
    private void saveGeometryAsItSettles(Stage owner, StoredSettings settings) {
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> view.windowState(owner).forEach((key, value) -> {
            if (!value.equals(settings.getString(key, null))) {
                settings.putString(key, value);
            }
        }));
        InvalidationListener moved = obs -> settle.playFromStart();
        owner.xProperty().addListener(moved);
        owner.yProperty().addListener(moved);
        owner.widthProperty().addListener(moved);
        owner.heightProperty().addListener(moved);
        owner.maximizedProperty().addListener(moved);
    }

    /**
     * The database could not be used and the window runs on one in memory: says what is wrong and
     * where the file is, and offers a fresh database (the damaged file kept aside) or quitting.
     */
    private void askAboutTheStore(Stage owner, String problem) {
        ButtonType fresh = new ButtonType(Texts.get("store.problem.fresh"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(Texts.get("store.problem.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = Dialogs.alert(owner, Alert.AlertType.ERROR, Texts.get("store.problem.title"), Texts.get("store.problem.header"),
                Texts.get("store.problem.text", paths.database(), problem));
        alert.getDialogPane().setId("storeProblem");
        alert.getButtonTypes().setAll(fresh, quit);
        // Not showAndWait: start() returns at once and the window behind stays live while the user reads.
        alert.resultProperty().addListener((obs, old, chosen) -> {
            if (chosen != fresh) {
                Platform.exit();
                return;
            }
            new ServiceCalls(context.localWork).run(context::startFreshDatabase)
                    .onSuccess(kept -> Notices.done(owner, Texts.get("store.problem.freshTitle"), Texts.get("store.problem.kept", kept)))
                    .onFailure(reason -> Dialogs.error(owner, Texts.get("store.problem.title"), null, reason))
                    .start();
        });
        alert.show();
    }

    /**
     * On Linux the GTK toolkit's main loop iterates GLib's default context, which is also
     * libvirt's: it must drive libvirt's events (see LibvirtRuntime). Headless Monocle and other
     * platforms have no GLib loop, so libvirt gets its own thread there.
     */
    public static LibvirtRuntime.LoopDriver loopDriver() {
        boolean gtk = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && !"monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        return gtk ? LibvirtRuntime.LoopDriver.TOOLKIT_MAIN_LOOP : LibvirtRuntime.LoopDriver.OWN_THREAD;
    }

    static long sinceProcessStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** On the FX thread: reads what must be remembered, then closes everything on a background thread. */
    @Override
    public void stop() {
        Map<String, String> windowState = view != null && stage != null ? view.windowState(stage) : Map.of();
        if (view != null) {
            view.terminals().closeAll();
        }
        Map<String, Path> demoNodes = new LinkedHashMap<>();   // connected demo nodes: their state is written back
        if (viewModel != null && paths != null) {
            for (NodeRow row : viewModel.nodes()) {
                if (row.status().state() == NodeState.CONNECTED) {
                    DemoLab.fileOf(paths.demoLabDir(), row.ref().uri()).ifPresent(file -> demoNodes.put(row.ref().id(), file));
                }
            }
        }
        Thread closer = new Thread(() -> {
            try {
                // The demo lab is saved while its nodes are up; libvirt's connections close before the SSH
                // sessions under them, or a node would see its tunnel go and reconnect (asking for a passphrase).
                saveDemoLab(demoNodes);
                if (fleet != null) {
                    fleet.close();
                }
                if (terminalService != null) {
                    terminalService.close();
                }
                if (!windowState.isEmpty()) {
                    context.preferences.putAll(windowState);
                }
            } catch (RuntimeException e) {
                LOG.warn("Shutting down cleanly failed", e);
            } finally {
                context.close();
                shutDown.countDown();
                LOG.info("Vireo closed");
            }
        }, "vireo-shutdown");
        closer.start();
    }

    /** Writes each connected demo node's state into its file, so the next start shows what was done. */
    private void saveDemoLab(Map<String, Path> demoNodes) {
        demoNodes.forEach((nodeId, file) -> {
            try {
                String dumped = fleet.dumpTestNode(nodeId, Files.readString(file)).get(10, TimeUnit.SECONDS);
                DemoLab.save(file, dumped);
            } catch (IOException | ExecutionException | TimeoutException e) {
                LOG.warn("Could not keep the demo node {} as it is: {}", file, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits until {@link #stop()}'s background work is done (tests restart the app in one JVM). */
    public boolean awaitShutdown(long timeoutMillis) throws InterruptedException {
        return shutDown.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The main window (tests open terminal tabs through it). */
    public MainView view() {
        return view;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }
}
