package org.vireo.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.OperationException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.ssh.SshConnector;
import org.vireo.terminal.TerminalService.ExternalViewer;
import org.vireo.testlab.AcceptingSshPrompts;
import org.vireo.testlab.FakeRemoteViewer;

/**
 * Starting remote-viewer for a display on this machine or a non-SSH node: what its connection
 * file says, that only this user could read it and that it is gone afterwards, and what is said
 * when the viewer is missing or the display cannot be reached. The SSH-forwarded case, against a
 * real SPICE server, is in {@link RemoteGraphicsTest}.
 */
class ViewerLauncherTest {

    @TempDir
    Path dir;

    private final VmSummary vm = new VmSummary("n", "u", "spicy vm", VmState.RUNNING, 1, 1, true, false, List.of());
    private SshConnector ssh;

    private SshConnector ssh() {
        ssh = new SshConnector(dir.resolve("ssh"), dir.resolve("known_hosts"), Optional.empty(), new AcceptingSshPrompts(Optional.empty()));
        return ssh;
    }

    @AfterEach
    void closeSsh() {
        if (ssh != null) {
            ssh.close();
        }
    }

    @Test
    void theConnectionFileNamesTheDisplayHoldsThePasswordAndIsGoneAfterwards() throws Exception {
        Path bin = dir.resolve("bin");
        FakeRemoteViewer.install(bin);
        ViewerLauncher launcher = new ViewerLauncher(ssh(), bin.toString());
        ExternalViewer viewer;
        ExternalViewer.Exit exit;
        try (ServerSocket display = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerLikeSpice(display));
            server.setDaemon(true);
            server.start();
            viewer = launcher.start(vm, "qemu:///system", new GraphicsEndpoint(GraphicsEndpoint.Protocol.SPICE,
                    "127.0.0.1", display.getLocalPort(), Optional.empty(), Optional.of("p\\w\nx")), launcher.program().orElseThrow());
            exit = viewer.exited().get(60, TimeUnit.SECONDS);
        }
        assertEquals(0, exit.code(), exit.lastLine());
        FakeRemoteViewer.Record record = FakeRemoteViewer.recorded(bin).orElseThrow();
        assertEquals("[virt-viewer]\ntype=spice\nhost=127.0.0.1\nport=" + record.value("port").orElseThrow()
                + "\npassword=p\\\\w\\nx\ntitle=spicy vm\ndelete-this-file=1\n", record.text());
        assertEquals("REDQ", record.greeting(), "the viewer reached the display");
        assertEquals("rw-------", record.mode(), "only this user could read the password");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record.file().getParent())));
        assertFalse(Files.exists(record.file()), "the connection file is deleted once the viewer has read it");
        assertFalse(viewer.tunnelled());
    }

    /** Accepts the probe and then the viewer; to the viewer's link message it answers with SPICE's magic. */
    private static void answerLikeSpice(ServerSocket display) {
        while (!display.isClosed()) {
            try (Socket client = display.accept()) {
                byte[] link = new byte[34];
                if (client.getInputStream().readNBytes(link, 0, link.length) == link.length) {
                    client.getOutputStream().write("REDQ".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void aDisplayThatDoesNotAnswerIsSaidBeforeAnyViewerStarts() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String why = refusal("qemu:///system",
                new GraphicsEndpoint(GraphicsEndpoint.Protocol.SPICE, "127.0.0.1", port, Optional.empty(), Optional.empty()));
        assertTrue(why.startsWith("Its display at 127.0.0.1:" + port + " does not answer"), why);
    }

    /** Why the launcher refused {@code endpoint} on {@code nodeUri}, having started no viewer and left no file. */
    private String refusal(String nodeUri, GraphicsEndpoint endpoint) throws IOException {
        Path bin = dir.resolve("bin");
        FakeRemoteViewer.install(bin);
        ViewerLauncher launcher = new ViewerLauncher(ssh(), bin.toString());
        OperationException refused = assertThrows(OperationException.class, () -> launcher.start(vm, nodeUri, endpoint,
                launcher.program().orElseThrow()));
        assertEquals("open spicy vm in an external viewer", refused.getMessage());
        assertFalse(FakeRemoteViewer.recorded(bin).isPresent(), "no viewer was started");
        try (var left = Files.list(ssh.privateDirectory())) {
            assertEquals(List.of(), left.toList(), "no connection file left behind");
        }
        return refused.detail();
    }

    @Test
    void aMissingViewerNamesThePackageToInstall() {
        try (TerminalService service = new TerminalService(ssh(), null, dir.resolve("empty").toString())) {
            ExecutionException missing = assertThrows(ExecutionException.class, () -> service.openViewer(vm, "qemu:///system").get());
            OperationException why = (OperationException) missing.getCause();
            assertEquals("open spicy vm in an external viewer", why.getMessage());
            assertTrue(why.detail().startsWith("remote-viewer is not installed here. Install the package virt-viewer"), why.detail());
        }
    }

    @Test
    void aDisplayOnTheLoopbackOfANodeReachedWithoutSshIsRefusedAndLeavesNothing() throws Exception {
        String why = refusal("qemu+tcp://far/system",
                new GraphicsEndpoint(GraphicsEndpoint.Protocol.SPICE, "127.0.0.1", 5930, Optional.empty(), Optional.of("secret")));
        assertTrue(why.contains("listens only on the node's loopback"), why);
    }

    @Test
    void aVncDisplayOnAnSshNodeIsLeftToTheScreenTab() throws Exception {
        String why = refusal("qemu+ssh://root@far/system", new GraphicsEndpoint("127.0.0.1", 5900, Optional.empty()));
        assertTrue(why.contains("Open it with Open graphical console"), why);
    }

    @Test
    void valuesAreEscapedAsGlibKeyFilesReadThem() {
        assertEquals("\\slead in\\\\x\\ty\\r\\n", ViewerLauncher.keyFileValue(" lead in\\x\ty\r\n"));
    }
}
