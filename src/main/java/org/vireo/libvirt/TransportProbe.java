package org.vireo.libvirt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.vireo.model.LibvirtUri;
import org.vireo.model.Texts;

/**
 * A TCP connect to a node's libvirt port with a timeout of our own, before libvirt's: libvirt connects
 * without one, so a host behind a cut link would hold the node's worker for the kernel's two minutes
 * instead of being tried again the moment the link is back.
 */
final class TransportProbe {

    private static final int LIBVIRT_TCP_PORT = 16509;
    private static final int LIBVIRT_TLS_PORT = 16514;

    private TransportProbe() {
    }

    /** Why {@code uri}'s daemon cannot be reached now, or empty when it can be or is not ours to probe. */
    static Optional<String> problem(String uri, int timeoutMillis) {
        Optional<LibvirtUri> parsed = LibvirtUri.tryParse(uri);
        if (parsed.isEmpty() || !parsed.get().isRemote()) {
            return Optional.empty();
        }
        LibvirtUri node = parsed.get();
        int port = switch (node.transport()) {
            case "tcp" -> node.port() > 0 ? node.port() : LIBVIRT_TCP_PORT;
            case "", "tls" -> node.port() > 0 ? node.port() : LIBVIRT_TLS_PORT;
            default -> -1;   // SSH and the rest: their own client has its timeouts
        };
        if (port < 0) {
            return Optional.empty();
        }
        String where = node.host() + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(node.host(), port), timeoutMillis);
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of(Texts.get("node.probe.timeout", where, String.valueOf(timeoutMillis / 1000.0)));
        } catch (UnknownHostException e) {
            return Optional.of(Texts.get("node.probe.unknownHost", node.host()));
        } catch (IOException e) {
            return Optional.of(Texts.get("node.probe.refused", where, String.valueOf(e.getMessage())));
        }
    }
}
