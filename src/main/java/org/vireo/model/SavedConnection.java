package org.vireo.model;

import java.time.Instant;
import java.util.Optional;

/** A connection the user keeps across runs. */
public record SavedConnection(long id, String name, String uri, boolean autoconnect, Instant created,
                              Optional<Instant> lastConnected) {

    public NodeRef toNodeRef() {
        return new NodeRef("conn-" + id, name, uri);
    }
}
