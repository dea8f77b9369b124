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
import org.vireo.model.LibvirtUri;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.rfb.RfbClient;
import org.vireo.rfb.Screenshots;
import org.vireo.service.ConsoleService;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshException;
import org.vireo.ssh.SshShell;
import org.vireo.ssh.SshTarget;

/** Opens terminal sessions on its own threads: logins can wait on the network and on the user's answers. */
public final class TerminalService implements AutoCloseable {

    private final SshConnector ssh;
    private final ConsoleService consoles;
    private final ExecutorService connecting = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "terminal-connect");
        t.setDaemon(true);
        return t;
    });

    public TerminalService(SshConnector ssh, ConsoleService consoles) {
        this.ssh = ssh;
        this.consoles = consoles;
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
     */
    public CompletableFuture<GraphicsConnection> openGraphics(VmSummary vm, String nodeUri) {
        return consoles.graphics(vm).thenApplyAsync(endpoint -> {
            Optional<SshTarget> node = SshTarget.jumpHostOf(nodeUri, System.getProperty("user.name", "root"));
            String host = endpoint.host();
            int port = endpoint.port();
            Runnable release = () -> { };
            try {
                if (node.isPresent()) {
                    int local = ssh.forwardLocal(node.get(), host, port);
                    release = () -> ssh.cancelForward(node.get(), local);
                    host = "127.0.0.1";
                    port = local;
                } else if (isRemote(nodeUri) && isLoopback(host)) {
                    throw new OperationException(Texts.get("op.openScreen", vm.name()), Texts.get("graphics.loopbackOnly"));
                }
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 10_000);
                RfbClient client = RfbClient.handshake(socket, () -> endpoint.password()
                        .map(String::toCharArray).or(() -> ssh.askPassword(Texts.get("graphics.passwordFor", vm.name()))));
                return new GraphicsConnection(client, release);
            } catch (IOException | SshException | OperationException e) {
                release.run();
                throw new CompletionException(e instanceof OperationException ? e
                        : new OperationException(Texts.get("op.openScreen", vm.name()), e.getMessage()));
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

    private static boolean isRemote(String uri) {
        return LibvirtUri.tryParse(uri).map(LibvirtUri::isRemote).orElse(false);
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("::1") || host.equals("localhost");
    }

    @Override
    public void close() {
        connecting.shutdownNow();
        ssh.close();
    }
}
