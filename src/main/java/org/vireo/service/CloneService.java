package org.vireo.service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.model.VmSummary;

/** Copies a VM: a new domain with its own name, UUID and MACs, and chosen disks cloned, shared or left out. */
public interface CloneService {

    /** What becomes of one disk of the original in the copy. */
    enum DiskMode { CLONE, SHARE, SKIP }

    /** A disk's mode and, for {@link DiskMode#CLONE}, the pool of the new volume (empty: the original's pool). */
    record DiskChoice(DiskMode mode, String pool) {
        public static DiskChoice of(DiskMode mode) {
            return new DiskChoice(mode, "");
        }
    }

    /**
     * Clones {@code vm} (shut off) as {@code newName}; {@code disks} maps each disk's target
     * ("vda") to its choice; disks not named are cloned into their own pool. {@code progress} hears each step. On failure
     * every volume made so far is deleted again. Completes with the new domain's UUID.
     */
    CompletableFuture<String> cloneVm(VmSummary vm, String newName, Map<String, DiskChoice> disks, Consumer<String> progress);
}
