package org.vireo.ssh;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reaches a guest's SSH server through its node as OpenSSH's ProxyJump does: the guest session
 * runs inside a direct-tcpip channel of the node's session, with no local port in between that
 * another local user could connect to.
 */
final class ChannelProxy implements Proxy {

    private final Session jump;
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    ChannelProxy(Session jump) {
        this.jump = jump;
    }

    @Override
    public void connect(SocketFactory unused, String host, int port, int timeout) throws Exception {
        channel = (ChannelDirectTCPIP) jump.openChannel("direct-tcpip");
        channel.setHost(host);
        channel.setPort(port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;   // no socket: the bytes travel inside the node's session
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
