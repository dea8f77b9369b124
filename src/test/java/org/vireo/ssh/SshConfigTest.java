package org.vireo.ssh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.LibvirtUri;
import org.vireo.testlab.AcceptingSshPrompts;
import org.vireo.testlab.TestOpenSsh;

/**
 * ~/.ssh/config is honoured as OpenSSH reads it: a Host alias with HostName, Port, User and an
 * IdentityFile that no default key name would find, and a ProxyJump through a second OpenSSH
 * server (both real sshd processes on 127.0.0.1).
 */
class SshConfigTest {

    @TempDir
    Path dir;

    @Test
    void anAliasWithItsIdentityFileAndAProxyJumpAreFollowed() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        TestOpenSsh.keygen(keys.resolve("host"), "");
        TestOpenSsh.keygen(keys.resolve("lab-only-key"), "");
        Files.copy(keys.resolve("lab-only-key.pub"), keys.resolve("authorized_keys"));
        try (TestOpenSsh target = TestOpenSsh.start(dir.resolve("target"), keys.resolve("host"), keys.resolve("authorized_keys"));
             TestOpenSsh jump = TestOpenSsh.start(dir.resolve("jump"), keys.resolve("host"), keys.resolve("authorized_keys"))) {
            Path sshDir = Files.createDirectories(dir.resolve("home/.ssh"));
            Files.writeString(sshDir.resolve("config"), String.join("\n",
                    "Host lab-alias",
                    "    HostName 127.0.0.1",
                    "    Port " + target.port(),
                    "    User root",
                    "    IdentityFile " + keys.resolve("lab-only-key"),
                    "Host behind-jump",
                    "    HostName 127.0.0.1",
                    "    Port " + target.port(),
                    "    User root",
                    "    IdentityFile " + keys.resolve("lab-only-key"),
                    "    ProxyJump jumpbox",
                    "Host jumpbox",
                    "    HostName 127.0.0.1",
                    "    Port " + jump.port(),
                    "    User root",
                    "    IdentityFile " + keys.resolve("lab-only-key"),
                    ""));
            try (SshConnector ssh = new SshConnector(sshDir, dir.resolve("vireo_known_hosts"), Optional.empty(),
                    new AcceptingSshPrompts(Optional.empty()))) {
                // The node of qemu+ssh://lab-alias/system: no user, no port in the URI; the config supplies them.
                SshTarget alias = SshTarget.nodeOf(LibvirtUri.parse("qemu+ssh://lab-alias/system"));
                assertTrue(answers(ssh, alias, "alias"), "logged in through the alias with its IdentityFile");

                assertTrue(answers(ssh, new SshTarget("", "behind-jump", 22, Optional.empty()), "jumped"), "logged in behind the jump host");
                String jumpLog = Files.readString(dir.resolve("jump/sshd-" + jump.port() + ".log"));
                assertTrue(jumpLog.contains("Accepted publickey for root"), "the jump host carried the login: " + jumpLog);
            }
        }
    }

    /** Runs {@code echo WORD-$((6*7))} in a shell on {@code target} and waits for WORD-42. */
    private static boolean answers(SshConnector ssh, SshTarget target, String word) throws Exception {
        try (SshShell shell = ssh.openShell(target, 80, 24)) {
            shell.output().write(("echo " + word + "-$((6*7))\n").getBytes(StandardCharsets.UTF_8));
            shell.output().flush();
            StringBuilder seen = new StringBuilder();
            InputStream in = shell.input();
            long deadline = System.nanoTime() + 15_000_000_000L;
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < deadline) {
                if (in.available() > 0) {
                    int n = in.read(buffer);
                    seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (seen.indexOf(word + "-42") >= 0) {
                        return true;
                    }
                } else {
                    Thread.sleep(20);
                }
            }
            return false;
        }
    }
}
