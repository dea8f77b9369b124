package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the host pane advises for each kind of failure: the exact commands an admin would type. */
class NodeAdviceTest {

    private static List<String> commands(String uri, NodeStatus status) {
        return NodeAdvice.forStatus(uri, status, "/home/u/.local/share/vireo/known_hosts").stream()
                .map(NodeAdvice::command).filter(c -> !c.isEmpty()).toList();
    }

    @Test
    void aLocalSocketMissingOrRefused() {
        assertEquals(List.of("sudo systemctl enable --now libvirtd", "sudo systemctl enable --now virtqemud.socket"),
                commands("qemu:///system", NodeStatus.failed(NodeFailure.UNREACHABLE,
                        "Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory")));
        assertEquals(List.of("sudo usermod -aG libvirt $USER"), commands("qemu:///system", NodeStatus.failed(NodeFailure.UNREACHABLE,
                "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied")));
    }

    @Test
    void anSshNodeWithItsUserAndPort() {
        assertEquals(List.of("ssh -p 2222 root@lab", "ssh -p 2222 root@lab virsh -c qemu:///system list"),
                commands("qemu+ssh://root@lab:2222/system", NodeStatus.reconnecting(3, NodeFailure.UNREACHABLE, "no route to host")));
        assertEquals(List.of("ssh-keygen -R '[lab]:2222'", "ssh-keygen -R '[lab]:2222' -f '/home/u/.local/share/vireo/known_hosts'"),
                commands("qemu+ssh://root@lab:2222/system", NodeStatus.failed(NodeFailure.HOST_KEY_CHANGED, "changed")));
        assertEquals(List.of("ssh-add -l", "ssh admin@lab"),
                commands("qemu+ssh://admin@lab/system", NodeStatus.failed(NodeFailure.AUTH_REFUSED, "refused")));
    }

    @Test
    void reconnectingSaysItKeepsTryingAndConnectedNeedsNothing() {
        List<NodeAdvice> advice = NodeAdvice.forStatus("qemu+tcp://lab/system",
                NodeStatus.reconnecting(2, NodeFailure.UNREACHABLE, "refused"), null);
        assertTrue(advice.get(advice.size() - 1).text().contains("keeps trying"), advice.toString());
        assertEquals(List.of(), NodeAdvice.forStatus("test:///default", NodeStatus.of(NodeState.CONNECTED), null));
    }
}
