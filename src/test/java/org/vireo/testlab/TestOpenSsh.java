package org.vireo.testlab;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 (the Debian package openssh-server), with its own host key
 * and authorized keys in a test directory. libvirt's libssh transport logs in through it.
 */
public final class TestOpenSsh implements AutoCloseable {

    private final Process process;
    private final int port;

    private TestOpenSsh(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param hostKey an existing private host key file (generate one with {@link #keygen}) */
    public static TestOpenSsh start(Path dir, Path hostKey, Path authorizedKeys) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        return startOnPort(dir, hostKey, authorizedKeys, port);
    }

    public static TestOpenSsh startOnPort(Path dir, Path hostKey, Path authorizedKeys, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));   // privilege separation directory
        Path config = dir.resolve("sshd_config-" + port);
        Files.writeString(config, String.join("\n", "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd-" + port + ".pid"), "AuthorizedKeysFile " + authorizedKeys,
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
                "PermitRootLogin prohibit-password", ""));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return new TestOpenSsh(sshd, port);
            } catch (IOException notYet) {
                if (!sshd.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd-" + port + ".log")));
                }
                Thread.sleep(20);
            }
        }
    }

    /** ssh-keygen -t ed25519 into {@code file}, with a passphrase or none. */
    public static void keygen(Path file, String passphrase) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", file.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
