package org.vireo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to try when a node is not connected, from the kind of failure and the URI: the few steps an
 * admin would take first, each with the exact command where there is one. Decided on
 * {@link NodeFailure} and the URI, and on libvirt's wording only to tell a refused socket from a
 * missing one.
 *
 * @param text    one step in plain words
 * @param command the command to run for it, to copy; empty when the step is an action in Vireo
 */
public record NodeAdvice(String text, String command) {

    /**
     * @param vireoKnownHosts Vireo's own known_hosts file (keys accepted in its dialogs), for the
     *                        command that forgets a changed key; null when not known
     */
    public static List<NodeAdvice> forStatus(String uriText, NodeStatus status, String vireoKnownHosts) {
        List<NodeAdvice> advice = new ArrayList<>();
        Optional<LibvirtUri> parsed = LibvirtUri.tryParse(uriText);
        String detail = status.detail().toLowerCase(Locale.ROOT);
        switch (status.state()) {
            case DISCONNECTED -> advice.add(step("node.advice.disconnected", ""));
            case FAILED, RECONNECTING -> {
                if (parsed.isEmpty()) {
                    advice.add(step("node.advice.badUri", ""));
                    return advice;
                }
                LibvirtUri uri = parsed.get();
                String login = uri.user().isEmpty() ? uri.host() : uri.user() + "@" + uri.host();
                String sshLogin = uri.sshPort() == 22 ? login : "-p " + uri.sshPort() + " " + login;
                switch (status.failure()) {
                    case UNREACHABLE -> {
                        if (uri.isLocalSocket() && !uri.driver().equals("test")) {
                            if (detail.contains("permission denied")) {
                                advice.add(step("node.advice.group", "sudo usermod -aG libvirt $USER"));
                            } else {
                                advice.add(step("node.advice.daemon", "sudo systemctl enable --now libvirtd"));
                                advice.add(step("node.advice.modular", "sudo systemctl enable --now virtqemud.socket"));
                            }
                        } else if (uri.reachedOverSsh()) {
                            advice.add(step("node.advice.reachSsh", "ssh " + sshLogin));
                            advice.add(step("node.advice.remoteDaemon", "ssh " + sshLogin + " virsh -c " + remoteSide(uri) + " list"));
                        } else if (uri.isRemote()) {
                            advice.add(step("node.advice.reachTcp", ""));
                        }
                    }
                    case HOST_KEY_CHANGED -> {
                        String host = uri.sshPort() == 22 ? uri.host() : "[" + uri.host() + "]:" + uri.sshPort();
                        advice.add(step("node.advice.hostKeyChanged", "ssh-keygen -R '" + host + "'"));
                        if (vireoKnownHosts != null) {
                            advice.add(step("node.advice.hostKeyVireo", "ssh-keygen -R '" + host + "' -f '" + vireoKnownHosts + "'"));
                        }
                    }
                    case HOST_KEY_UNKNOWN -> advice.add(step("node.advice.hostKeyUnknown", ""));
                    case AUTH_REFUSED -> {
                        advice.add(step("node.advice.auth", "ssh-add -l"));
                        if (uri.reachedOverSsh()) {
                            advice.add(step("node.advice.authTry", "ssh " + sshLogin));
                        }
                    }
                    case DAEMON_HUNG -> advice.add(step("node.advice.hung", uri.reachedOverSsh()
                            ? "ssh " + sshLogin + " systemctl status libvirtd" : "systemctl status libvirtd"));
                    default -> {
                        // No particular kind: libvirt's own words above say what, the generic step below what to do.
                    }
                }
                advice.add(step(status.state() == NodeState.RECONNECTING ? "node.advice.retrying" : "node.advice.retry", ""));
            }
            default -> {
                // Connected or connecting: nothing to try.
            }
        }
        return advice;
    }

    /** The URI the node's own virsh would use: the same driver and path, on that machine. */
    private static String remoteSide(LibvirtUri uri) {
        return uri.driver() + "://" + (uri.path().isEmpty() ? "/system" : uri.path());
    }

    private static NodeAdvice step(String key, String command) {
        return new NodeAdvice(Texts.get(key), command);
    }
}
