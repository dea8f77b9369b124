package org.vireo.ssh;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.vireo.model.NodeFailure;
import org.vireo.model.Texts;

/** One interactive shell channel: its streams, its pty size, and its end. */
public final class SshShell implements AutoCloseable {

    private final SshTarget target;
    private final ChannelShell channel;
    private final InputStream in;
    private final OutputStream out;

    SshShell(SshConnector connector, SshTarget target, ChannelShell channel) throws SshException {
        this.target = target;
        this.channel = channel;
        try {
            // The input stream must exist before connect(), or the first output is lost.
            this.in = channel.getInputStream();
            this.out = channel.getOutputStream();
            channel.connect(15_000);
        } catch (IOException | JSchException e) {
            throw new SshException(Texts.get("ssh.noShell", target.label(), String.valueOf(e.getMessage())), e, NodeFailure.OTHER);
        }
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    public boolean isOpen() {
        return channel.isConnected() && !channel.isClosed();
    }

    public void resize(int columns, int rows) {
        channel.setPtySize(columns, rows, 0, 0);
    }

    public SshTarget target() {
        return target;
    }

    /** The exit status the remote shell reported, or -1 while it runs. */
    public int exitStatus() {
        return channel.getExitStatus();
    }

    @Override
    public void close() {
        // The session stays: other tabs, or the next reconnect, reuse it.
        channel.disconnect();
    }
}
