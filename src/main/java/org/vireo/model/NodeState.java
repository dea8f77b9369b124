package org.vireo.model;

import java.util.Locale;

/** Where a node's connection stands. */
public enum NodeState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
