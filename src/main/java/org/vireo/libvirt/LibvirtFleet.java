package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vireo.model.Fleet;
import org.vireo.model.InventoryListener;
import org.vireo.model.NodeRef;

/** The app's live connections, one {@link NodeConnection} (and worker thread) per node. */
public final class LibvirtFleet implements Fleet {

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
