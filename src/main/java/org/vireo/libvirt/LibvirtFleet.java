package org.vireo.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DhcpHost;
import org.vireo.model.DhcpLease;
import org.vireo.model.DiskSpec;
import org.vireo.model.DisplaySwitch;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.HostDetails;
import org.vireo.model.IsoLabel;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.NetworkSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeFailure;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.OperationException;
import org.vireo.model.PoolSpec;
import org.vireo.model.StorageItem;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.model.Texts;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.model.VmAction;
import org.vireo.model.VmDetails;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.model.VmXml;
import org.vireo.service.CloneService;
import org.vireo.service.ConsoleService;
import org.vireo.service.CredentialPrompts;
import org.vireo.service.DeviceService;
import org.vireo.service.Fleet;
import org.vireo.service.HostService;
import org.vireo.service.InventoryListener;
import org.vireo.service.LongJob;
import org.vireo.service.MigrationService;
import org.vireo.service.NetworkService;
import org.vireo.service.NodeTunnels;
import org.vireo.service.SnapshotService;
import org.vireo.service.StatsService;
import org.vireo.service.StorageService;
import org.vireo.service.TransferService;
import org.vireo.service.VmCreation;
import org.vireo.service.VmService;
import org.vireo.service.VmSettingsService;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.VmSpec;

/**
 * The app's live connections, one {@link NodeConnection} (and worker thread) per node, and the
 * VM operations, each run on the worker of the VM's node.
 */
