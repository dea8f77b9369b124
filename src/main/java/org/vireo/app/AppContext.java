package org.vireo.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeRef;
import org.vireo.model.SavedConnection;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshPrompts;
import org.vireo.store.ConnectionRepository;
import org.vireo.store.Database;
import org.vireo.store.PreferenceRepository;
import org.vireo.store.StoreException;

/**
 * The services every mode of Vireo needs (window or headless): the store and libvirt. Opened
 * off the FX thread, before the window exists.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final String DEMO_SEEDED = "demo.seeded";
    static final String COMMAND_LINE_NODE_PREFIX = "cli-";

    final AppPaths paths;
    final Database database;
    final ConnectionRepository connections;
    final PreferenceRepository preferences;
    public final LibvirtRuntime libvirt;
    /** Every store write from the UI side runs here, in order, never on the FX thread. */
    final ExecutorService storeWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-writer");
        t.setDaemon(true);
        return t;
    });

    /** The window's own slow work (a file from the jar, measuring fonts): never the FX thread, never the common pool. */
    final ExecutorService localWork = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-work");
        t.setDaemon(true);
        return t;
    });

    /** Why the database file could not be used this run (the store is then kept in memory), or empty. */
    public final Optional<String> storeProblem;

    private AppContext(AppPaths paths, LibvirtRuntime.LoopDriver loopDriver) {
        this.paths = paths;
        Database opened;
        Optional<String> problem = Optional.empty();
        try {
            opened = Database.open(paths.database());
        } catch (StoreException e) {
            // Damaged, newer, locked, read-only, disk full: the app still starts, and says so (window or command line).
            problem = Optional.of(FailureWords.of(e));
            LOG.warn("Cannot use the database {}: {}; working in memory this run", paths.database(), problem.get());
            opened = Database.inMemory(paths.database());
        }
        this.database = opened;
        this.storeProblem = problem;
        this.connections = new ConnectionRepository(database);
        this.preferences = new PreferenceRepository(database);
        this.libvirt = LibvirtRuntime.start(loopDriver);
    }

    /** Moves the damaged database aside and goes on with a fresh file; returns where the damaged one is kept. On the store's thread. */
    public CompletableFuture<Path> startFreshDatabase() {
        return CompletableFuture.supplyAsync(database::replaceWithFresh, storeWriter);
    }

    /** For scripts: no toolkit runs, so libvirt's events get a thread of their own. */
    public static AppContext open(AppPaths paths) {
        return new AppContext(paths, LibvirtRuntime.LoopDriver.OWN_THREAD);
    }

    static AppContext open(AppPaths paths, LibvirtRuntime.LoopDriver loopDriver) {
        return new AppContext(paths, loopDriver);
    }

    /**
     * The saved connections. The demo lab's files are refreshed on every start; on the very
     * first start its nodes are also saved as connections, which the user may later remove.
     */
    public List<SavedConnection> savedConnections() {
        List<String[]> demo = DemoLab.install(paths.demoLabDir());
        if (preferences.get(DEMO_SEEDED).isEmpty()) {
            for (String[] node : demo) {
                connections.add(node[0], node[1], true);
            }
            preferences.put(DEMO_SEEDED, "true");
            LOG.info("First start: saved the {} demo lab nodes as connections", demo.size());
        }
        return connections.findAll();
    }

    /** Nodes named on the command line, for this run only. */
    /**
     * The user's SSH client, as the window and the command line both use it: keys from ~/.ssh, the agent of
     * SSH_AUTH_SOCK, host keys from ~/.ssh/known_hosts and Vireo's own file; {@code prompts} ask the rest.
     */
    public SshConnector sshConnector(SshPrompts prompts) {
        String agent = System.getenv("SSH_AUTH_SOCK");
        return new SshConnector(Path.of(System.getProperty("user.home"), ".ssh"), paths.dataDir().resolve("known_hosts"),
                agent == null || agent.isBlank() ? Optional.empty() : Optional.of(Path.of(agent)), prompts);
    }

    public static List<NodeRef> commandLineNodes(List<String> uris) {
        List<NodeRef> nodes = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            nodes.add(new NodeRef(COMMAND_LINE_NODE_PREFIX + (i + 1), displayNameFor(uris.get(i)), uris.get(i)));
        }
        return nodes;
    }

    /** A short name for a URI: its host, or for a test-driver node file the file's base name. */
    static String displayNameFor(String uri) {
        return LibvirtUri.tryParse(uri).map(LibvirtUri::displayName).orElse(uri);
    }

    @Override
    public void close() {
        localWork.shutdownNow();
        storeWriter.shutdown();
        try {
            if (!storeWriter.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Pending preference writes did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
