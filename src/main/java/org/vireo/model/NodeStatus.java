package org.vireo.model;

import java.util.Objects;

/**
 * A node's connection state with the reason behind it, if any.
 *
 * @param detail why it failed or disconnected (libvirt's own words); empty otherwise
 */
public record NodeStatus(NodeState state, String detail) {
    public NodeStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    public static NodeStatus of(NodeState state) {
        return new NodeStatus(state, "");
    }
}
