package org.vireo.service;

import java.util.Optional;
import org.vireo.model.NodeRef;
import org.vireo.model.OperationException;

/**
 * Carries a node's libvirt connection over an SSH session of Vireo's own (host keys, agent, keys
 * and passphrases as the terminals handle them) instead of libvirt's SSH transports.
 */
public interface NodeTunnels {

    /**
     * For a node reached over SSH, a libvirt URI on a local forward to the node's libvirt socket;
     * empty for other nodes. Logs in first when needed (which may ask the user). Fails with an
     * {@link OperationException} in plain words.
     */
    Optional<String> localUri(NodeRef node) throws OperationException;
}
