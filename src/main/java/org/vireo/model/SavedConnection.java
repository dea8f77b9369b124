package org.vireo.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** A connection the user keeps across runs. */
public record SavedConnection(long id, String name, String uri, boolean autoconnect, Instant created,
                              Optional<Instant> lastConnected) {

    private static final String NODE_ID_PREFIX = "conn-";

    public NodeRef toNodeRef() {
        return new NodeRef(NODE_ID_PREFIX + id, name, uri);
    }

    /** The saved connection's id behind a node, if the node is a saved connection. */
    public static OptionalLong idOf(NodeRef node) {
        return node.id().startsWith(NODE_ID_PREFIX)
                ? OptionalLong.of(Long.parseLong(node.id().substring(NODE_ID_PREFIX.length())))
                : OptionalLong.empty();
    }
}
