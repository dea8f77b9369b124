package org.vireo.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.OperationException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshNodeTunnels;
import org.vireo.terminal.TerminalService.ExternalViewer;
import org.vireo.testlab.AcceptingSshPrompts;
import org.vireo.testlab.FakeRemoteViewer;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.RfbFrames;
import org.vireo.testlab.Virsh;

/**
 * The screen of a guest on a remote lab node (its own network namespace): its VNC display
 * listens on the node's loopback, which only an SSH tunnel through the node reaches. Vireo
 * tunnels over the node's SSH session; without SSH it says why it cannot. A SPICE display goes to
 * the external viewer (a fake that records what it was given) through a private UNIX socket.
 */
class RemoteGraphicsTest {

    @TempDir
    Path dir;

    /**
     * With an SSH node connected and its screen open, this process listens on no TCP port, and the
     * UNIX socket that carries libvirt refuses another local user: the attack that worked while the
     * forwards listened on 127.0.0.1 (any user driving the node with the SSH user's rights) fails.
     */
    private static void nobodyElseGetsIn() throws Exception {
        String pid = "pid=" + ProcessHandle.current().pid() + ",";
        List<String> tcp = run("ss", "-ltnpH").stream().filter(l -> l.contains(pid)).toList();
        assertEquals(List.of(), tcp, "TCP ports this process listens on");
        List<String> all = run("ss", "-xlpnH");
        List<String> sockets = all.stream().filter(l -> l.contains(pid) && l.contains("/libvirt-")).toList();
        assertEquals(1, sockets.size(), "the node's libvirt socket forward: " + all.stream().filter(l -> l.contains(pid)).toList());
        String path = sockets.get(0).split("\\s+")[4];
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path).getParent())));
        List<String> attack = run("runuser", "-u", "nobody", "--", "virsh", "-c", "qemu+unix:///system?socket=" + path, "list", "--all");
        assertTrue(String.join("\n", attack).contains("Permission denied"), "another user is refused: " + attack);
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor(30, TimeUnit.SECONDS);
        return lines;
    }

    @Test
    void aRemoteScreenComesThroughTheNodesSshSession() throws Exception {
        try (RemoteLab lab = RemoteLab.up(dir.resolve("lab"), 1)) {
            String address = lab.address(1);
            String tcp = "qemu+tcp://" + address + "/system";
            Path xml = Files.writeString(dir.resolve("far.xml"), "<domain type='qemu'><name>far-vm</name>"
                    + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type>"
                    + "<bootmenu enable='yes' timeout='60000'/></os><devices>"
                    + "<graphics type='vnc' autoport='yes' listen='127.0.0.1'/></devices></domain>");
            // As virt-manager makes them: SPICE with a password, QXL video.
            Path spiceXml = Files.writeString(dir.resolve("spicy.xml"), "<domain type='qemu'><name>spicy-vm</name>"
                    + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type>"
                    + "<bootmenu enable='yes' timeout='60000'/></os><devices>"
                    + "<graphics type='spice' autoport='yes' listen='127.0.0.1' passwd='sp1ce'/><video><model type='qxl'/></video>"
                    + "</devices></domain>");
            Virsh.run(tcp, "define", xml.toString());
            Virsh.run(tcp, "start", "far-vm");
            Virsh.run(tcp, "define", spiceXml.toString());
            Virsh.run(tcp, "start", "spicy-vm");
            String uuid = Virsh.run(tcp, "domuuid", "far-vm").get(0).strip();
            VmSummary vm = new VmSummary("far", uuid, "far-vm", VmState.RUNNING, 1, 64L << 20, true, false, List.of());
            VmSummary spicy = new VmSummary("far", Virsh.run(tcp, "domuuid", "spicy-vm").get(0).strip(), "spicy-vm", VmState.RUNNING,
                    1, 64L << 20, true, false, List.of());
            Path bin = FakeRemoteViewer.install(dir.resolve("bin")).getParent();
            String sshUri = "qemu+libssh://root@" + address + "/system?keyfile=" + lab.sshKey() + "&known_hosts="
                    + dir.resolve("libvirt_known_hosts") + "&known_hosts_verify=auto&sshauth=privkey";

            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            SshConnector ssh = new SshConnector(lab.sshKey().getParent(), dir.resolve("known_hosts"), Optional.empty(), new AcceptingSshPrompts(Optional.empty()));
            fleet.setNodeTunnels(new SshNodeTunnels(ssh));   // as the window does: libvirt too rides the node's SSH session
            try (TerminalService service = new TerminalService(ssh, fleet, bin.toString())) {
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(new NodeRef("far", "node1", sshUri), Duration.ofSeconds(30)).state());
                TerminalService.GraphicsConnection screen = service.openGraphics(vm, sshUri).get(60, TimeUnit.SECONDS);
                try {
                    assertTrue(RfbFrames.start(screen.client()).awaitFirst(30), "a frame came through the tunnel");
                    assertEquals(720, screen.client().framebuffer().width(), "QEMU's VGA text screen");
                    nobodyElseGetsIn();
                } finally {
                    screen.close();
                }

                // A SPICE-only VM in the external viewer: its display through the node's session to a private UNIX socket.
                ExternalViewer viewer = service.openViewer(spicy, sshUri).get(60, TimeUnit.SECONDS);
                assertTrue(viewer.tunnelled());
                ExternalViewer.Exit exit = viewer.exited().get(60, TimeUnit.SECONDS);
                FakeRemoteViewer.Record seen = FakeRemoteViewer.recorded(bin).orElseThrow(() -> new AssertionError(exit));
                assertEquals("REDQ", seen.greeting(), "the SPICE server's greeting came through the forward: " + seen.text());
                assertEquals(Optional.of("sp1ce"), seen.value("password"), "the password from the XML");
                assertEquals(Optional.of("spice"), seen.value("type"));
                Path socket = Path.of(seen.value("unix-path").orElseThrow());
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
                assertEquals("rw-------", seen.mode());
                assertFalse(Files.exists(seen.file()), "the connection file is gone");
                assertFalse(Files.exists(socket), "the forward ends with the viewer");
                assertEquals(Optional.empty(), seen.value("host"), "no TCP address: " + seen.text());

                // Over plain TCP there is no tunnel, and the node's loopback is out of reach: said so.
                fleet.connectAndWait(new NodeRef("far", "node1", tcp), Duration.ofSeconds(30));
                ExecutionException direct = Assertions.assertThrows(ExecutionException.class,
                        () -> service.openGraphics(vm, tcp).get(30, TimeUnit.SECONDS));
                assertTrue(direct.getCause().getMessage().contains("open the screen of far-vm")
                        && ((OperationException) direct.getCause()).detail().contains("listens only on the node's loopback"),
                        direct.getCause() + " / " + ((OperationException) direct.getCause()).detail());
            } finally {
                fleet.close();
            }
        }
    }
}
