package org.vireo.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server in the test JVM (Apache MINA SSHD) on 127.0.0.1, with a small line shell
 * that records every byte it receives and the pty sizes the client sets.
 */
public final class TestSshServer implements AutoCloseable {

    public static final String USER = "ada";
    public static final String PASSWORD = "correct horse";

    private final SshServer server;
    private final List<Byte> received = new CopyOnWriteArrayList<>();
    private final List<String> sizes = new CopyOnWriteArrayList<>();
    private final List<String> forwardedTo = new CopyOnWriteArrayList<>();
    private final List<LineShell> shells = new CopyOnWriteArrayList<>();

    private TestSshServer(SshServer server) {
        this.server = server;
    }

    /**
     * @param hostKeyFile where the server's host key lives (the same file gives the same key)
     * @param port        0 for any free port
     * @param clientKey   a public key to accept, or null for passwords only
     */
    public static TestSshServer start(Path hostKeyFile, int port, PublicKey clientKey) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        TestSshServer test = new TestSshServer(server);
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> clientKey != null && USER.equals(user) && clientKey.equals(key));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setShellFactory(channel -> test.new LineShell());
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(null, null, new TcpForwardingFilter() {
            @Override
            public boolean canListen(SshdSocketAddress address, Session session) {
                return false;
            }

            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                test.forwardedTo.add(address.getHostName() + ":" + address.getPort());
                return address.getHostName().equals("127.0.0.1");   // loopback only: nothing else is a target
            }
        }));
        server.start();
        return test;
    }

    public int port() {
        return server.getPort();
    }

    /** Every byte the shells received, in order. */
    public List<Byte> received() {
        return List.copyOf(received);
    }

    /** "COLUMNSxLINES" at shell start and after each window change. */
    public List<String> ptySizes() {
        return List.copyOf(sizes);
    }

    /** host:port of each direct-tcpip channel this server opened as a jump host. */
    public List<String> forwardedTo() {
        return List.copyOf(forwardedTo);
    }

    /** Ends every open shell from the server's side, as a rebooting guest would. */
    public void dropShells() {
        for (LineShell shell : shells) {
            shell.exit.onExit(0, "dropped by the test");
        }
        shells.clear();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Echoes lines; "echo X" prints X; "size" prints the pty size; Ctrl+C prints ^C. */
    private final class LineShell implements Command, Runnable {
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Environment env;
        private Thread thread;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            this.env = environment;
            shells.add(this);
            sizes.add(size());
            environment.addSignalListener((ch, signal) -> sizes.add(size()), Signal.WINCH);
            thread = new Thread(this, "test-ssh-shell");
            thread.setDaemon(true);
            thread.start();
        }

        private String size() {
            return env.getEnv().get(Environment.ENV_COLUMNS) + "x" + env.getEnv().get(Environment.ENV_LINES);
        }

        @Override
        public void run() {
            StringBuilder line = new StringBuilder();
            try {
                write("$ ");
                int b;
                while ((b = in.read()) >= 0) {
                    received.add((byte) b);
                    if (b == 3) {
                        line.setLength(0);
                        write("^C\r\n$ ");
                    } else if (b == '\r' || b == '\n') {
                        write("\r\n");
                        String command = line.toString();
                        line.setLength(0);
                        if (command.startsWith("echo ")) {
                            write(command.substring(5) + "\r\n");
                        } else if (command.equals("size")) {
                            write(size() + "\r\n");
                        } else if (command.equals("exit")) {
                            exit.onExit(0);
                            return;
                        }
                        write("$ ");
                    } else {
                        line.append((char) b);
                        out.write(b);   // the tty echo
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
            exit.onExit(0);
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
