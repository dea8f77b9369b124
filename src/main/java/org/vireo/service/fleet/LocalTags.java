package org.vireo.service.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NodeRef;
import org.vireo.model.OperationException;
import org.vireo.model.StorageItem;
import org.vireo.model.VmAction;
import org.vireo.model.VmDetails;
import org.vireo.model.VmSummary;
import org.vireo.service.Fleet;
import org.vireo.service.ForwardingInventoryListener;
import org.vireo.service.InventoryListener;
import org.vireo.service.VmService;
import org.vireo.store.TagRepository;

/**
 * Tags travel in the domain's own metadata; where libvirt refuses to store them (a read-only
 * connection, a driver without metadata), Vireo keeps them in SQLite by node and UUID and
 * merges them into what the nodes report, so the user sees one set of tags either way.
 */
public final class LocalTags extends ForwardingFleet implements VmService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTags.class);

    private final VmService vms;
    private final TagRepository repository;
    private final Executor storeWriter;
    private final Map<String, List<String>> stored;
    private final Map<String, String> nodeUris = new ConcurrentHashMap<>();

    /** @param stored what {@link TagRepository#findAll()} returned, read before the window opened */
    public LocalTags(Fleet fleet, VmService vms, TagRepository repository, Map<String, List<String>> stored, Executor storeWriter) {
        super(fleet);
        this.vms = vms;
        this.repository = repository;
        this.storeWriter = storeWriter;
        this.stored = new ConcurrentHashMap<>(stored);
    }

    @Override
    public CompletableFuture<Void> setTags(VmSummary vm, List<String> tags) {
        return vms.setTags(vm, tags).handle((ok, error) -> {
            if (error == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            String uri = nodeUris.get(vm.nodeId());
            if (uri == null) {
                return CompletableFuture.<Void>failedFuture(error);
            }
            LOG.info("{} cannot keep tags in its domain XML ({}); keeping them in Vireo's store", vm.name(),
                    error.getCause() instanceof OperationException op ? op.detail() : error.getMessage());
            List<String> clean = List.copyOf(new TreeSet<>(tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
            stored.put(TagRepository.key(uri, vm.uuid()), clean);
            return CompletableFuture.runAsync(() -> repository.replace(uri, vm.uuid(), clean), storeWriter)
                    .thenRun(() -> fleet.refresh(vm));
        }).thenCompose(f -> f);
    }

    private VmSummary withStoredTags(NodeRef node, VmSummary vm) {
        List<String> local = stored.get(TagRepository.key(node.uri(), vm.uuid()));
        if (local == null || local.isEmpty()) {
            return vm;
        }
        TreeSet<String> merged = new TreeSet<>(vm.tags());
        merged.addAll(local);
        return new VmSummary(vm.nodeId(), vm.uuid(), vm.name(), vm.state(), vm.vcpus(), vm.memoryBytes(), vm.persistent(),
                vm.managedSave(), vm.autostart(), new ArrayList<>(merged));
    }

    @Override
    public void connect(NodeRef node, InventoryListener listener) {
        nodeUris.put(node.id(), node.uri());
        fleet.connect(node, new ForwardingInventoryListener(listener) {
            @Override
            public void vmsReplaced(NodeRef ref, List<VmSummary> list) {
                super.vmsReplaced(ref, list.stream().map(vm -> withStoredTags(ref, vm)).toList());
            }

            @Override
            public void vmsChanged(NodeRef ref, List<VmSummary> changed, Collection<String> removedUuids) {
                super.vmsChanged(ref, changed.stream().map(vm -> withStoredTags(ref, vm)).toList(), removedUuids);
            }
        });
    }

    @Override
    public CompletableFuture<Void> perform(VmSummary vm, VmAction action, boolean deleteStorage) {
        return vms.perform(vm, action, deleteStorage);
    }

    @Override
    public CompletableFuture<List<StorageItem>> storageOf(VmSummary vm) {
        return vms.storageOf(vm);
    }

    @Override
    public CompletableFuture<VmDetails> details(VmSummary vm) {
        return vms.details(vm);
    }

    @Override
    public CompletableFuture<Void> setOverview(VmSummary vm, String title, String description) {
        return vms.setOverview(vm, title, description);
    }

    @Override
    public CompletableFuture<Void> setAutostart(VmSummary vm, boolean on) {
        return vms.setAutostart(vm, on);
    }

    @Override
    public CompletableFuture<Void> rename(VmSummary vm, String newName) {
        return vms.rename(vm, newName);
    }
}
