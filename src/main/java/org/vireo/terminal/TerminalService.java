package org.vireo.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vireo.model.ConsoleService;
import org.vireo.model.VmSummary;
import org.vireo.ssh.SshConnector;
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
            } catch (org.vireo.ssh.SshException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, connecting);
    }

    @Override
    public void close() {
        connecting.shutdownNow();
        ssh.close();
    }
}
