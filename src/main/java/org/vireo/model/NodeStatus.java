package org.vireo.model;

import java.util.Objects;

/**
 * A node's connection state with the reason behind it, if any.
 *
 * @param detail  why it failed or disconnected (libvirt's own words); empty otherwise
 * @param failure the kind of failure, for decisions; {@link NodeFailure#NONE} unless failed
 */
public record NodeStatus(NodeState state, String detail, NodeFailure failure) {
    public NodeStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        failure = failure == null ? (state == NodeState.FAILED ? NodeFailure.OTHER : NodeFailure.NONE) : failure;
    }

    /** A status whose failure, if any, is of no particular kind. */
    public NodeStatus(NodeState state, String detail) {
        this(state, detail, null);
    }

    public static NodeStatus of(NodeState state) {
        return new NodeStatus(state, "");
    }

    public static NodeStatus failed(NodeFailure failure, String detail) {
        return new NodeStatus(NodeState.FAILED, detail, failure);
    }
}
