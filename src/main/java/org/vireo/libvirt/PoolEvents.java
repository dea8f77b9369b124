package org.vireo.libvirt;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's storage pool events on one connection (a pool defined, started, stopped, deleted or refreshed),
 * each reported as "the node's storage changed". The callbacks run on libvirt's event loop and only signal; the
 * callback objects are held here so JNA's native stubs outlive the registration. A driver without these events
 * (or a libvirt before 2.0) leaves the Refresh button to do the work.
 */
final class PoolEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PoolEvents.class);

    private final LibvirtNative.PoolLifecycleCallback lifecycle;
    private final LibvirtNative.PoolGenericCallback refresh;
    private final List<Integer> ids = new ArrayList<>();

    private PoolEvents(Runnable changed) {
        this.lifecycle = (conn, pool, event, detail, opaque) -> changed.run();
        this.refresh = (conn, pool, opaque) -> changed.run();
    }

    static PoolEvents register(VireoConnect conn, Runnable changed) {
        PoolEvents events = new PoolEvents(changed);
        Pointer c = conn.nativePointer();
        int lifecycleId = LibvirtNative.INSTANCE.virConnectStoragePoolEventRegisterAny(c, null,
                LibvirtNative.POOL_EVENT_LIFECYCLE, events.lifecycle, null, null);
        int refreshId = LibvirtNative.INSTANCE.virConnectStoragePoolEventRegisterAny(c, null,
                LibvirtNative.POOL_EVENT_REFRESH, events.refresh, null, null);
        for (int id : new int[] {lifecycleId, refreshId}) {
            if (id >= 0) {
                events.ids.add(id);
            } else {
                LOG.debug("No storage pool events here: {}", LastError.take());
            }
        }
        return events;
    }

    void deregister(VireoConnect conn) {
        for (int id : ids) {
            if (LibvirtNative.INSTANCE.virConnectStoragePoolEventDeregisterAny(conn.nativePointer(), id) < 0) {
                LOG.debug("Deregistering a pool event: {}", LastError.take());
            }
        }
        ids.clear();
    }
}
