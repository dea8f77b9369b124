package org.vireo.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeRef;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.NodeTunnels;

/**
 * libvirt over Vireo's own SSH sessions: a node URI with an SSH transport ({@code qemu+ssh://},
 * {@code qemu+libssh://}, {@code test+ssh://} …) becomes {@code DRIVER+tcp://127.0.0.1:PORT/PATH} on
 * a local forward to the node's libvirt socket. Host keys, the agent, keys and passphrases are
 * handled as for the terminals, one session per node serves libvirt, guest shells and screens,
 * and libvirt's keepalive runs over plain TCP (its libssh transport crashes with keepalive).
 */
public final class SshNodeTunnels implements NodeTunnels {

    private static final String DEFAULT_SOCKET = "/var/run/libvirt/libvirt-sock";

    private final SshConnector ssh;
    private final Map<String, Path> forwards = new ConcurrentHashMap<>();

    public SshNodeTunnels(SshConnector ssh) {
        this.ssh = ssh;
    }

    @Override
    public Optional<String> localUri(NodeRef node) throws OperationException {
        LibvirtUri uri;
        try {
            uri = LibvirtUri.parse(node.uri());
        } catch (LibvirtUri.Invalid e) {
            // Said here rather than handed to libvirt, whose own ssh would bypass Vireo's host-key and login dialogs.
            throw new OperationException(Texts.get("op.connect", node.name()), e.getMessage());
        }
        if (!uri.reachedOverSsh()) {
            return Optional.empty();
        }
        SshTarget target = SshTarget.nodeOf(uri);
        String socket = uri.parameter("socket").orElse(DEFAULT_SOCKET);
        Optional<Path> keyFile = uri.parameter("keyfile").map(Path::of);
        try {
            // A forward made earlier lives as long as its session: reconnects reuse it.
            String key = target.label() + " " + socket;
            Path local = forwards.get(key);
            if (local == null || !ssh.isForwarding(local)) {
                if (local != null) {
                    ssh.cancelForward(local);
                }
                local = ssh.forwardSocket(target, keyFile, socket);
                forwards.put(key, local);
            }
            return Optional.of(uri.overUnixSocket(local.toString()));
        } catch (SshException e) {
            throw new OperationException(Texts.get("op.connect", node.name()), e.getMessage(), e.failure());
        }
    }

}
