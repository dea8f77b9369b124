package org.vireo.libvirt;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's storage pool events (a pool defined, started, stopped, deleted or refreshed) and network events
 * (defined, started, stopped, removed) on one connection, each reported as "the node's storage changed" or
 * "its networks changed". The callbacks run on libvirt's event loop and only signal; the callback objects are
 * held here so JNA's native stubs outlive the registration. A driver without these events leaves the
 * Refresh buttons to do the work.
 */
final class HostObjectEvents {

    private static final Logger LOG = LoggerFactory.getLogger(HostObjectEvents.class);

    private final LibvirtNative.LifecycleCallback poolLifecycle;
    private final LibvirtNative.PoolGenericCallback poolRefresh;
    private final LibvirtNative.LifecycleCallback networkLifecycle;
    private final List<Integer> poolIds = new ArrayList<>();
    private final List<Integer> networkIds = new ArrayList<>();

    private HostObjectEvents(Runnable storageChanged, Runnable networksChanged) {
        this.poolLifecycle = (conn, pool, event, detail, opaque) -> storageChanged.run();
        this.poolRefresh = (conn, pool, opaque) -> storageChanged.run();
        this.networkLifecycle = (conn, network, event, detail, opaque) -> networksChanged.run();
    }

    static HostObjectEvents register(VireoConnect conn, Runnable storageChanged, Runnable networksChanged) {
        HostObjectEvents events = new HostObjectEvents(storageChanged, networksChanged);
        Pointer c = conn.nativePointer();
        LibvirtNative lib = LibvirtNative.INSTANCE;
        keep(events.poolIds, lib.virConnectStoragePoolEventRegisterAny(c, null, LibvirtNative.POOL_EVENT_LIFECYCLE, events.poolLifecycle, null, null));
        keep(events.poolIds, lib.virConnectStoragePoolEventRegisterAny(c, null, LibvirtNative.POOL_EVENT_REFRESH, events.poolRefresh, null, null));
        keep(events.networkIds, lib.virConnectNetworkEventRegisterAny(c, null, LibvirtNative.NETWORK_EVENT_LIFECYCLE,
                events.networkLifecycle, null, null));
        return events;
    }

    private static void keep(List<Integer> ids, int id) {
        if (id >= 0) {
            ids.add(id);
        } else {
            LOG.debug("No such events here: {}", LastError.take());
        }
    }

    void deregister(VireoConnect conn) {
        for (int id : poolIds) {
            if (LibvirtNative.INSTANCE.virConnectStoragePoolEventDeregisterAny(conn.nativePointer(), id) < 0) {
                LOG.debug("Deregistering a pool event: {}", LastError.take());
            }
        }
        for (int id : networkIds) {
            if (LibvirtNative.INSTANCE.virConnectNetworkEventDeregisterAny(conn.nativePointer(), id) < 0) {
                LOG.debug("Deregistering a network event: {}", LastError.take());
            }
        }
        poolIds.clear();
        networkIds.clear();
    }
}
