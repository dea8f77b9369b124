package org.vireo.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NodeFailure;
import org.vireo.model.PrivateFiles;
import org.vireo.model.Texts;

/**
 * Logs in over SSH and opens shells. Sessions are shared per user@host:port: every tab on a
 * node's guests goes through one session to the node (a hardware key is touched once), and
 * each guest session rides a forwarded port of it. Blocking: call off the FX thread.
 */
public final class SshConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** For the whole login (key exchange, authentication) and for opening a channel on a live session. */
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    /**
     * For the TCP connect alone: a host behind a cut link answers no SYN, and the kernel's own timeout is
     * two minutes, during which a reconnect would wait instead of trying again the moment the link is back.
     */
    private static final int SOCKET_CONNECT_TIMEOUT_MS = 2_000;
    /** A forward's channel opens in milliseconds on a live session; longer means the session is dead but not yet known so. */
    private static final int FORWARD_CHANNEL_TIMEOUT_MS = 3_000;
    /**
     * A dead session (link cut, host gone) is closed after ServerAliveInterval × ServerAliveCountMax of
     * silence, so the next try logs in afresh instead of waiting for TCP to retransmit on the old one;
     * ~/.ssh/config's values for the host win.
     */
    private static final int SERVER_ALIVE_INTERVAL_MS = 2_000;
    private static final int SERVER_ALIVE_COUNT = 3;

    private final HostKeyTrust trust;
    private final SshPrompts prompts;
    private final Path sshDir;
    private final Optional<Path> agentSocket;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Path, UnixSocketForward> forwards = new ConcurrentHashMap<>();
    private final AtomicInteger forwardNumber = new AtomicInteger();
    private Path tunnelDir;

    /**
     * @param sshDir          the user's ~/.ssh: known_hosts is read, id_* keys are offered
     * @param vireoKnownHosts Vireo's own known-hosts file, where "accept always" writes
     * @param agentSocket     SSH_AUTH_SOCK, when an agent runs
     */
    public SshConnector(Path sshDir, Path vireoKnownHosts, Optional<Path> agentSocket, SshPrompts prompts) {
        this.sshDir = sshDir;
        this.agentSocket = agentSocket;
        this.prompts = prompts;
        this.trust = new HostKeyTrust(sshDir.resolve("known_hosts"), vireoKnownHosts, prompts);
    }

    /** Opens an interactive shell with a pty of the given size. */
    public SshShell openShell(SshTarget target, int columns, int rows) throws SshException {
        Session session = session(target);
        try {
            ChannelShell shell = (ChannelShell) session.openChannel("shell");
            shell.setPtyType("xterm-256color", columns, rows, 0, 0);
            shell.setEnv("LANG", "C.UTF-8");
            return new SshShell(this, target, shell);
        } catch (JSchException e) {
            throw new SshException(Texts.get("ssh.noShell", target.label(), String.valueOf(e.getMessage())), e, NodeFailure.OTHER);
        }
    }

    /**
     * A stream to {@code host:port} as seen from {@code node}, inside a channel of the node's shared
     * session (logging in first if needed): no local port, so no other local user can use it.
     */
    public ChannelStream openStream(SshTarget node, String host, int port) throws SshException {
        Session session = session(node);
        try {
            ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            InputStream in = channel.getInputStream();
            OutputStream out = channel.getOutputStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            return new ChannelStream(channel, in, out);
        } catch (JSchException | IOException e) {
            throw new SshException(Texts.get("ssh.noTunnel", host + ":" + port, node.label(), String.valueOf(e.getMessage())), e,
                    NodeFailure.OTHER);
        }
    }

    /**
     * Forwards a local UNIX socket to the UNIX socket {@code socketPath} on {@code node} (OpenSSH's
     * streamlocal forwarding), over the node's shared session; {@code keyFile} is tried besides the
     * agent and ~/.ssh keys. The local socket lives in a directory only this user can enter, so
     * nobody else can reach the remote daemon through it. Returns the local socket's path.
     */
    public Path forwardSocket(SshTarget node, Optional<Path> keyFile, String socketPath) throws SshException {
        Session session = session(node, keyFile);
        try {
            Path local = tunnelDir().resolve("libvirt-" + forwardNumber.incrementAndGet() + ".sock");
            forwards.put(local, UnixSocketForward.open(local, session, new UnixSocketForward.RemoteSocket(socketPath),
                    FORWARD_CHANNEL_TIMEOUT_MS));
            return local;
        } catch (IOException e) {
            throw new SshException(Texts.get("ssh.noSocket", socketPath, node.label(), String.valueOf(e.getMessage())), e,
                    NodeFailure.UNREACHABLE);
        }
    }

    /**
     * Forwards a new local UNIX socket, in the private directory, to a guest's display on
     * {@code node}: its UNIX socket when {@code socketPath} is given, else {@code host:port} as the
     * node sees it. Every connection (SPICE opens one per channel) gets its own channel of the
     * node's shared session, so the viewer needs no login, and the node no {@code nc}.
     */
    public Path forwardDisplay(SshTarget node, Optional<String> socketPath, String host, int port) throws SshException {
        Session session = session(node);
        UnixSocketForward.RemoteEnd remote = socketPath.<UnixSocketForward.RemoteEnd>map(UnixSocketForward.RemoteSocket::new)
                .orElseGet(() -> new UnixSocketForward.RemotePort(host, port));
        try {
            Path local = tunnelDir().resolve("display-" + forwardNumber.incrementAndGet() + ".sock");
            forwards.put(local, UnixSocketForward.open(local, session, remote, FORWARD_CHANNEL_TIMEOUT_MS));
            return local;
        } catch (IOException e) {
            throw new SshException(Texts.get("ssh.noTunnel", remote.toString(), node.label(), String.valueOf(e.getMessage())), e,
                    NodeFailure.OTHER);
        }
    }

    /** Completes when the forward at {@code local} gets its first client; never for an unknown one. */
    public CompletableFuture<Void> firstClient(Path local) {
        UnixSocketForward forward = forwards.get(local);
        return forward == null ? new CompletableFuture<>() : forward.firstClient();
    }

    /** This client's private directory (0700): its sockets, and files that must not outlive a moment, live there. */
    public Path privateDirectory() throws IOException {
        return tunnelDir();
    }

    /** Ends a forward made by {@link #forwardSocket} or {@link #forwardDisplay}; the session stays for others. */
    public void cancelForward(Path local) {
        UnixSocketForward forward = forwards.remove(local);
        if (forward != null) {
            forward.close();
        }
    }

    /** Whether the forward at {@code local} still listens and its session is up. */
    public boolean isForwarding(Path local) {
        UnixSocketForward forward = forwards.get(local);
        return forward != null && forward.isOpen();
    }

    /** The private directory of this client's sockets: under $XDG_RUNTIME_DIR when there is one, mode 0700. */
    private synchronized Path tunnelDir() throws IOException {
        if (tunnelDir == null) {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            Path base = runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isWritable(Path.of(runtime))
                    ? Path.of(runtime) : Path.of(System.getProperty("java.io.tmpdir"));
            tunnelDir = PrivateFiles.directory(Files.createTempDirectory(base, "vireo-"));
        }
        return tunnelDir;
    }

    /** Whether the shared session to {@code target} is up. */
    public synchronized boolean isConnected(SshTarget target) {
        Session session = sessions.get(target.label());
        return session != null && session.isConnected();
    }

    /** Asks the user for a secret that is not an SSH one (a VNC display's password); never stored. */
    public Optional<char[]> askPassword(String what) {
        return prompts.password(what);
    }

    /** The live session to {@code target}, logging in (and through its jump host) if needed. */
    synchronized Session session(SshTarget target) throws SshException {
        return session(target, Optional.empty());
    }

    private synchronized Session session(SshTarget target, Optional<Path> keyFile) throws SshException {
        String key = target.label() + target.jump().map(j -> " via " + j.label()).orElse("");
        Session existing = sessions.get(key);
        if (existing != null && existing.isConnected()) {
            return existing;
        }
        Session session;
        try {
            JSch jsch = new JSch();
            userConfig().ifPresent(jsch::setConfigRepository);   // Host aliases, HostName, Port, User, IdentityFile …
            if (keyFile.isPresent()) {
                // The key the user chose for this node; its passphrase, if any, is asked through the prompts.
                jsch.addIdentity(keyFile.get().toString());
            } else {
                configureIdentities(jsch);
            }
            jsch.setHostKeyRepository(trust);
            // No user: ~/.ssh/config's User for the host, else the local user name (JSch's own fallback).
            String user = target.user().isEmpty() ? null : target.user();
            Optional<SshTarget> configJump = target.jump().isPresent() ? Optional.empty() : proxyJumpOf(target.host());
            if (target.jump().isPresent() || configJump.isPresent()) {
                Session jump = session(target.jump().orElseGet(configJump::get));
                session = jsch.getSession(user, target.host(), target.port());
                session.setProxy(new ChannelProxy(jump));   // ProxyJump: inside the node's session, no local port
                if (target.jump().isPresent()) {
                    session.setHostKeyAlias(target.hostKeyName());   // a guest's key under its own name
                }
            } else {
                session = jsch.getSession(user, target.host(), target.port());
                session.setSocketFactory(new TimedSocketFactory(SOCKET_CONNECT_TIMEOUT_MS));
            }
            // Ours, even when ~/.ssh/config names a UserKnownHostsFile (JSch would then use a plain file, asking nothing).
            session.setHostKeyRepository(trust);
            session.setConfig("StrictHostKeyChecking", "yes");   // our HostKeyTrust asks; JSch never writes keys
            session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
            // AES-GCM first: one pass, intrinsified in the JDK, so a libvirt stream (an upload) is not held back by
            // CTR plus a separate HMAC; the rest of JSch's list follows for servers without it.
            for (String direction : List.of("cipher.c2s", "cipher.s2c")) {
                session.setConfig(direction, "aes128-gcm@openssh.com,aes256-gcm@openssh.com," + session.getConfig(direction));
            }
            session.setUserInfo(new PromptingUserInfo(target, prompts));
            session.setServerAliveInterval(configuredNumber(target.host(), "ServerAliveInterval").map(seconds -> seconds * 1000)
                    .orElse(SERVER_ALIVE_INTERVAL_MS));
            session.setServerAliveCountMax(configuredNumber(target.host(), "ServerAliveCountMax").orElse(SERVER_ALIVE_COUNT));
            session.connect(CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // JSch says what went wrong only in its message; this is the one place that reads it.
            NodeFailure failure = message.contains("HostKey has been changed") ? NodeFailure.HOST_KEY_CHANGED
                    : message.contains("reject HostKey") ? NodeFailure.HOST_KEY_UNKNOWN
                    : message.contains("Auth fail") || message.contains("Auth cancel") ? NodeFailure.AUTH_REFUSED
                    : NodeFailure.UNREACHABLE;
            String plain = switch (failure) {
                case HOST_KEY_CHANGED -> Texts.get("ssh.hostKeyChanged", target.host());
                case HOST_KEY_UNKNOWN -> Texts.get("ssh.hostKeyRejected", target.host());
                case AUTH_REFUSED -> Texts.get("ssh.loginFailed", target.label());
                default -> Texts.get("ssh.unreachable", target.label(), message);
            };
            throw new SshException(plain, e, failure);
        }
        sessions.put(key, session);
        LOG.info("SSH session to {} open", key);
        return session;
    }

    /** The user's ~/.ssh/config, as OpenSSH reads it (JSch's parser): read at each login, so an edit applies to the next. */
    private Optional<ConfigRepository> userConfig() {
        Path file = sshDir.resolve("config");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OpenSSHConfig.parseFile(file.toString()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** A whole-number option of ~/.ssh/config for {@code host}, when it names one that makes sense (above 0). */
    private Optional<Integer> configuredNumber(String host, String option) {
        return userConfig().map(config -> config.getConfig(host).getValue(option)).flatMap(value -> {
            try {
                int number = Integer.parseInt(value.strip());
                return number > 0 ? Optional.of(number) : Optional.empty();
            } catch (NumberFormatException e) {
                LOG.warn("{} {} for {} in ~/.ssh/config is not a number; using Vireo's own", option, value, host);
                return Optional.empty();
            }
        });
    }

    /**
     * The first hop of {@code host}'s ProxyJump in ~/.ssh/config ({@code [user@]host[:port]}, itself
     * looked up in the config), which JSch does not follow by itself.
     */
    private Optional<SshTarget> proxyJumpOf(String host) {
        Optional<String> value = userConfig().map(config -> config.getConfig(host).getValue("ProxyJump"))
                .filter(v -> !v.isBlank() && !v.equalsIgnoreCase("none"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String hop = value.get().split(",")[0].strip();
        String user = hop.contains("@") ? hop.substring(0, hop.indexOf('@')) : "";
        String hostPort = hop.substring(hop.indexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 22;
            return Optional.of(new SshTarget(user, colon > 0 ? hostPort.substring(0, colon) : hostPort, port, Optional.empty()));
        } catch (IllegalArgumentException e) {
            LOG.warn("ProxyJump {} for {} in ~/.ssh/config is not [user@]host[:port]; connecting directly", hop, host);
            return Optional.empty();
        }
    }

    private void configureIdentities(JSch jsch) {
        if (agentSocket.isPresent()) {
            try {
                AgentIdentityRepository agent = new AgentIdentityRepository(
                        new SSHAgentConnector(new UnixDomainSocketFactory(), agentSocket.get()));
                if (!agent.getIdentities().isEmpty()) {
                    jsch.setIdentityRepository(agent);
                    return;
                }
            } catch (AgentProxyException | RuntimeException e) {
                LOG.info("SSH agent at {} not usable: {}", agentSocket.get(), e.getMessage());
            }
        }
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            Path key = sshDir.resolve(name);
            if (Files.isReadable(key)) {
                try {
                    jsch.addIdentity(key.toString());
                } catch (JSchException e) {
                    LOG.info("Key {} not usable: {}", key, e.getMessage());
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        forwards.values().forEach(UnixSocketForward::close);
        forwards.clear();
        sessions.values().forEach(Session::disconnect);
        sessions.clear();
        if (tunnelDir != null) {
            try {
                Files.deleteIfExists(tunnelDir);
            } catch (IOException e) {
                LOG.debug("Could not remove {}", tunnelDir, e);
            }
        }
    }

    /** Forwards JSch's questions to the user; the passwords are wiped after use. */
    private static final class PromptingUserInfo implements UserInfo, UIKeyboardInteractive {
        private final SshTarget target;
        private final SshPrompts prompts;
        private char[] secret;

        PromptingUserInfo(SshTarget target, SshPrompts prompts) {
            this.target = target;
            this.prompts = prompts;
        }

        @Override
        public String getPassphrase() {
            return take();
        }

        @Override
        public String getPassword() {
            return take();
        }

        private String take() {
            if (secret == null) {
                return null;
            }
            String value = new String(secret);
            Arrays.fill(secret, '\0');
            secret = null;
            return value;
        }

        @Override
        public boolean promptPassword(String message) {
            secret = prompts.password(target.label()).orElse(null);
            return secret != null;
        }

        @Override
        public boolean promptPassphrase(String message) {
            secret = prompts.passphrase(message).orElse(null);
            return secret != null;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false;   // host keys are decided by HostKeyTrust, never by a yes/no text
        }

        @Override
        public void showMessage(String message) {
            LOG.info("SSH server message for {}: {}", target.label(), message);
        }

        @Override
        public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
                                                  boolean[] echo) {
            if (prompt.length != 1 || echo[0]) {
                return null;
            }
            return prompts.password(target.label()).map(String::new).map(p -> new String[] {p}).orElse(null);
        }
    }
}
