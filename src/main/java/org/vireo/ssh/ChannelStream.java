package org.vireo.ssh;

import com.jcraft.jsch.Channel;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte stream to a host and port as seen from an SSH node, carried by a direct-tcpip channel of
 * the node's session: no socket on this machine at all, so nobody else can use it. The in-process
 * VNC client reads a remote screen through it.
 */
public final class ChannelStream implements AutoCloseable {

    private final Channel channel;
    private final InputStream in;
    private final OutputStream out;

    ChannelStream(Channel channel, InputStream in, OutputStream out) {
        this.channel = channel;
        this.in = in;
        this.out = out;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
