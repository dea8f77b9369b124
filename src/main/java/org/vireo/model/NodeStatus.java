package org.vireo.model;

import java.util.Objects;

/**
 * A node's connection state with the reason behind it, if any.
 *
 * @param detail  why it failed, disconnected or is reconnecting (libvirt's own words); empty otherwise
 * @param failure the kind of failure, for decisions; {@link NodeFailure#NONE} unless failed or reconnecting
 * @param attempt while reconnecting, how many tries have failed so far; 0 otherwise
 */
public record NodeStatus(NodeState state, String detail, NodeFailure failure, int attempt) {
    public NodeStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        failure = failure == null ? (state == NodeState.FAILED ? NodeFailure.OTHER : NodeFailure.NONE) : failure;
    }

    public NodeStatus(NodeState state, String detail, NodeFailure failure) {
        this(state, detail, failure, 0);
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

    /** Lost or not reached; tried again by itself. {@code attempt} counts the tries that failed since the loss (0: none yet). */
    public static NodeStatus reconnecting(int attempt, NodeFailure failure, String lastReason) {
        return new NodeStatus(NodeState.RECONNECTING, lastReason, failure, attempt);
    }
}
