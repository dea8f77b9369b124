package org.vireo.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

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
        try {
            URI uri = new URI(libvirtUri);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(scheme.endsWith("+ssh") || scheme.endsWith("+libssh") || scheme.endsWith("+libssh2")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String user = uri.getUserInfo() == null ? defaultUser : uri.getUserInfo();
            return Optional.of(new SshTarget(user, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 22, Optional.empty()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }

    /** The name host keys are stored under: "host" for port 22, "[host]:port" otherwise (OpenSSH's form). */
    String hostKeyName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
