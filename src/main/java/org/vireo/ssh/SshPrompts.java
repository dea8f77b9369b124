package org.vireo.ssh;

import java.util.Optional;

/**
 * The questions an SSH login may need answered. Called on an SSH worker thread, which waits for
 * the answer; the UI answers them in dialogs on the FX thread.
 */
public interface SshPrompts {

    enum HostKeyAnswer { ACCEPT_ONCE, ACCEPT_ALWAYS, REFUSE }

    /** First contact: an unknown host key, shown by its SHA-256 fingerprint. */
    HostKeyAnswer unknownHostKey(String host, String keyType, String sha256Fingerprint);

    /** The host's key differs from the one on record: the login is refused; this only tells the user. */
    void changedHostKey(String host, String keyType, String sha256Fingerprint);

    /** A password for {@code target}; empty when the user cancels. Never stored. */
    Optional<char[]> password(String target);

    /** The passphrase of a key file; empty when the user cancels. */
    Optional<char[]> passphrase(String keyFile);
}
