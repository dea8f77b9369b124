package org.vireo.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.VmSummary;

/**
 * Moving VMs between connected nodes. A check reads the VM on its node's worker and asks the destination on its own; a
 * move runs on a thread of its own with both nodes' connections, so both nodes' events keep flowing while it runs.
 */
public interface MigrationService {

    /** What {@code destNodeId} says about taking {@code vm}: every reason it cannot, before anything starts. */
    default CompletableFuture<MigrationCheck> checkMigration(VmSummary vm, String destNodeId) {
        return checkMigrations(vm, List.of(destNodeId)).get(0);
    }

    /**
     * What each of {@code destNodeIds} says about taking {@code vm}, in that order; the VM is read once on its node for
     * all of them, and each answer completes by itself.
     */
    List<CompletableFuture<MigrationCheck>> checkMigrations(VmSummary vm, List<String> destNodeIds);

    /**
     * Moves {@code vm} to {@code destNodeId}: live when it runs, its definition (and disks, when asked) when it is shut
     * off. Cancel aborts a live move (the VM keeps running on the source) or an offline disk copy (what was copied is
     * removed); the outcome is the words to show.
     */
    LongJob migrate(VmSummary vm, String destNodeId, MigrationOptions options);
}
