package org.vireo.service;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Uploads and downloads between this computer and a node's storage, through libvirt's stream API over
 * the node's own connection (its SSH session for a remote node). Transfers run on threads of their own,
 * not the node's worker, so the node's events keep flowing.
 */
public interface TransferService {

    /**
     * Uploads {@code file} into a new volume {@code volumeName} of {@code pool}, sparse-aware; libvirt names its
     * format (raw, qcow2, iso) from what the bytes are, where the pool type looks.
     */
    LongJob upload(String nodeId, String pool, Path file, String volumeName);

    /**
     * Copies the volume {@code name} of {@code pool} as {@code newName} in the same pool, on the node (libvirt copies;
     * nothing crosses the network). A job of one step that runs to its end.
     */
    LongJob cloneVolume(String nodeId, String pool, String name, String newName);

    /** Downloads the volume at {@code volumePath} to {@code file} (replaced when it exists: the save dialog asked). */
    LongJob download(String nodeId, String volumePath, Path file);

    /** The size of a local file the user chose, read off the FX thread (a stat on a network home can hang). */
    CompletableFuture<Long> localFileSize(Path file);
}
