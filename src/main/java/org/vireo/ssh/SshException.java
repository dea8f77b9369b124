package org.vireo.ssh;

/** An SSH login or channel failed; the message says why in plain words. */
public final class SshException extends Exception {

    /** True when the host's key changed: nothing was sent to it, and the user must be warned. */
    private final boolean hostKeyChanged;

    SshException(String message, Throwable cause, boolean hostKeyChanged) {
        super(message, cause);
        this.hostKeyChanged = hostKeyChanged;
    }

    public boolean hostKeyChanged() {
        return hostKeyChanged;
    }
}
