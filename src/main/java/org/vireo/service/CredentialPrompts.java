package org.vireo.service;

import java.util.Optional;

/**
 * libvirt's questions while it opens a connection (user names, passwords, key passphrases, SSH
 * host keys of its libssh transport), answered by the user in Vireo. Called on the node's
 * worker, which waits for the answer.
 */
public interface CredentialPrompts {

    enum Kind { USER_NAME, PASSWORD, PASSPHRASE, QUESTION }

    /** Empty when the user cancels: the connection then fails with libvirt's own message. */
    Optional<String> ask(String node, Kind kind, String prompt, String defaultAnswer);

    enum HostKeyAnswer { ACCEPT_ONCE, ACCEPT_ALWAYS, REFUSE }

    /**
     * libvirt's libssh transport met an unknown host key. A changed key never gets here:
     * libvirt refuses it.
     */
    HostKeyAnswer acceptHostKey(String node, String host, String sha256Fingerprint);
}
