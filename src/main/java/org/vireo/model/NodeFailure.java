package org.vireo.model;

/**
 * Why a node is not connected, as a kind rather than a sentence: what the window does about a
 * failure (warn about a host key, retry, ask again) is decided on this, never on libvirt's wording.
 */
public enum NodeFailure {
    /** Not failed. */
    NONE,
    /** The host's SSH key is not known and was not accepted. */
    HOST_KEY_UNKNOWN,
    /** The host's SSH key differs from the trusted one: nothing was sent to it. */
    HOST_KEY_CHANGED,
    /** The login or libvirt's authentication was refused or cancelled. */
    AUTH_REFUSED,
    /** The host, its SSH server or the daemon's socket could not be reached. */
    UNREACHABLE,
    /** The daemon was reached but stopped answering. */
    DAEMON_HUNG,
    /** Anything else; the detail says what. */
    OTHER;

    /**
     * Whether trying again by itself could help. A changed or refused host key and a refused login
     * stay so until the user acts: retrying would only ask again or warn again, every few seconds.
     */
    public boolean mayPassByItself() {
        return this != HOST_KEY_CHANGED && this != HOST_KEY_UNKNOWN && this != AUTH_REFUSED;
    }
}