public final class LibvirtFleet implements Fleet, VmService, StatsService, VmCreation, ConsoleService, HostService,
        SnapshotService, CloneService, DeviceService, VmSettingsService, StorageService, TransferService, NetworkService,
        MigrationService {

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtFleet.class);

    private final LibvirtRuntime runtime;
    private final Map<String, NodeConnection> nodes = new LinkedHashMap<>();

    private final ScheduledExecutorService statsTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stats-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, List<VmSummary>> watched = Map.of();
    private volatile Consumer<Map<String, VmStats>> statsSink = stats -> { };
    private volatile int statsIntervalSeconds = 2;

    private volatile CredentialPrompts prompts;
    private volatile NodeTunnels tunnels;

    /** SSH nodes connect through these tunnels from now on (the window sets them; scripts do without). */
    public void setNodeTunnels(NodeTunnels tunnels) {
        this.tunnels = tunnels;
    }

    /** Who answers libvirt's authentication questions for connections opened from now on. */
    public void setCredentialPrompts(CredentialPrompts prompts) {
        this.prompts = prompts;
    }

    /** The window's first frame is on screen: node reads that waited to leave it a core go ahead together. */
    public void windowShown() {
        NodeConnection.windowShown();
    }

    public LibvirtFleet(LibvirtRuntime runtime) {
        this.runtime = runtime;
        statsTimer.schedule(this::statsTick, statsIntervalSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void watchStats(Collection<VmSummary> vms) {
        Map<String, List<VmSummary>> byNode = new HashMap<>();
        for (VmSummary vm : vms) {
            if (vm.state().isActive()) {
                byNode.computeIfAbsent(vm.nodeId(), n -> new ArrayList<>()).add(vm);
            }
        }
        watched = byNode;
    }

    @Override
    public void setStatsSink(Consumer<Map<String, VmStats>> sink) {
        statsSink = sink;
    }

    @Override
    public void setStatsInterval(int seconds) {
        statsIntervalSeconds = Math.max(1, Math.min(60, seconds));
    }

    /** One bulk sample per node with watched VMs, each on its own worker; then the next tick is planned. */
    private void statsTick() {
        try {
            for (Map.Entry<String, List<VmSummary>> entry : watched.entrySet()) {
                NodeConnection node;
                synchronized (this) {
                    node = nodes.get(entry.getKey());
                }
                if (node != null) {
                    node.sampleStats(entry.getValue()).thenAccept(stats -> {
                        if (!stats.isEmpty()) {
                            statsSink.accept(stats);
                        }
                    }).exceptionally(error -> {
                        LOG.debug("Sampling statistics on {} failed: {}", node.node().name(), error.getMessage());
                        return null;
                    });
                }
            }
        } finally {
            try {
                statsTimer.schedule(this::statsTick, statsIntervalSeconds, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closing) {
                LOG.debug("Statistics stopped: the fleet is closing");
            }
        }
    }

    private final List<Consumer<String>> storageWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> networkWatchers = new CopyOnWriteArrayList<>();

    @Override
    public void watchStorage(Consumer<String> changedNode) {
        storageWatchers.add(changedNode);
    }

    @Override
    public void watchNetworks(Consumer<String> changedNode) {
        networkWatchers.add(changedNode);
    }

    @Override
    public synchronized void connect(NodeRef node, InventoryListener listener) {
        nodes.computeIfAbsent(node.id(), id -> {
            NodeConnection connection = new NodeConnection(node, listener, runtime, prompts, tunnels);
            connection.onStorageChanged(() -> storageWatchers.forEach(watcher -> watcher.accept(node.id())));
            connection.onNetworksChanged(() -> networkWatchers.forEach(watcher -> watcher.accept(node.id())));
            return connection;
        }).open();
    }

    /**
     * For scripts: connects and waits until the node answers (or fails, or {@code timeout}
     * passes); later reports are ignored. Never call it on the FX thread.
     */
    public NodeStatus connectAndWait(NodeRef node, Duration timeout) throws InterruptedException {
        CompletableFuture<NodeStatus> settled = new CompletableFuture<>();
        connect(node, new InventoryListener() {
            @Override
            public void nodeStatusChanged(NodeRef ref, NodeStatus status) {
                if (status.state().isSettled()) {
                    settled.complete(status.state() == NodeState.RECONNECTING ? NodeStatus.failed(status.failure(), status.detail()) : status);
                }
            }

            @Override
            public void vmsReplaced(NodeRef ref, List<VmSummary> vms) {
                // a script asks for what it needs when it needs it
            }

            @Override
            public void vmsChanged(NodeRef ref, List<VmSummary> changed, Collection<String> removed) {
                // likewise
            }
        });
        try {
            return settled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new NodeStatus(NodeState.FAILED, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return NodeStatus.failed(NodeFailure.DAEMON_HUNG, Texts.get("node.noAnswer", String.valueOf(timeout.toSeconds())));
        }
    }

    @Override
    public synchronized void refresh(VmSummary vm) {
        NodeConnection connection = nodes.get(vm.nodeId());
        if (connection != null) {
            connection.markDirty(vm.uuid());
        }
    }

    @Override
    public void remove(NodeRef node) {
        NodeConnection connection;
        synchronized (this) {
            connection = nodes.remove(node.id());
        }
        if (connection != null) {
            // Off the caller's thread: a hung node must not hold up whoever removes it.
            RemovalThreads.run(() -> connection.shutdown(2000));
        }
    }

    @Override
    public synchronized void disconnect(NodeRef node) {
        NodeConnection connection = nodes.get(node.id());
        if (connection != null) {
            connection.disconnect();
        }
    }

    @Override
    public CompletableFuture<Void> perform(VmSummary vm, VmAction action, boolean deleteStorage) {
        return onNodeOf(vm, Texts.get("op.action." + action.id(), vm.name()), conn -> {
            VmOperations.perform(conn, vm, action, deleteStorage);
            if (action == VmAction.AUTOSTART_ON || action == VmAction.AUTOSTART_OFF) {
                refresh(vm);   // libvirt sends no event for autostart: the row is read again
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<List<StorageItem>> storageOf(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.listStorage", vm.name()), conn -> {
            Domain domain = VmOperations.lookup(conn, vm);
            try {
                return VmOperations.storage(conn, domain);
            } finally {
                domain.free();
            }
        });
    }

    private final SeedImage seeds = new SeedImage();

    @Override
    public CompletableFuture<NodeFacts> facts(String nodeId) {
        return onNode(nodeId, Texts.get("op.readCapacity"), NodeFactsReader::read);
    }

    @Override
    public CompletableFuture<Optional<IsoLabel>> isoLabel(String nodeId, String path) {
        String what = Texts.get("op.readLabel", path);
        return onNode(nodeId, what, conn -> conn).thenApplyAsync(conn -> {
            try {
                return IsoLabel.parse(VolumeTransfers.readRange(conn, path, IsoLabel.OFFSET, IsoLabel.LENGTH));
            } catch (LibvirtException e) {
                throw new OperationException(what, LibvirtErrors.message(e));
            }
        }, transferStarter);
    }

    @Override
    public String previewXml(VmSpec spec, NodeFacts facts) {
        return DomainXmlBuilder.domain(spec, facts);
    }

    @Override
    public CompletableFuture<String> create(String nodeId, VmSpec spec, NodeFacts facts, Consumer<CreationStep> progress) {
        return onNode(nodeId, Texts.get("op.create", spec.name()), conn -> VmCreator.create(conn, spec, facts, seeds, progress));
    }

    @Override
    public CompletableFuture<Void> discard(String nodeId, String uuid, VmSpec spec, NodeFacts facts) {
        return onNodeDo(nodeId, Texts.get("op.discard", spec.name()), conn -> VmCreator.discard(conn, uuid, spec, facts));
    }

    @Override
    public CompletableFuture<Void> begin(String nodeId, String uuid) {
        return onNodeDo(nodeId, Texts.get("op.beginInstall"), conn -> {
            Domain domain = conn.domainLookupByUUIDString(uuid);
            try {
                domain.create();
            } finally {
                domain.free();
            }
        });
    }

    private <T> CompletableFuture<T> onNode(String nodeId, String what, NodeConnection.NodeCall<T> call) {
        NodeConnection node;
        synchronized (this) {
            node = nodes.get(nodeId);
        }
        if (node == null) {
            return CompletableFuture.failedFuture(new OperationException(what, Texts.get("node.notConnected")));
        }
        return node.call(what, call);
    }

    /**
     * A test-driver node as it is now, in the driver's node-file format, its CPU and memory kept
     * from {@code nodeFileXml}, the file it was opened from (the demo lab writes it back at close,
     * so a restart shows what was done).
     */
    public CompletableFuture<String> dumpTestNode(String nodeId, String nodeFileXml) {
        return onNode(nodeId, Texts.get("op.saveDemoNode"), conn -> TestNodeDump.dump(conn, nodeFileXml));
    }

    @Override
    public CompletableFuture<HostDetails> hostDetails(String nodeId) {
        return onNode(nodeId, Texts.get("op.readHost"), HostReader::read);
    }

    @Override
    public CompletableFuture<ConsoleSession> openConsole(VmSummary vm) {
        return onNode(vm.nodeId(), Texts.get("op.openConsole", vm.name()), conn -> ConsoleStream.open(conn, vm.uuid(), vm.name()));
    }

    @Override
    public CompletableFuture<GraphicsEndpoint> graphics(VmSummary vm) {
        return onNode(vm.nodeId(), Texts.get("op.openScreen", vm.name()), conn -> GraphicsReader.vnc(conn, vm));
    }

    @Override
    public CompletableFuture<GraphicsEndpoint> viewerDisplay(VmSummary vm) {
        return onNode(vm.nodeId(), Texts.get("op.openViewer", vm.name()), conn -> GraphicsReader.forViewer(conn, vm));
    }

    @Override
    public CompletableFuture<VmDetails> details(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.readDetails", vm.name()), conn -> VmInspector.details(conn, vm));
    }

    @Override
    public CompletableFuture<Void> setOverview(VmSummary vm, String title, String description) {
        return onNodeOf(vm, Texts.get("op.setTitle", vm.name()), conn -> {
            VmInspector.setOverview(conn, vm, title, description);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setAutostart(VmSummary vm, boolean on) {
        return onNodeOf(vm, Texts.get(on ? "op.autostartOn" : "op.autostartOff", vm.name()), conn -> {
            VmInspector.setAutostart(conn, vm, on);
            refresh(vm);
            return null;
        });
    }

    @Override
    public CompletableFuture<VmSettings> settings(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.settings.read", vm.name()), conn -> VmSettingsEditor.read(conn, vm));
    }

    @Override
    public CompletableFuture<String> setBoot(VmSummary vm, VmSettings.Boot boot) {
        String what = Texts.get("op.settings.boot", vm.name());
        return onNodeOf(vm, what, conn -> VmSettingsEditor.change(conn, vm, what, saved -> VmSettingsEditor.setBoot(saved, boot), null,
                VmSettings::bootPending));
    }

    @Override
    public CompletableFuture<String> setCpu(VmSummary vm, VmSettings.Cpu cpu) {
        String what = Texts.get("op.settings.cpu", vm.name());
        return onNodeOf(vm, what, conn -> readAgain(vm, VmSettingsEditor.change(conn, vm, what,
                saved -> VmSettingsEditor.setCpu(saved, cpu), VmSettingsEditor.liveVcpus(cpu.vcpus()), VmSettings::cpuPending)));
    }

    @Override
    public CompletableFuture<String> setMemory(VmSummary vm, VmSettings.Memory memory) {
        String what = Texts.get("op.settings.memory", vm.name());
        return onNodeOf(vm, what, conn -> readAgain(vm, VmSettingsEditor.change(conn, vm, what,
                saved -> VmSettingsEditor.setMemory(saved, memory), VmSettingsEditor.liveMemory(memory.currentBytes()),
                VmSettings::memoryPending)));
    }

    @Override
    public CompletableFuture<List<StoragePoolInfo>> pools(String nodeId) {
        return onNode(nodeId, Texts.get("op.storage.pools"), StoragePools::pools);
    }

    @Override
    public CompletableFuture<List<StorageVolumeInfo>> volumes(String nodeId, String pool) {
        return onNode(nodeId, Texts.get("op.storage.volumes", pool), conn -> StoragePools.volumes(conn, pool));
    }

    /**
     * Long transfers run on threads of their own, not on a node's worker, so the node's events and other calls keep
     * flowing. They are started from this thread, made when the fleet is: a Linux thread inherits its creator's nice
     * value, and one started from a node worker (nice 10) would move the user's upload at background priority.
     */
    private final ThreadPoolExecutor transferStarter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "vireo-transfer-starter");
                thread.setDaemon(true);
                return thread;
            });

    {
        transferStarter.prestartAllCoreThreads();
    }

    private final Executor transfers = body -> transferStarter.execute(() -> {
        Thread thread = new Thread(body, "vireo-transfer");
        thread.setDaemon(true);
        thread.start();
    });

    @Override
    public LongJob upload(String nodeId, String pool, Path file, String volumeName) {
        LongJob job = new LongJob(Texts.get("op.transfer.upload", file.getFileName(), pool));
        transfer(nodeId, job, conn -> VolumeTransfers.upload(conn, pool, file, volumeName, job));
        return job;
    }

    @Override
    public LongJob cloneVolume(String nodeId, String pool, String name, String newName) {
        LongJob job = LongJob.steps(Texts.get("op.storage.cloneVolume", name, newName));
        job.step(0, 0, Texts.get("storage.cloning", name));
        transfer(nodeId, job, conn -> {
            StoragePools.cloneVolume(conn, pool, name, newName);
            return "";
        });
        return job;
    }

    @Override
    public LongJob download(String nodeId, String volumePath, Path file) {
        LongJob job = new LongJob(Texts.get("op.transfer.download", volumePath));
        transfer(nodeId, job, conn -> VolumeTransfers.download(conn, volumePath, file, job));
        return job;
    }

    @Override
    public CompletableFuture<Long> localFileSize(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new OperationException(Texts.get("op.transfer.size", file.getFileName()), e.toString());
            }
        }, transferStarter);
    }

    /** The transfer's body, given the node's connection (libvirt's connections are safe to share across threads). */
    private interface TransferBody {
        String run(VireoConnect conn) throws LibvirtException, IOException;
    }

    private void transfer(String nodeId, LongJob job, TransferBody body) {
        onNode(nodeId, job.title(), conn -> conn).whenComplete((conn, refused) -> {
            if (refused != null) {
                job.result().completeExceptionally(refused instanceof CompletionException ? refused.getCause() : refused);
                return;
            }
            try {
                transfers.execute(() -> {
                    try {
                        job.result().complete(body.run(conn));
                    } catch (OperationException e) {
                        job.result().completeExceptionally(e);
                    } catch (LibvirtException e) {
                        job.result().completeExceptionally(new OperationException(job.title(), LibvirtErrors.message(e)));
                    } catch (IOException | RuntimeException e) {
                        job.result().completeExceptionally(new OperationException(job.title(), String.valueOf(e.getMessage())));
                    }
                });
            } catch (RejectedExecutionException e) {
                job.result().completeExceptionally(new OperationException(job.title(), Texts.get("app.closing")));
            }
        });
    }

    @Override
    public CompletableFuture<List<VirtualNetworkInfo>> networks(String nodeId) {
        return onNode(nodeId, Texts.get("op.network.list"), VirtualNetworks::networks);
    }

    @Override
    public CompletableFuture<HostInterfaces> hostInterfaces(String nodeId) {
        return onNode(nodeId, Texts.get("op.network.interfaces"), conn -> {
            VmDevices.HostInterfaces host = VmDevices.hostInterfaces(conn);
            return new HostInterfaces(host.all(), host.bridges());
        });
    }

    @Override
    public String networkXml(NetworkSpec spec) {
        return VirtualNetworks.networkXml(spec);
    }

    @Override
    public CompletableFuture<Void> createNetwork(String nodeId, NetworkSpec spec) {
        return onNodeDo(nodeId, Texts.get("op.network.create", spec.name()), conn -> VirtualNetworks.create(conn, spec));
    }

    @Override
    public CompletableFuture<Void> startNetwork(String nodeId, String network) {
        return onNetwork(nodeId, network, "op.network.start", Network::create);
    }

    @Override
    public CompletableFuture<Void> stopNetwork(String nodeId, String network) {
        return onNetwork(nodeId, network, "op.network.stop", Network::destroy);
    }

    @Override
    public CompletableFuture<Void> setNetworkAutostart(String nodeId, String network, boolean on) {
        return onNetwork(nodeId, network, "op.network.autostart", n -> n.setAutostart(on));
    }

    @Override
    public CompletableFuture<Void> deleteNetwork(String nodeId, String network) {
        return onNodeDo(nodeId, Texts.get("op.network.delete", network), conn -> VirtualNetworks.delete(conn, network));
    }

    @Override
    public CompletableFuture<List<DhcpLease>> leases(String nodeId, String network) {
        return onNode(nodeId, Texts.get("op.network.leases", network), conn -> VirtualNetworks.leases(conn, network));
    }

    @Override
    public CompletableFuture<Void> addStaticHost(String nodeId, String network, DhcpHost host) {
        return onNodeDo(nodeId, Texts.get("op.network.pin", host.ip(), network), conn -> VirtualNetworks.updateHost(conn, network, host, true));
    }

    @Override
    public CompletableFuture<Void> removeStaticHost(String nodeId, String network, DhcpHost host) {
        return onNodeDo(nodeId, Texts.get("op.network.unpin", host.ip(), network),
                conn -> VirtualNetworks.updateHost(conn, network, host, false));
    }

    private CompletableFuture<Void> onNetwork(String nodeId, String network, String whatKey, VirtualNetworks.NetworkCall call) {
        return onNodeDo(nodeId, Texts.get(whatKey, network), conn -> VirtualNetworks.onNetwork(conn, network, call));
    }

    @Override
    public String poolXml(PoolSpec spec) {
        return StoragePools.poolXml(spec);
    }

    @Override
    public CompletableFuture<Void> createPool(String nodeId, PoolSpec spec) {
        return onNodeDo(nodeId, Texts.get("op.storage.createPool", spec.name()), conn -> StoragePools.create(conn, spec));
    }

    @Override
    public CompletableFuture<Void> startPool(String nodeId, String pool) {
        return onPool(nodeId, pool, "op.storage.startPool", p -> p.create(0));
    }

    @Override
    public CompletableFuture<Void> stopPool(String nodeId, String pool) {
        return onPool(nodeId, pool, "op.storage.stopPool", StoragePool::destroy);
    }

    @Override
    public CompletableFuture<Void> setPoolAutostart(String nodeId, String pool, boolean on) {
        return onPool(nodeId, pool, "op.storage.autostartPool", p -> p.setAutostart(on ? 1 : 0));
    }

    @Override
    public CompletableFuture<Void> refreshPool(String nodeId, String pool) {
        return onPool(nodeId, pool, "op.storage.refreshPool", p -> p.refresh(0));
    }

    /** A call on the node's worker that returns nothing. */
    private interface NodeAction {
        void run(VireoConnect conn) throws LibvirtException;
    }

    private CompletableFuture<Void> onNodeDo(String nodeId, String what, NodeAction action) {
        return onNode(nodeId, what, conn -> {
            action.run(conn);
            return null;
        });
    }

    private CompletableFuture<Void> onPool(String nodeId, String pool, String whatKey, StoragePools.PoolCall call) {
        return onNodeDo(nodeId, Texts.get(whatKey, pool), conn -> StoragePools.onPool(conn, pool, call));
    }

    @Override
    public CompletableFuture<Void> deletePool(String nodeId, String pool, boolean deleteContents) {
        return onNodeDo(nodeId, Texts.get("op.storage.deletePool", pool), conn -> StoragePools.delete(conn, pool, deleteContents));
    }

    @Override
    public CompletableFuture<Void> createVolume(String nodeId, String pool, String name, String format, long capacityBytes,
                                                boolean preallocate, String backingPath) {
        return onNodeDo(nodeId, Texts.get("op.storage.createVolume", name),
                conn -> StoragePools.createVolume(conn, pool, name, format, capacityBytes, preallocate, backingPath));
    }

    @Override
    public CompletableFuture<Void> deleteVolume(String nodeId, String pool, String name) {
        return onNodeDo(nodeId, Texts.get("op.storage.deleteVolume", name), conn -> StoragePools.deleteVolume(conn, pool, name));
    }

    @Override
    public CompletableFuture<Void> resizeVolume(String nodeId, String pool, String name, long capacityBytes, boolean shrink) {
        return onNodeDo(nodeId, Texts.get("op.storage.resizeVolume", name),
                conn -> StoragePools.resizeVolume(conn, pool, name, capacityBytes, shrink));
    }

    @Override
    public CompletableFuture<VmXml> xml(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.xml.read", vm.name()), conn -> VmXmlEditor.read(conn, vm));
    }

    @Override
    public CompletableFuture<String> defineXml(VmSummary vm, String xml) {
        return onNodeOf(vm, Texts.get("op.xml.define", vm.name()), conn -> VmXmlEditor.define(conn, vm, xml));
    }

    /** A live vCPU or balloon change sends no lifecycle event: the row is read again. */
    private <T> T readAgain(VmSummary vm, T result) {
        refresh(vm);
        return result;
    }

    @Override
    public CompletableFuture<Void> rename(VmSummary vm, String newName) {
        return onNodeOf(vm, Texts.get("op.rename", vm.name()), conn -> {
            VmOperations.rename(conn, vm, newName.strip());
            return null;
        });
    }

    @Override
    public CompletableFuture<DeviceChoices> deviceChoices(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.device.choices", vm.name()), conn -> VmDevices.choices(conn, vm));
    }

    @Override
    public CompletableFuture<String> addDisk(VmSummary vm, DiskSpec disk) {
        return onNodeOf(vm, Texts.get("op.device.addDisk", vm.name()), conn -> VmDevices.addDisk(conn, vm, disk));
    }

    @Override
    public CompletableFuture<String> editDisk(VmSummary vm, String target, DiskSpec disk) {
        return onNodeOf(vm, Texts.get("op.device.editDisk", vm.name(), target), conn -> VmDevices.editDisk(conn, vm, target, disk));
    }

    @Override
    public CompletableFuture<String> changeMedia(VmSummary vm, String target, DiskSpec.Source media) {
        return onNodeOf(vm, Texts.get("op.device.media", vm.name(), target), conn -> VmDevices.changeMedia(conn, vm, target, media));
    }

    @Override
    public CompletableFuture<String> addNic(VmSummary vm, NicSpec nic) {
        return onNodeOf(vm, Texts.get("op.device.addNic", vm.name()), conn -> VmDevices.addNic(conn, vm, nic));
    }

    @Override
    public CompletableFuture<String> editNic(VmSummary vm, String mac, NicSpec nic) {
        return onNodeOf(vm, Texts.get("op.device.editNic", vm.name(), mac), conn -> VmDevices.editNic(conn, vm, mac, nic));
    }

    @Override
    public CompletableFuture<DisplaySwitch> planDisplaySwitch(VmSummary vm) {
        return onNodeOf(vm, Texts.get("op.display.switch", vm.name()), conn -> DisplaySwitcher.plan(conn, vm));
    }

    @Override
    public CompletableFuture<String> switchDisplay(VmSummary vm, DisplaySwitch plan) {
        return onNodeOf(vm, Texts.get("op.display.switch", vm.name()), conn -> DisplaySwitcher.apply(conn, vm, plan));
    }

    @Override
    public CompletableFuture<String> switchDisplayBack(VmSummary vm, DisplaySwitch plan, String after) {
        return onNodeOf(vm, Texts.get("op.display.switchBack", vm.name()), conn -> DisplaySwitcher.undo(conn, vm, plan, after));
    }

    @Override
    public CompletableFuture<String> removeDevice(VmSummary vm, VmDevice device, boolean deleteVolume) {
        return onNodeOf(vm, Texts.get("op.device.remove", vm.name(), device.title()),
                conn -> VmDevices.remove(conn, vm, device, deleteVolume));
    }

    @Override
    public CompletableFuture<Void> setTags(VmSummary vm, List<String> tags) {
        return onNodeOf(vm, Texts.get("op.tag", vm.name()), conn -> {
            VmOperations.setTags(conn, vm, tags);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<VmSnapshot>> snapshots(VmSummary vm) {
        return onNode(vm.nodeId(), Texts.get("op.listSnapshots", vm.name()), conn -> VmSnapshots.list(conn, vm));
    }

    @Override
    public CompletableFuture<Void> takeSnapshot(VmSummary vm, String name, String description, boolean withMemory) {
        return onNodeOf(vm, Texts.get("op.takeSnapshot", name, vm.name()), conn -> {
            VmSnapshots.take(conn, vm, name, description, withMemory);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> revertToSnapshot(VmSummary vm, String name) {
        return onNodeOf(vm, Texts.get("op.revertSnapshot", vm.name(), name), conn -> {
            VmSnapshots.revert(conn, vm, name);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> deleteSnapshot(VmSummary vm, String name, boolean withChildren) {
        return onNodeOf(vm, Texts.get("op.deleteSnapshot", name, vm.name()), conn -> {
            VmSnapshots.delete(conn, vm, name, withChildren);
            return null;
        });
    }

    @Override
    public CompletableFuture<String> cloneVm(VmSummary vm, String newName, Map<String, DiskChoice> disks, Consumer<String> progress) {
        return onNode(vm.nodeId(), Texts.get("op.cloneAs", vm.name(), newName),
                conn -> VmCloner.cloneVm(conn, vm, newName, disks, progress));
    }

    private synchronized NodeConnection node(String nodeId) {
        return nodes.get(nodeId);
    }

    private String nodeName(String nodeId) {
        NodeConnection node = node(nodeId);
        return node == null ? nodeId : node.node().name();
    }

    @Override
    public List<CompletableFuture<MigrationCheck>> checkMigrations(VmSummary vm, List<String> destNodeIds) {
        String sourceName = nodeName(vm.nodeId());
        CompletableFuture<VmMigrations.Source> source = onNode(vm.nodeId(), Texts.get("op.migrate.read", vm.name()),
                conn -> VmMigrations.source(conn, vm, sourceName));
        List<CompletableFuture<MigrationCheck>> answers = new ArrayList<>();
        for (String destNodeId : destNodeIds) {
            String destName = nodeName(destNodeId);
            String what = Texts.get("op.migrate.check", vm.name(), destName);
            answers.add(destNodeId.equals(vm.nodeId())
                    ? CompletableFuture.completedFuture(MigrationCheck.unreachable(destNodeId, destName, Texts.get("migrate.problem.self")))
                    : source.thenCompose(facts -> onNode(destNodeId, what, dest -> VmMigrations.check(dest, facts, destNodeId, destName))));
        }
        return answers;
    }

    @Override
    public LongJob migrate(VmSummary vm, String destNodeId, MigrationOptions options) {
        String destName = nodeName(destNodeId);
        LongJob job = LongJob.migration(Texts.get("op.migrate", vm.name(), destName));
        CompletableFuture<VireoConnect> destConn = onNode(destNodeId, job.title(), conn -> conn);
        transfer(vm.nodeId(), job, source -> {
            VireoConnect dest;
            try {
                dest = destConn.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof OperationException refused ? refused : e;
            }
            VmMigrations.Source facts = VmMigrations.source(source, vm, nodeName(vm.nodeId()));
            try {
                return options.live()
                        ? VmMigrations.live(source, dest, facts, destName, options, job)
                        : VmMigrations.offline(source, dest, facts, destName, options, job);
            } finally {
                refresh(vm);
            }
        });
        return job;
    }

    /** Runs a call on the VM's node worker, then has the worker re-read the VM. */
    private <T> CompletableFuture<T> onNodeOf(VmSummary vm, String what, NodeConnection.NodeCall<T> call) {
        NodeConnection node;
        synchronized (this) {
            node = nodes.get(vm.nodeId());
        }
        if (node == null) {
            return CompletableFuture.failedFuture(new OperationException(what, Texts.get("node.notConnected")));
        }
        return node.call(what, conn -> {
            try {
                return call.run(conn);
            } finally {
                node.markDirty(vm.uuid());
            }
        });
    }

    @Override
    public void close() {
        List<NodeConnection> closing;
        synchronized (this) {
            closing = new ArrayList<>(nodes.values());
            nodes.clear();
        }
        statsTimer.shutdownNow();
        transferStarter.shutdownNow();
        // Each worker closes its own connection; a hung node costs at most this wait, once.
        closing.forEach(c -> c.shutdown(2000));
    }
}
