package org.vireo.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local UNIX socket, in a directory only the user can enter, whose every connection is carried
 * over an SSH session to a UNIX socket on the remote host (OpenSSH's direct-streamlocal channel) or
 * to a host and port as the remote host sees them (direct-tcpip). libvirt connects to it with its
 * own {@code +unix} transport, an external SPICE viewer with {@code unix-path}. Unlike a forward to
 * a TCP port on the loopback, no other local user can connect to it: that would drive the remote
 * daemon with the SSH user's rights, or watch and type on a guest's screen.
 */
final class UnixSocketForward implements AutoCloseable {

    private static final int WINDOW = 2 << 20;
    private static final int PACKET = 32 << 10;

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketForward.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Path local;
    private final ServerSocketChannel server;
    private final Session session;
    private final RemoteEnd remote;
    private final int connectTimeoutMillis;
    private final CompletableFuture<Void> firstClient = new CompletableFuture<>();

    /** Where the forwarded connections go on the remote host. */
    sealed interface RemoteEnd {
        Channel open(Session session) throws JSchException;
    }

    /** A UNIX socket on the remote host. */
    record RemoteSocket(String path) implements RemoteEnd {
        @Override
        public Channel open(Session session) throws JSchException {
            ChannelDirectStreamLocal channel = (ChannelDirectStreamLocal) session.openChannel("direct-streamlocal@openssh.com");
            channel.setSocketPath(path);
            return channel;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** A host and port as the remote host sees them. */
    record RemotePort(String host, int port) implements RemoteEnd {
        @Override
        public Channel open(Session session) throws JSchException {
            ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            return channel;
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private UnixSocketForward(Path local, ServerSocketChannel server, Session session, RemoteEnd remote, int connectTimeoutMillis) {
        this.local = local;
        this.server = server;
        this.session = session;
        this.remote = remote;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** Listens at {@code local} (its directory must be private) and forwards to {@code remote} on the session's host. */
    static UnixSocketForward open(Path local, Session session, RemoteEnd remote, int connectTimeoutMillis) throws IOException {
        Files.deleteIfExists(local);   // a socket file left by a process that died
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(local));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        UnixSocketForward forward = new UnixSocketForward(local, server, session, remote, connectTimeoutMillis);
        Thread acceptor = new Thread(forward::accept, "ssh-socket-forward-" + THREADS.incrementAndGet());
        acceptor.setDaemon(true);
        acceptor.start();
        return forward;
    }

    Path path() {
        return local;
    }

    boolean isOpen() {
        return server.isOpen() && session.isConnected();
    }

    /** Completes when the first client connects (a viewer has read its connection file by then). */
    CompletableFuture<Void> firstClient() {
        return firstClient;
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("Forward at {} stopped accepting: {}", local, e.getMessage());
                }
                return;
            }
            firstClient.complete(null);
            try {
                Channel channel = remote.open(session);
                // OpenSSH's own channel sizes (2 MiB window, 32 KiB packets) instead of JSch's 128 KiB and 16 KiB: a
                // volume download from the node would otherwise stall on window adjusts at a fraction of scp's rate.
                channel.setLocalWindowSizeMax(WINDOW);
                channel.setLocalPacketSize(PACKET);
                // JSch pumps both ways on its own threads and closes the client when the remote end closes.
                channel.setInputStream(input(client));
                channel.setOutputStream(output(client));
                channel.connect(connectTimeoutMillis);
            } catch (JSchException e) {
                LOG.warn("Could not reach {} on {} for a client of {}: {}", remote, session.getHost(), local, e.getMessage());
                closeQuietly(client);
            }
        }
    }

    /*
     * Streams over the channel's own read and write: those of Channels.newInputStream/newOutputStream
     * both hold the channel's blocking lock on Java 17, so a read waiting for the daemon's reply
     * blocks the write of the request (a hang until libvirt's timeout).
     */
    private static InputStream input(SocketChannel client) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return length == 0 ? 0 : client.read(ByteBuffer.wrap(buffer, offset, length));
            }

            @Override
            public void close() throws IOException {
                client.close();
            }
        };
    }

    private static OutputStream output(SocketChannel client) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
                while (bytes.hasRemaining()) {
                    client.write(bytes);
                }
            }

            @Override
            public void close() throws IOException {
                client.close();
            }
        };
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(local);
        } catch (IOException e) {
            LOG.debug("Closing the forward at {} failed", local, e);
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing a forwarded client failed", e);
        }
    }
}
