package org.vireo.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a running VM's display listens, as its node sees it.
 *
 * @param protocol what speaks there
 * @param host     the listen address on the node (a wildcard address is given as the loopback one); empty for a socket
 * @param port     the TCP port (autoport resolved); 0 for a socket
 * @param socket   the UNIX socket on the node the display listens on instead of a port
 * @param password the display's password from the domain XML, when it has one
 */
public record GraphicsEndpoint(Protocol protocol, String host, int port, Optional<String> socket, Optional<String> password) {

    /** The display protocols libvirt gives QEMU guests that a viewer can open. */
    public enum Protocol {
        VNC, SPICE;

        /** The protocol's name in connection files and URIs. */
        public String scheme() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A VNC display on a TCP port. */
    public GraphicsEndpoint(String host, int port, Optional<String> password) {
        this(Protocol.VNC, host, port, Optional.empty(), password);
    }

    @Override
    public String toString() {
        return "GraphicsEndpoint[" + protocol + " " + socket.orElse(host + ":" + port) + (password.isPresent() ? ", with password" : "") + "]";
    }
}
