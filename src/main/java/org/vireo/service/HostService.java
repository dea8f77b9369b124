package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import org.vireo.model.HostDetails;

/** Host details of connected nodes, read on each node's worker. */
public interface HostService {

    CompletableFuture<HostDetails> hostDetails(String nodeId);
}
