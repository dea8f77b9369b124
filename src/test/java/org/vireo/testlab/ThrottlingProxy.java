package org.vireo.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy on 127.0.0.1 that limits what flows from the server to the client to a given rate (this kernel has no
 * netem): the slow link of bench/screen and of the encoding test. One connection at a time; the client's direction is not limited (keys,
 * pointer and update requests are small).
 */
public final class ThrottlingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final long bytesPerSecond;

    public ThrottlingProxy(int targetPort, long bitsPerSecond) throws IOException {
        this.targetPort = targetPort;
        this.bytesPerSecond = bitsPerSecond / 8;
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "throttling-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pump(client.getInputStream(), server.getOutputStream(), Long.MAX_VALUE, client, server);
                pump(server.getInputStream(), client.getOutputStream(), bytesPerSecond, client, server);
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Copies in small chunks, sleeping whenever more has passed than the rate allows since the start. */
    private static void pump(InputStream in, OutputStream out, long rate, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[rate == Long.MAX_VALUE ? 65536 : 1460];
            long started = System.nanoTime();
            long sent = 0;
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    out.write(chunk, 0, n);
                    out.flush();
                    sent += n;
                    if (rate != Long.MAX_VALUE) {
                        long due = started + sent * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side went
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "throttling-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
