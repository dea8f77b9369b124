package org.vireo.ssh;

import java.util.Optional;
import org.vireo.model.LibvirtUri;

/**
 * Where to log in: user@host:port, optionally through a jump host (the guest's node).
 */
public record SshTarget(String user, String host, int port, Optional<SshTarget> jump) {

    public SshTarget {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        jump = jump == null ? Optional.empty() : jump;
    }

    /**
     * The node of a remote libvirt URI as a jump host ({@code qemu+ssh://user@host:port/system}),
     * or empty for local and non-SSH transports.
     */
    public static Optional<SshTarget> jumpHostOf(String libvirtUri, String defaultUser) {
        return LibvirtUri.tryParse(libvirtUri).filter(LibvirtUri::reachedOverSsh).map(uri -> nodeOf(uri, defaultUser));
    }

    /** The node of an SSH libvirt URI as an SSH target: its user (or {@code defaultUser}), host and port. */
    public static SshTarget nodeOf(LibvirtUri uri, String defaultUser) {
        return new SshTarget(uri.user().isEmpty() ? defaultUser : uri.user(), uri.host(), uri.sshPort(), Optional.empty());
    }

    public String label() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }

    /** The name host keys are stored under: "host" for port 22, "[host]:port" otherwise (OpenSSH's form). */
    String hostKeyName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
