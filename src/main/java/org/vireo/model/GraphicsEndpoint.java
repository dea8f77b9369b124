package org.vireo.model;

import java.util.Optional;

/**
 * Where a running VM's VNC display listens, as its node sees it.
 *
 * @param host     the listen address on the node (a wildcard address is given as the loopback one)
 * @param port     the TCP port (autoport resolved)
 * @param password the display's password from the domain XML, when it has one
 */
public record GraphicsEndpoint(String host, int port, Optional<String> password) {

    @Override
    public String toString() {
        return "GraphicsEndpoint[" + host + ":" + port + (password.isPresent() ? ", with password" : "") + "]";
    }
}
