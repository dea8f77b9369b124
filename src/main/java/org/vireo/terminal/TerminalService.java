package org.vireo.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.LibvirtUri;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.rfb.RfbClient;
import org.vireo.rfb.Screenshots;
import org.vireo.service.ConsoleService;
import org.vireo.ssh.ChannelStream;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshException;
import org.vireo.ssh.SshShell;
import org.vireo.ssh.SshTarget;

/** Opens terminal sessions on its own threads: logins can wait on the network and on the user's answers. */
public final class TerminalService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalService.class);

    private final SshConnector ssh;
    private final ConsoleService consoles;
    private final ViewerLauncher viewers;
    private final ExecutorService connecting = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "terminal-connect");
        t.setDaemon(true);
        return t;
    });

    public TerminalService(SshConnector ssh, ConsoleService consoles) {
        this(ssh, consoles, System.getenv("PATH"));
    }

    /** @param viewerSearchPath where the external viewer is looked for, as in $PATH */
    public TerminalService(SshConnector ssh, ConsoleService consoles, String viewerSearchPath) {
        this.ssh = ssh;
        this.consoles = consoles;
        this.viewers = new ViewerLauncher(ssh, viewerSearchPath);
    }

    /**
     * Opens a running VM's display (SPICE when it has one, else VNC) in virt-viewer's
     * {@code remote-viewer}; an SSH node's display comes over the node's shared session to a UNIX
     * socket only this user can open. Completes off the FX thread once the viewer has started.
     */
    public CompletableFuture<ExternalViewer> openViewer(VmSummary vm, String nodeUri) {
        // The program is looked for on this service's thread (it reads directories), before libvirt is asked anything.
        return CompletableFuture.supplyAsync(viewers::program, connecting).thenCompose(program -> program
                .map(found -> consoles.viewerDisplay(vm)
                        .thenApplyAsync(endpoint -> viewers.start(vm, nodeUri, endpoint, found), connecting))
                .orElseGet(() -> CompletableFuture.failedFuture(new OperationException(Texts.get("op.openViewer", vm.name()),
                        Texts.get("viewer.missing")))));
    }

    /** The VM's serial console; the pty size is the guest's business, so resizes are not sent. */
    public CompletableFuture<TtyConnector> openConsole(VmSummary vm) {
        return consoles.openConsole(vm).thenApply(console -> new StreamTtyConnector("console " + vm.name(), console.input(),
                console.output(), console::isOpen, size -> { }, console::close));
    }

    /** Logs in and opens a shell; completes off the FX thread. */
    public CompletableFuture<TtyConnector> openSsh(SshTarget target, int columns, int rows) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SshShell shell = ssh.openShell(target, columns, rows);
                return new StreamTtyConnector(target.label(), shell.input(), shell.output(), shell::isOpen,
                        size -> shell.resize(size.getColumns(), size.getRows()), shell::close);
            } catch (SshException e) {
                throw new CompletionException(e);
            }
        }, connecting);
    }

    /**
     * A running {@code remote-viewer} showing a VM's display, and how it ended.
     *
     * @param protocol  what the viewer speaks to the display
     * @param tunnelled whether the display comes through the node's SSH session
     * @param exited    completes when the viewer ends
     */
    public record ExternalViewer(GraphicsEndpoint.Protocol protocol, boolean tunnelled, CompletableFuture<Exit> exited) {

        /**
         * How the viewer ended.
         *
         * @param code     its exit status
         * @param lastLine the last line it printed, empty when it printed nothing
         */
        public record Exit(int code, String lastLine) {
        }
    }

    /** A VNC connection, handshaken but not yet reading, and how to release its tunnel. */
    public record GraphicsConnection(RfbClient client, Runnable release) {
        public void close() {
            client.close();
            release.run();
        }
    }

    /**
     * Connects to a running VM's VNC display: directly for a local node, through an SSH tunnel
     * over the node's shared session for a {@code qemu+ssh://} node. Completes off the FX thread.
     * A password the domain XML does not carry is asked (never stored); one the server refuses is
     * asked again, saying so, up to three times.
     */
    public CompletableFuture<GraphicsConnection> openGraphics(VmSummary vm, String nodeUri) {
        return openGraphics(vm, nodeUri, RfbClient.Quality.AUTO);
    }

    /** The same with the encodings of {@code quality} (AUTO: slow link over SSH or to another host, LAN to this one). */
    public CompletableFuture<GraphicsConnection> openGraphics(VmSummary vm, String nodeUri, RfbClient.Quality quality) {
        return consoles.graphics(vm).thenApplyAsync(endpoint -> {
            Optional<SshTarget> node = SshTarget.jumpHostOf(nodeUri);
            for (int attempt = 1; ; attempt++) {
                String prompt = Texts.get(attempt == 1 ? "graphics.passwordFor" : "graphics.passwordAgain", vm.name());
                Supplier<Optional<char[]>> password = () -> endpoint.password()
                        .map(String::toCharArray).or(() -> ssh.askPassword(prompt));
                AutoCloseable[] link = {null};
                try {
                    RfbClient client;
                    if (node.isPresent()) {
                        // The display as the node sees it, read straight from a channel of its SSH session: no local port.
                        ChannelStream stream = ssh.openStream(node.get(), endpoint.host(), endpoint.port());
                        link[0] = stream;
                        client = RfbClient.handshake(stream.in(), stream.out(), stream, password, quality.resolve(true));
                    } else {
                        if (isRemote(nodeUri) && isLoopback(endpoint.host())) {
                            throw new OperationException(Texts.get("op.openScreen", vm.name()), Texts.get("graphics.loopbackOnly"));
                        }
                        Socket socket = new Socket();
                        link[0] = socket;
                        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 10_000);
                        client = RfbClient.handshake(socket, password, quality.resolve(!isLoopback(endpoint.host())));
                    }
                    return new GraphicsConnection(client, () -> { });
                } catch (RfbClient.BadPasswordException e) {
                    closeQuietly(link[0]);
                    if (endpoint.password().isPresent() || attempt == 3) {
                        throw new CompletionException(new OperationException(Texts.get("op.openScreen", vm.name()), e.getMessage()));
                    }
                } catch (IOException | SshException | OperationException e) {
                    closeQuietly(link[0]);
                    throw new CompletionException(e instanceof OperationException ? e
                            : new OperationException(Texts.get("op.openScreen", vm.name()), e.getMessage()));
                }
            }
        }, connecting);
    }

    /** Saves the screen as a PNG file, off the FX thread. */
    public CompletableFuture<Void> saveScreenshot(GraphicsConnection connection, Path file) {
        return CompletableFuture.runAsync(() -> {
            try {
                Screenshots.writePng(connection.client().framebuffer(), file);
            } catch (IOException e) {
                throw new CompletionException(new OperationException(Texts.get("op.saveScreenshot", file), e.getMessage()));
            }
        }, connecting);
    }

    static boolean isRemote(String uri) {
        return LibvirtUri.tryParse(uri).map(LibvirtUri::isRemote).orElse(false);
    }

    static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("::1") || host.equals("localhost");
    }

    private static void closeQuietly(AutoCloseable link) {
        if (link != null) {
            try {
                link.close();
            } catch (Exception e) {
                LOG.debug("Closing a failed screen link failed", e);
            }
        }
    }

    @Override
    public void close() {
        viewers.close();
        connecting.shutdownNow();
        ssh.close();
    }
}
