package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vireo.model.OperationException;
import org.vireo.model.StorageItem;
import org.vireo.model.VmAction;
import org.vireo.model.VmService;
import org.vireo.model.VmSummary;
import org.vireo.model.Fleet;
import org.vireo.model.InventoryListener;
import org.vireo.model.NodeRef;

/**
 * The app's live connections, one {@link NodeConnection} (and worker thread) per node, and the
 * VM operations, each run on the worker of the VM's node.
 */
public final class LibvirtFleet implements Fleet, VmService {

    private final LibvirtRuntime runtime;
    private final Map<String, NodeConnection> nodes = new LinkedHashMap<>();

    public LibvirtFleet(LibvirtRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public synchronized void connect(NodeRef node, InventoryListener listener) {
        nodes.computeIfAbsent(node.id(), id -> new NodeConnection(node, listener, runtime)).open();
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
        return onNodeOf(vm, action.id() + " " + vm.name(), conn -> {
            VmOperations.perform(conn, vm, action, deleteStorage);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<StorageItem>> storageOf(VmSummary vm) {
        return onNodeOf(vm, "list the storage of " + vm.name(), conn -> {
            org.libvirt.Domain domain = VmOperations.lookup(conn, vm);
            try {
                return VmOperations.storage(conn, domain);
            } finally {
                domain.free();
            }
        });
    }

    @Override
    public CompletableFuture<Void> setTags(VmSummary vm, List<String> tags) {
        return onNodeOf(vm, "tag " + vm.name(), conn -> {
            VmOperations.setTags(conn, vm, tags);
            return null;
        });
    }

    /** Runs a call on the VM's node worker, then has the worker re-read the VM. */
    private <T> CompletableFuture<T> onNodeOf(VmSummary vm, String what, NodeConnection.NodeCall<T> call) {
        NodeConnection node;
        synchronized (this) {
            node = nodes.get(vm.nodeId());
        }
        if (node == null) {
            return CompletableFuture.failedFuture(new OperationException(what, "The node is not connected."));
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
        // Each worker closes its own connection; a hung node costs at most this wait, once.
        closing.forEach(c -> c.shutdown(2000));
    }
}
