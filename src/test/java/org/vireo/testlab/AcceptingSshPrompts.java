package org.vireo.testlab;

import java.util.Optional;
import org.vireo.ssh.SshPrompts;

/** SSH prompts for tests and benchmarks that run without dialogs: every host key accepted once, a fixed password. */
public final class AcceptingSshPrompts implements SshPrompts {

    private final Optional<String> password;

    public AcceptingSshPrompts(Optional<String> password) {
        this.password = password;
    }

    @Override
    public HostKeyAnswer unknownHostKey(String host, String keyType, String sha256Fingerprint) {
        return HostKeyAnswer.ACCEPT_ONCE;
    }

    @Override
    public void changedHostKey(String host, String keyType, String sha256Fingerprint) {
    }

    @Override
    public Optional<char[]> password(String target) {
        return password.map(String::toCharArray);
    }

    @Override
    public Optional<char[]> passphrase(String keyFile) {
        return Optional.empty();
    }
}
