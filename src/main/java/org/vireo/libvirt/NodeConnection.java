package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeFailure;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.CredentialPrompts;
import org.vireo.service.InventoryListener;
import org.vireo.service.NodeTunnels;

/**
 * One libvirt connection with its own worker thread: every libvirt call for this node runs
 * there, so a slow or hung node stalls nobody else. Lifecycle events arrive on libvirt's event
 * thread and only mark domains dirty; the worker re-reads them in one batch, which coalesces
 * an event storm into a few updates.
 */
final class NodeConnection {

    /** At most as many nodes read at once as there are cores until the window is up (see {@link CpuGate}). */
    private static final CpuGate LOCAL_READS = new CpuGate(Runtime.getRuntime().availableProcessors());

    /** The window is on screen: nodes read all at once from now on. */
    static void windowShown() {
        LOCAL_READS.open();
    }

    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);

    private final NodeRef node;
    private final CredentialPrompts prompts;
    private final NodeTunnels tunnels;
    /** The URI libvirt was opened with: the node's own, or a local one on an SSH tunnel. */
    private volatile String openedUri = "";
    private final InventoryListener listener;
    private final boolean events;
    private final ExecutorService worker;
    private final LifecycleListener lifecycle = this::onLifecycleEvent;

    private final Object dirtyLock = new Object();
    private Set<String> dirtyUuids = new HashSet<>();
    /** Domains only paused or resumed since the last flush: their state is all that changed. */
    private Set<String> stateOnlyUuids = new HashSet<>();
    /** Touched only on the worker: the domains as last reported, for state-only updates in a storm. */
    private final Map<String, VmSummary> reported = new HashMap<>();
    private boolean flushQueued;

    /** One timer for every node's reconnect attempts; the attempts themselves run on each node's worker. */
    private static final ScheduledExecutorService RECONNECTS =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "node-reconnect");
                t.setDaemon(true);
                return t;
            });
    // Keepalive: a dead or hung daemon is noticed after about interval × (count + 1) = 4 s.
    private static final int KEEPALIVE_INTERVAL_SECONDS = 1;
    private static final int KEEPALIVE_COUNT = 3;

    /** The user wants this node connected: a lost connection is retried until they say otherwise. */
    private volatile boolean wanted;
    /** Touched only on the worker: tries that failed since the loss, and whether a retry is planned. */
    private int attempts;
    private boolean retrying;
    private long attemptStarted;
    private ScheduledFuture<?> pendingReconnect;

    /** A retry starts this long after the previous one started (a try that took longer is followed at once, nearly). */
    static final long RETRY_INTERVAL_MS = 1_000;
    private static final long RETRY_PAUSE_MIN_MS = 200;
    /** The TCP probe's timeout: longer on a user's try (a slow first contact), short on retries (see TransportProbe). */
    private static final int PROBE_TIMEOUT_FIRST_MS = 5_000;
    private static final int PROBE_TIMEOUT_RETRY_MS = 1_500;

    /** Touched only on the worker. */
    private VireoConnect conn;
    private HostObjectEvents hostEvents;
    /** Told (on libvirt's event loop) when a pool of the node changed; the storage view reads again. */
    private Runnable storageChanged = () -> { };
    /** The same for its virtual networks. */
    private Runnable networksChanged = () -> { };
    private final StatsSampler stats = new StatsSampler();
    private final AtomicBoolean sampling = new AtomicBoolean();

    NodeConnection(NodeRef node, InventoryListener listener, LibvirtRuntime runtime) {
        this(node, listener, runtime, null);
    }

    /** @param prompts who answers libvirt's authentication questions; null for none (scripts) */
    NodeConnection(NodeRef node, InventoryListener listener, LibvirtRuntime runtime, CredentialPrompts prompts) {
        this(node, listener, runtime, prompts, null);
    }

    /** @param tunnels carries SSH nodes over Vireo's own SSH sessions; null for libvirt's own transports */
    NodeConnection(NodeRef node, InventoryListener listener, LibvirtRuntime runtime, CredentialPrompts prompts,
                   NodeTunnels tunnels) {
        this.tunnels = tunnels;
        this.prompts = prompts;
        this.node = node;
        this.listener = listener;
        this.events = runtime.eventsRunning();
        this.worker = Executors.newSingleThreadExecutor(r -> BackgroundPriority.newThread(r, "node-" + node.name()));
    }

    /** The last state reported; read by callers on other threads to refuse work at once when not connected. */
    private volatile NodeState state = NodeState.DISCONNECTED;

    private void report(NodeStatus status) {
        state = status.state();
        listener.nodeStatusChanged(node, status);
    }

    NodeRef node() {
        return node;
    }

    /** The user's connect: a fresh try at once, even while retries are planned. */
    void open() {
        wanted = true;
        worker.execute(() -> {
            attempts = 0;
            retrying = false;
            cancelReconnect();
            doOpen();
        });
    }

    /** The user's disconnect: no automatic reconnect follows. */
    void disconnect() {
        wanted = false;
        worker.execute(() -> {
            cancelReconnect();
            retrying = false;
            closeQuietly();
            report(NodeStatus.of(NodeState.DISCONNECTED));
        });
    }

    /**
     * How long after a try ended the next one starts: one {@link #RETRY_INTERVAL_MS} after the
     * previous one started, however long the outage (a daemon back after ten minutes is found within
     * about a second). A failed try costs one TCP connect on the node's own worker; its log line is
     * written once per outage (see doOpen).
     */
    static long retryPauseMillis(long triedForMillis) {
        return Math.max(RETRY_PAUSE_MIN_MS, RETRY_INTERVAL_MS - triedForMillis);
    }

    /** On the worker: plans the next try while the user still wants the node; false when none follows. */
    private boolean scheduleReconnect(long pauseMillis) {
        if (!wanted || worker.isShutdown()) {
            return false;
        }
        cancelReconnect();
        retrying = true;
        pendingReconnect = RECONNECTS.schedule(() -> {
            try {
                worker.execute(this::doOpen);
            } catch (RejectedExecutionException e) {
                LOG.debug("Reconnect of {} after shutdown dropped", node.name());
            }
        }, pauseMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    private void cancelReconnect() {
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
            pendingReconnect = null;
        }
    }

    /** Closes the connection and stops the worker, waiting at most {@code timeoutMillis}. */
    void shutdown(long timeoutMillis) {
        wanted = false;
        worker.execute(() -> {
            cancelReconnect();
            closeQuietly();
        });
        worker.shutdown();
        try {
            if (!worker.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Node {} did not close within {} ms", node.name(), timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Samples statistics of these VMs on the worker. Skipped (completes with nothing) while an
     * earlier sample is still running, so a slow node never piles up work.
     */
    CompletableFuture<Map<String, VmStats>> sampleStats(List<VmSummary> vms) {
        if (!sampling.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return call(Texts.get("op.sampleStats"), c -> stats.sample(conn, vms))
                .whenComplete((result, error) -> sampling.set(false));
    }

    /** Work for this node's worker, given the live connection. */
    @FunctionalInterface
    interface NodeCall<T> {
        T run(VireoConnect conn) throws LibvirtException;
    }

    /**
     * Runs {@code call} on this node's worker. A libvirt failure completes the future with an
     * {@link OperationException} carrying libvirt's message; {@code what} names the operation.
     */
    <T> CompletableFuture<T> call(String what, NodeCall<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (state != NodeState.CONNECTED) {
            // Never queued to run when the node comes back, minutes later and unasked: refused now.
            result.completeExceptionally(new OperationException(Texts.get("op.notConnectedTo", what, node.name()),
                    Texts.get("node.notConnectedNamed", node.name())));
            return result;
        }
        try {
            worker.execute(() -> {
                if (conn == null) {
                    result.completeExceptionally(new OperationException(Texts.get("op.notConnectedTo", what, node.name()),
                            Texts.get("node.notConnected")));
                    return;
                }
                try {
                    result.complete(call.run(conn));
                } catch (LibvirtException e) {
                    LOG.info("{} failed on {}: {}", what, node.name(), LibvirtErrors.message(e));
                    result.completeExceptionally(new OperationException(what, LibvirtErrors.message(e)));
                } catch (OperationException e) {
                    LOG.info("{} failed on {}: {}", what, node.name(), e.detail());
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    LOG.error("{} failed on {}", what, node.name(), e);
                    result.completeExceptionally(new OperationException(what, String.valueOf(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new OperationException(what, Texts.get("app.closing")));
        }
        return result;
    }

    /** Re-reads a domain soon, on the worker: after our own operations, and for changes libvirt sends no event for. */
    void markDirty(String uuid) {
        markDirty(uuid, false);
    }

    private void markDirty(String uuid, boolean stateOnly) {
        boolean queue;
        synchronized (dirtyLock) {
            (stateOnly ? stateOnlyUuids : dirtyUuids).add(uuid);
            queue = !flushQueued;
            flushQueued = true;
        }
        if (queue) {
            try {
                worker.execute(this::flushDirty);
            } catch (RejectedExecutionException e) {
                LOG.debug("Refresh for {} after shutdown ignored", node.name());
            }
        }
    }

    private void doOpen() {
        if (conn != null || !wanted) {
            return;
        }
        if (!retrying) {
            report(NodeStatus.of(NodeState.CONNECTING));   // retries stay calmly "reconnecting"
        }
        attemptStarted = System.nanoTime();
        long started = attemptStarted;
        try {
            String uri = node.uri();
            if (tunnels != null) {
                try {
                    uri = tunnels.localUri(node).orElse(uri);
                } catch (OperationException e) {
                    failed(e.failure(), e.detail());
                    return;
                }
            }
            Optional<String> unreachable = TransportProbe.problem(uri, retrying ? PROBE_TIMEOUT_RETRY_MS : PROBE_TIMEOUT_FIRST_MS);
            if (unreachable.isPresent()) {
                failed(NodeFailure.UNREACHABLE, unreachable.get());
                return;
            }
            openedUri = uri;
            PromptingAuth auth = prompts == null ? null : new PromptingAuth(node.name(), uri, prompts);
            // Opening a test-driver node parses its whole file and a listing decodes every domain: CPU, here. Twenty nodes
            // doing it at once starved the FX thread building the window (3.2 s to the first frame, bench/run 20 × 1000).
            String opening = uri;
            try {
                conn = LOCAL_READS.read(opening, () -> auth == null ? new VireoConnect(opening) : new VireoConnect(opening, auth));
            } finally {
                if (auth != null) {
                    auth.forgetKeysAcceptedOnce();
                }
            }
            // Callbacks belong to one connection: a reconnect registers them again.
            if (events) {
                conn.addLifecycleListener(lifecycle);
                hostEvents = HostObjectEvents.register(conn, storageChanged, networksChanged);
                registerCloseListener();
                enableKeepAlive();
            }
            VireoConnect opened = conn;
            List<VmSummary> vms = LOCAL_READS.read(opening, () -> DomainReader.readAll(node.id(), opened));
            reported.clear();
            vms.forEach(vm -> reported.put(vm.uuid(), vm));
            listener.vmsReplaced(node, vms);
            if (attempts > 0) {
                LOG.info("{} is back after {} failed tries", node.name(), attempts);
            }
            attempts = 0;
            retrying = false;
            report(NodeStatus.of(NodeState.CONNECTED));
            LOG.info("Connected to {} ({}): {} VMs in {} ms", node.name(), node.uri(), vms.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (LibvirtException e) {
            closeQuietly();
            failed(LibvirtErrors.failure(e), LibvirtErrors.message(e));
        }
    }

    /**
     * On the worker: a try failed. A remote daemon may come back, so a passing fault is retried and
     * the node is "reconnecting"; a local node file, a refused host key or login fail for good.
     */
    private void failed(NodeFailure failure, String reason) {
        if (attempts == 0) {
            LOG.warn("Could not connect to {} ({}): {}", node.name(), node.uri(), reason);
        } else {
            LOG.debug("Still no connection to {} (try {}): {}", node.name(), attempts + 1, reason);   // one WARN per outage
        }
        boolean daemonMayComeBack = LibvirtUri.tryParse(node.uri()).map(LibvirtUri::canReconnect).orElse(false);
        long triedFor = (System.nanoTime() - attemptStarted) / 1_000_000;
        if (daemonMayComeBack && failure.mayPassByItself() && scheduleReconnect(retryPauseMillis(triedFor))) {
            attempts++;
            report(NodeStatus.reconnecting(attempts, failure, reason));
        } else {
            retrying = false;
            report(NodeStatus.failed(failure, reason));
        }
    }

    private void enableKeepAlive() {
        if (LibvirtUri.tryParse(openedUri).map(LibvirtUri::usesLibssh).orElse(false)) {
            // libvirt 9.0's libssh transport with client keepalive crashes the process (g_main_loop_quit on
            // a freed client loop) on the call after a large reply, such as a domain's XML: reproduced
            // with plain libvirt-java. Such nodes go without: a dropped session is still noticed (EOF).
            LOG.info("No keepalive for {}: libvirt's libssh transport crashes with it", node.name());
            return;
        }
        try {
            conn.setKeepAlive(KEEPALIVE_INTERVAL_SECONDS, KEEPALIVE_COUNT);
        } catch (LibvirtException e) {
            // In-process drivers have no transport to keep alive.
            LOG.debug("No keepalive for {}: {}", node.uri(), LibvirtErrors.message(e));
        }
    }

    private void registerCloseListener() {
        try {
            conn.registerCloseListener(this::onConnectionClosed);
        } catch (LibvirtException e) {
            // In-process drivers (test:///) have no transport that could close under us.
            LOG.debug("No close callback for {}: {}", node.uri(), LibvirtErrors.message(e));
        }
    }

    /** On libvirt's event thread: only enqueue. */
    private void onConnectionClosed(Connect closed, ConnectionCloseReason reason) {
        worker.execute(() -> {
            if (conn == null) {
                return;
            }
            LOG.warn("Connection to {} closed: {}", node.name(), reason);
            closeQuietly();
            String why = switch (reason) {
                case KEEPALIVE -> Texts.get("node.closed.keepalive");
                case EOF -> Texts.get("node.closed.eof");
                case ERROR -> Texts.get("node.closed.error");
                default -> reason.name().toLowerCase(Locale.ROOT);
            };
            attempts = 0;
            if (scheduleReconnect(RETRY_PAUSE_MIN_MS)) {   // a restarted daemon may be back already
                report(NodeStatus.reconnecting(0, reason == ConnectionCloseReason.KEEPALIVE ? NodeFailure.DAEMON_HUNG
                        : NodeFailure.UNREACHABLE, why));
            } else {
                report(new NodeStatus(NodeState.DISCONNECTED, why));
            }
        });
    }

    /** On libvirt's event thread: only mark the domain dirty and make sure one flush is queued. */
    private int onLifecycleEvent(Domain domain, DomainEvent event) {
        String uuid;
        try {
            uuid = domain.getUUIDString();
        } catch (LibvirtException e) {
            LOG.debug("Event without a readable UUID on {}: {}", node.name(), event);
            return 0;
        }
        DomainEventType type = event.getType();
        markDirty(uuid, type == DomainEventType.SUSPENDED || type == DomainEventType.RESUMED);
        return 0;
    }

    /** Above this many changed domains in one flush, the node is listed whole instead. */
    private static final int BULK_REREAD = 256;

    /** Above this many paused or resumed domains in one flush, all states are read in one call. */
    private static final int STATE_BULK = 32;

    private void flushDirty() {
        Set<String> batch;
        Set<String> stateOnly;
        synchronized (dirtyLock) {
            batch = dirtyUuids;
            stateOnly = stateOnlyUuids;
            dirtyUuids = new HashSet<>();
            stateOnlyUuids = new HashSet<>();
            flushQueued = false;
        }
        if (conn == null) {
            return;
        }
        stateOnly.removeAll(batch);
        List<VmSummary> changed = new ArrayList<>(batch.size() + stateOnly.size());
        if (stateOnly.size() > STATE_BULK) {
            readStates(stateOnly, changed, batch);
        } else {
            batch.addAll(stateOnly);
        }
        List<String> removed = new ArrayList<>();
        changed.addAll(readDomains(batch, removed));
        changed.forEach(vm -> reported.put(vm.uuid(), vm));
        removed.forEach(reported::remove);
        if (!changed.isEmpty() || !removed.isEmpty()) {
            listener.vmsChanged(node, changed, removed);
        }
    }

    /**
     * An event storm of pauses and resumes: every domain's state in one call, applied to the domains as
     * last reported (five calls a domain otherwise). Those it cannot place go to {@code readFully}.
     */
    private void readStates(Set<String> uuids, List<VmSummary> changed, Set<String> readFully) {
        Map<String, Integer> states;
        try {
            states = BulkStats.states(conn);
        } catch (BulkStats.StatsUnavailableException e) {
            readFully.addAll(uuids);
            return;
        }
        for (String uuid : uuids) {
            VmSummary known = reported.get(uuid);
            Integer state = states.get(uuid);
            if (known == null || state == null) {
                readFully.add(uuid);
            } else {
                changed.add(known.withState(VmState.fromLibvirtCode(state)));
            }
        }
    }

    /** The domains of {@code batch} read afresh; those that no longer exist are added to {@code gone}. */
    private List<VmSummary> readDomains(Set<String> batch, List<String> gone) {
        List<VmSummary> changed = new ArrayList<>(batch.size());
        if (batch.size() > BULK_REREAD) {
            // An event storm: one listing of the node costs two calls a domain, a lookup and read of each five.
            try {
                Set<String> missing = new HashSet<>(batch);
                for (VmSummary vm : DomainReader.readAll(node.id(), conn)) {
                    if (missing.remove(vm.uuid())) {
                        changed.add(vm);
                    }
                }
                gone.addAll(missing);
                return changed;
            } catch (LibvirtException e) {
                LOG.warn("Could not list the domains of {}: {}", node.name(), LibvirtErrors.message(e));
                changed.clear();
            }
        }
        for (String uuid : batch) {
            Domain domain = null;
            try {
                domain = conn.domainLookupByUUIDString(uuid);
                changed.add(DomainReader.read(node.id(), domain));
            } catch (LibvirtException e) {
                if (DomainReader.isNoSuchDomain(e)) {
                    gone.add(uuid);   // undefined, or a transient domain that stopped
                } else {
                    LOG.warn("Could not re-read domain {} on {}: {}", uuid, node.name(), LibvirtErrors.message(e));
                }
            } finally {
                freeQuietly(domain);
            }
        }
        return changed;
    }

    void onStorageChanged(Runnable changed) {
        this.storageChanged = changed;
    }

    void onNetworksChanged(Runnable changed) {
        this.networksChanged = changed;
    }

    private void closeQuietly() {
        if (conn == null) {
            return;
        }
        VireoConnect closing = conn;
        conn = null;
        reported.clear();
        // Each registered callback holds a reference to the connection: one left behind keeps its socket open.
        // First, and on its own: removing the lifecycle listener throws on a connection that died.
        if (hostEvents != null) {
            hostEvents.deregister(closing);
            hostEvents = null;
        }
        try {
            if (events) {
                closing.removeLifecycleListener(lifecycle);
                closing.unregisterCloseListener();
            }
        } catch (LibvirtException e) {
            LOG.debug("Unregistering callbacks on {}: {}", node.name(), LibvirtErrors.message(e));
        }
        try {
            closing.close();
        } catch (LibvirtException e) {
            LOG.debug("Closing {}: {}", node.name(), LibvirtErrors.message(e));
        }
    }

    private static void freeQuietly(Domain domain) {
        if (domain == null) {
            return;
        }
        try {
            domain.free();
        } catch (LibvirtException e) {
            LOG.debug("Freeing a domain handle failed", e);
        }
    }
}
