package org.vireo.model;

import java.util.concurrent.CompletableFuture;

/** Host details of connected nodes, read on each node's worker. */
public interface HostService {

    CompletableFuture<HostDetails> hostDetails(String nodeId);
}
