package org.vireo.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.model.PoolSpec;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;

/**
 * The storage pools and volumes of a node. Each call runs on the node's worker; a refusal completes
 * with an {@code OperationException} in libvirt's words (or Vireo's, where it refuses first: a volume
 * in use, a pool holding one).
 */
public interface StorageService {

    CompletableFuture<List<StoragePoolInfo>> pools(String nodeId);

    /**
     * Tells {@code changedNode} (on a libvirt thread, with the node's id) whenever a pool of a connected node is
     * defined, started, stopped, deleted or refreshed, where the node's driver reports it.
     */
    void watchStorage(Consumer<String> changedNode);

    /** The pool's volumes, each with the VMs that use it; the pool is refreshed from its storage first. */
    CompletableFuture<List<StorageVolumeInfo>> volumes(String nodeId, String pool);

    /** The XML a new pool would be defined with (the dialog's preview); runs here, no libvirt call. */
    String poolXml(PoolSpec spec);

    /**
     * Defines a pool, builds it where asked, starts it and sets its autostart. A pool that does not start is
     * removed again (and what its build made, where libvirt can delete it): nothing half-made is left.
     */
    CompletableFuture<Void> createPool(String nodeId, PoolSpec spec);

    CompletableFuture<Void> startPool(String nodeId, String pool);

    CompletableFuture<Void> stopPool(String nodeId, String pool);

    CompletableFuture<Void> setPoolAutostart(String nodeId, String pool, boolean on);

    CompletableFuture<Void> refreshPool(String nodeId, String pool);

    /**
     * Removes the pool's definition (stopping it first); refused while a VM uses one of its volumes.
     * {@code deleteContents} also deletes its directory or storage (libvirt's pool delete), a separate choice.
     */
    CompletableFuture<Void> deletePool(String nodeId, String pool, boolean deleteContents);

    /** A new volume; {@code backingPath} (may be empty) makes a qcow2 overlay over that volume. */
    CompletableFuture<Void> createVolume(String nodeId, String pool, String name, String format, long capacityBytes,
                                         boolean preallocate, String backingPath);

    /** Deletes a volume; refused while a VM uses it, naming the VM. */
    CompletableFuture<Void> deleteVolume(String nodeId, String pool, String name);

    /** Grows (or, when {@code shrink} was confirmed, shrinks) a volume to {@code capacityBytes}. */
    CompletableFuture<Void> resizeVolume(String nodeId, String pool, String name, long capacityBytes, boolean shrink);
}
