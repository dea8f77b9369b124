package org.vireo.service;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.VmSummary;

/** Serial consoles of VMs, through libvirt's console stream (works for guests without a network). */
public interface ConsoleService {

    /** A live console: bytes from the guest's serial port, bytes to it. */
    interface ConsoleSession extends AutoCloseable {
        InputStream input();

        OutputStream output();

        boolean isOpen();

        @Override
        void close();
    }

    /**
     * Opens the VM's first console, refusing (with an {@link OperationException} in plain words)
     * when another client already holds it: one user at a time.
     */
    CompletableFuture<ConsoleSession> openConsole(VmSummary vm);

    /**
     * The VNC display of a running VM, read from its live XML. Fails with an
     * {@link OperationException} saying why and what would work when it has none, shows its
     * screen only over SPICE, listens on a UNIX socket, or is not running.
     */
    CompletableFuture<GraphicsEndpoint> graphics(VmSummary vm);

    /**
     * The display an external viewer should open, read from the running VM's live XML with its
     * password: SPICE when it has one, else VNC; a UNIX socket on the node is allowed.
     */
    CompletableFuture<GraphicsEndpoint> viewerDisplay(VmSummary vm);
}
