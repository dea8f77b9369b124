package org.vireo.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vireo.model.StorageItem;
import org.vireo.model.VmAction;
import org.vireo.model.VmDetails;
import org.vireo.model.VmSummary;

/**
 * Operations on single VMs. Each runs on the VM's node worker and completes there; failures
 * complete the future with an {@link OperationException}.
 */
public interface VmService {

    /** Runs {@code action}; for {@link VmAction#DELETE}, {@code deleteStorage} also removes its managed volumes. */
    CompletableFuture<Void> perform(VmSummary vm, VmAction action, boolean deleteStorage);

    /** The VM's disks, and which of them are volumes that a delete with storage would remove. */
    CompletableFuture<List<StorageItem>> storageOf(VmSummary vm);

    /** Reads everything the details view shows. */
    CompletableFuture<VmDetails> details(VmSummary vm);

    /** Sets the domain's title and description (persistently, and live when it runs). */
    CompletableFuture<Void> setOverview(VmSummary vm, String title, String description);

    /** Makes libvirt start the VM with its host, or not (persistent VMs only). */
    CompletableFuture<Void> setAutostart(VmSummary vm, boolean on);

    /**
     * Renames a shut-off persistent VM through libvirt's rename: its UUID, disks, NVRAM, snapshots and
     * tags stay; the inventory follows by libvirt's events.
     */
    CompletableFuture<Void> rename(VmSummary vm, String newName);

    /** Replaces the VM's tags (stored in the domain's own metadata, so they travel with it). */
    CompletableFuture<Void> setTags(VmSummary vm, List<String> tags);
}
