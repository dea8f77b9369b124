package org.vireo.service;

import java.io.IOException;

/** The demo lab's node files: which nodes are its, and putting them back as shipped. */
public interface DemoLabFiles {

    /** Whether {@code uri} is one of the demo lab's nodes. */
    boolean isDemoNode(String uri);

    /** Writes every demo node file back as shipped (blocking: call off the FX thread, nodes disconnected). */
    void reset() throws IOException;
}
