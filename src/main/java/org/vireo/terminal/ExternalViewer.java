package org.vireo.terminal;

import java.util.concurrent.CompletableFuture;
import org.vireo.model.GraphicsEndpoint;

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
