package org.vireo.terminal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.OperationException;
import org.vireo.model.PrivateFiles;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshException;
import org.vireo.ssh.SshTarget;
import org.vireo.terminal.TerminalService.ExternalViewer;

/**
 * Starts virt-viewer's {@code remote-viewer} on a VM's display. Its connection file (virt-viewer's
 * {@code .vv} key file) names the display and carries the password from the domain XML, so the
 * password is never on a command line; the file is 0600 in this user's private directory and
 * deleted as soon as the viewer has read it: when its first connection arrives, when it exits, or
 * after {@link #FILE_LIFETIME_SECONDS} at the latest (the viewer also deletes it itself, told to by
 * {@code delete-this-file}). An SSH node's display reaches the viewer through a UNIX socket beside
 * it, forwarded over the node's shared session, so no TCP port is opened here.
 */
final class ViewerLauncher implements AutoCloseable {

    static final String PROGRAM = "remote-viewer";
    private static final long FILE_LIFETIME_SECONDS = 30;
    private static final int PROBE_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ViewerLauncher.class);
    private static final AtomicInteger FILES = new AtomicInteger();

    private final SshConnector ssh;
    private final String searchPath;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** @param searchPath where {@value #PROGRAM} is looked for, as in $PATH */
    ViewerLauncher(SshConnector ssh, String searchPath) {
        this.ssh = ssh;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** The viewer program on the search path, if it is installed. */
    Optional<Path> program() {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, PROGRAM);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code program} (the viewer {@link #program} found) on {@code endpoint}, a display of {@code vm} on the node
     * {@code nodeUri}. Blocks briefly (SSH, a file).
     */
    ExternalViewer start(VmSummary vm, String nodeUri, GraphicsEndpoint endpoint, Path program) {
        String operation = Texts.get("op.openViewer", vm.name());
        Optional<SshTarget> node = SshTarget.jumpHostOf(nodeUri);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("type", endpoint.protocol().scheme());
        Path forward = null;
        Path file = null;
        try {
            if (node.isPresent() && endpoint.protocol() == GraphicsEndpoint.Protocol.VNC) {
                // remote-viewer (11) opens VNC only on a host and port, never a UNIX socket: no private forward would do.
                throw new OperationException(operation, Texts.get("viewer.vncOverSsh", vm.name()));
            }
            if (node.isPresent()) {
                if (endpoint.socket().isEmpty()) {
                    ssh.openStream(node.get(), endpoint.host(), endpoint.port()).close();   // answers, or says why not
                }
                forward = ssh.forwardDisplay(node.get(), endpoint.socket(), endpoint.host(), endpoint.port());
                entries.put("unix-path", forward.toString());
            } else if (TerminalService.isRemote(nodeUri) && (endpoint.socket().isPresent() || TerminalService.isLoopback(endpoint.host()))) {
                throw new OperationException(operation, Texts.get("viewer.loopbackOnly"));
            } else if (endpoint.socket().isPresent()) {
                entries.put("unix-path", endpoint.socket().get());
            } else {
                answers(endpoint, operation);
                entries.put("host", endpoint.host());
                entries.put("port", Integer.toString(endpoint.port()));
            }
            endpoint.password().ifPresent(password -> entries.put("password", password));
            entries.put("title", vm.name());
            entries.put("delete-this-file", "1");
            file = connectionFile(entries);
            Process process = new ProcessBuilder(program.toString(), file.toString()).redirectErrorStream(true).start();
            running.add(process);
            ExternalViewer viewer = new ExternalViewer(endpoint.protocol(), forward != null, new CompletableFuture<>());
            watch(vm, process, forward, file, viewer);
            LOG.info("Started {} for {} ({}{})", PROGRAM, vm.name(), endpoint.protocol(), forward != null ? ", through " + node.get().label() : "");
            return viewer;
        } catch (SshException | IOException e) {
            cleanUp(forward, file);
            throw new OperationException(operation, e instanceof IOException ? Texts.get("viewer.failed", e.getMessage()) : e.getMessage());
        } catch (RuntimeException e) {
            cleanUp(forward, file);
            throw e;
        }
    }

    /** The viewer's own "unable to connect" names only its connection file: a display that does not answer is said here. */
    private static void answers(GraphicsEndpoint endpoint, String operation) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), PROBE_MILLIS);
        } catch (IOException e) {
            throw new OperationException(operation, Texts.get("viewer.noAnswer", endpoint.host() + ":" + endpoint.port(), e.getMessage()));
        }
    }

    private void watch(VmSummary vm, Process process, Path forward, Path file, ExternalViewer viewer) {
        AtomicReference<String> lastLine = new AtomicReference<>("");
        Thread output = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        lastLine.set(line.strip());
                        LOG.info("{} ({}): {}", PROGRAM, vm.name(), line.strip());
                    }
                }
            } catch (IOException e) {
                LOG.debug("Reading {}'s output ended", PROGRAM, e);
            }
        }, "viewer-output");
        output.setDaemon(true);
        output.start();
        if (forward != null) {
            ssh.firstClient(forward).thenRun(() -> delete(file));
        }
        CompletableFuture.delayedExecutor(FILE_LIFETIME_SECONDS, TimeUnit.SECONDS).execute(() -> delete(file));
        process.onExit().thenRun(() -> {
            try {
                output.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.remove(process);
            cleanUp(forward, file);
            LOG.info("{} for {} ended with status {}", PROGRAM, vm.name(), process.exitValue());
            viewer.exited().complete(new ExternalViewer.Exit(process.exitValue(), lastLine.get()));
        });
    }

    /** Writes virt-viewer's key file, 0600 from its first byte, in the private directory. */
    private Path connectionFile(Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder("[virt-viewer]\n");
        entries.forEach((key, value) -> text.append(key).append('=').append(keyFileValue(value)).append('\n'));
        Path file = PrivateFiles.file(ssh.privateDirectory().resolve("viewer-" + ProcessHandle.current().pid() + "-"
                + FILES.incrementAndGet() + ".vv"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A value as GLib's key files escape it, so a password or name with a newline or backslash reads back as written. */
    static String keyFileValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case ' ' -> escaped.append(i == 0 ? "\\s" : " ");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private void cleanUp(Path forward, Path file) {
        if (forward != null) {
            ssh.cancelForward(forward);
        }
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the viewer's connection file {}: {}", file, e.getMessage());
            }
        }
    }

    /** Ends the viewers still open: their displays' forwards end with this process anyway. */
    @Override
    public void close() {
        running.forEach(Process::destroy);
    }
}
