package org.vireo.ssh;

import org.vireo.model.NodeFailure;

/** An SSH login or channel failed; the message says why in plain words. */
public final class SshException extends Exception {

    private final NodeFailure failure;

    SshException(String message, Throwable cause, NodeFailure failure) {
        super(message, cause);
        this.failure = failure;
    }

    /** What kind of failure: a changed host key means nothing was sent, and the user must be warned. */
    public NodeFailure failure() {
        return failure;
    }

    public boolean hostKeyChanged() {
        return failure == NodeFailure.HOST_KEY_CHANGED;
    }
}
