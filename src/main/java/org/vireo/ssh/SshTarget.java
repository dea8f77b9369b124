package org.vireo.ssh;

import java.util.Optional;
import org.vireo.model.LibvirtUri;

/**
 * Where to log in: user@host:port, optionally through a jump host (the guest's node). An empty user
 * means "as ~/.ssh/config or the local user name says", as with ssh.
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
    public static Optional<SshTarget> jumpHostOf(String libvirtUri) {
        return LibvirtUri.tryParse(libvirtUri).filter(LibvirtUri::reachedOverSsh).map(SshTarget::nodeOf);
    }

    /**
     * The node of an SSH libvirt URI as an SSH target. Without a user in the URI the user is left
     * empty: ~/.ssh/config's User for the host decides, else the local user name, as with ssh.
     */
    public static SshTarget nodeOf(LibvirtUri uri) {
        return new SshTarget(uri.user(), uri.host(), uri.sshPort(), Optional.empty());
    }

    public String label() {
        return (user.isEmpty() ? "" : user + "@") + host + (port == 22 ? "" : ":" + port);
    }

    /** The name host keys are stored under: "host" for port 22, "[host]:port" otherwise (OpenSSH's form). */
    String hostKeyName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
