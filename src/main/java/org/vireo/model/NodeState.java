package org.vireo.model;

import java.util.Locale;

/** Where a node's connection stands. */
public enum NodeState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    /** Lost or not reached, and tried again by itself every second or so: a calm state, not a failure. */
    RECONNECTING,
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a first try is known: connected, failed, or failed and being retried. */
    public boolean isSettled() {
        return this == CONNECTED || this == FAILED || this == RECONNECTING;
    }
}
