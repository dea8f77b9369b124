package org.vireo.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmSummary;

/** A VM's snapshots. Each call runs on the VM's node worker; failures are {@link OperationException}s. */
public interface SnapshotService {

    /** All snapshots, parents before their children. */
    CompletableFuture<List<VmSnapshot>> snapshots(VmSummary vm);

    /** Takes a snapshot; {@code withMemory} only matters for a running VM. */
    CompletableFuture<Void> takeSnapshot(VmSummary vm, String name, String description, boolean withMemory);

    CompletableFuture<Void> revertToSnapshot(VmSummary vm, String name);

    /** Deletes a snapshot, and with {@code withChildren} its descendants too. */
    CompletableFuture<Void> deleteSnapshot(VmSummary vm, String name, boolean withChildren);
}
