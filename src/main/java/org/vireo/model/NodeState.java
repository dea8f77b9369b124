package org.vireo.model;

/** Where a node's connection stands. */
public enum NodeState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    FAILED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
