package org.vireo.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Integer> forwards = new ConcurrentHashMap<>();

    public SshNodeTunnels(SshConnector ssh) {
        this.ssh = ssh;
    }

    @Override
    public Optional<String> localUri(NodeRef node) throws OperationException {
        URI uri;
        try {
            uri = new URI(node.uri());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        int plus = scheme.indexOf('+');
        String transport = plus < 0 ? "" : scheme.substring(plus + 1);
        if (!(transport.equals("ssh") || transport.startsWith("libssh")) || uri.getHost() == null) {
            return Optional.empty();
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = uri.getUserInfo() != null ? uri.getUserInfo() : System.getProperty("user.name", "root");
        SshTarget target = new SshTarget(user, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 22, Optional.empty());
        String socket = query.getOrDefault("socket", DEFAULT_SOCKET);
        Optional<Path> keyFile = Optional.ofNullable(query.get("keyfile")).map(Path::of);
        try {
            // A forward made earlier lives as long as its session: reconnects reuse it.
            String key = target.label() + " " + socket;
            Integer port = forwards.get(key);
            if (port == null || !ssh.isConnected(target)) {
                port = ssh.forwardSocket(target, keyFile, socket);
                forwards.put(key, port);
            }
            return Optional.of(scheme.substring(0, plus) + "+tcp://127.0.0.1:" + port + (uri.getPath() == null ? "" : uri.getPath()));
        } catch (SshException e) {
            throw new OperationException(Texts.get("op.connect", node.name()), e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
