package org.vireo.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshException;
import org.vireo.ssh.SshPrompts;
import org.vireo.ssh.SshTarget;
import org.vireo.testlab.TestSshServer;

/** SSH sessions against a real SSH server (MINA SSHD on 127.0.0.1): trust, logins, jump host, the byte stream. */
class SshTerminalTest {

    @TempDir
    Path home;

    /** Stands in for the user at the dialogs: answers as told, and records what was asked. */
    static final class ScriptedUser implements SshPrompts {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile HostKeyAnswer hostKeyAnswer = HostKeyAnswer.ACCEPT_ALWAYS;
        volatile String password = TestSshServer.PASSWORD;

        @Override
        public HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
            asked.add("unknown " + host + " " + keyType + " " + fingerprint);
            return hostKeyAnswer;
        }

        @Override
        public void changedHostKey(String host, String keyType, String fingerprint) {
            asked.add("changed " + host);
        }

        @Override
        public Optional<char[]> password(String target) {
            asked.add("password " + target);
            return Optional.ofNullable(password).map(String::toCharArray);
        }

        @Override
        public Optional<char[]> passphrase(String keyFile) {
            asked.add("passphrase");
            return Optional.empty();
        }
    }

    private SshConnector connector(ScriptedUser user) {
        return new SshConnector(home.resolve(".ssh"), home.resolve("vireo/known_hosts"), Optional.empty(), user);
    }

    @Test
    void keyLoginAsksAboutTheHostKeyOnceAndRemembersIt() throws Exception {
        Path sshDir = Files.createDirectories(home.resolve(".ssh"));
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 3072);
        pair.writePrivateKey(sshDir.resolve("id_rsa").toString());
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        pair.writePublicKey(pub, "vireo-test");
        PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(pub.toString(StandardCharsets.US_ASCII).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        try (TestSshServer server = TestSshServer.start(home.resolve("hostkey"), 0, clientKey)) {
            ScriptedUser user = new ScriptedUser();
            user.password = null;   // a password prompt would fail the login: the key must do
            SshTarget target = new SshTarget(TestSshServer.USER, "127.0.0.1", server.port(), Optional.empty());
            try (SshConnector ssh = connector(user)) {
                ssh.openShell(target, 80, 24).close();
            }
            assertEquals(1, user.asked.size(), user.asked.toString());
            assertTrue(user.asked.get(0).matches("unknown \\[127\\.0\\.0\\.1]:\\d+ \\S+ SHA256:[A-Za-z0-9+/]{43}"), user.asked.toString());
            assertTrue(Files.readString(home.resolve("vireo/known_hosts")).startsWith("[127.0.0.1]:" + server.port() + " "));

            ScriptedUser again = new ScriptedUser();
            try (SshConnector ssh = connector(again)) {
                ssh.openShell(target, 80, 24).close();
            }
            assertEquals(List.of(), again.asked, "a remembered key asks nothing");
        }
    }

    @Test
    void passwordLoginThroughThePromptAndAChangedKeyIsRefusedBeforeAnyPassword() throws Exception {
        Path keyA = home.resolve("hostkey-a");
        int port;
        ScriptedUser user = new ScriptedUser();
        try (TestSshServer server = TestSshServer.start(keyA, 0, null)) {
            port = server.port();
            try (SshConnector ssh = connector(user)) {
                ssh.openShell(new SshTarget(TestSshServer.USER, "127.0.0.1", port, Optional.empty()), 80, 24).close();
            }
        }
        assertEquals(2, user.asked.size(), user.asked.toString());
        assertTrue(user.asked.get(1).startsWith("password ada@127.0.0.1:" + port));

        // Same address, another host key: refused loudly, and no password is asked for.
        try (TestSshServer impostor = TestSshServer.start(home.resolve("hostkey-b"), port, null)) {
            ScriptedUser victim = new ScriptedUser();
            try (SshConnector ssh = connector(victim)) {
                SshException refused = Assertions.assertThrows(SshException.class,
                        () -> ssh.openShell(new SshTarget(TestSshServer.USER, "127.0.0.1", port, Optional.empty()), 80, 24));
                assertTrue(refused.hostKeyChanged());
                assertTrue(refused.getMessage().contains("CHANGED"), refused.getMessage());
            }
            assertEquals(List.of("changed [127.0.0.1]:" + port), victim.asked);
            assertEquals(List.of(), impostor.received(), "nothing reached the impostor's shell");
        }

        // A wrong password fails the login in plain words.
        try (TestSshServer server = TestSshServer.start(keyA, port, null)) {
            ScriptedUser wrong = new ScriptedUser();
            wrong.password = "nope";
            try (SshConnector ssh = connector(wrong)) {
                SshException failed = Assertions.assertThrows(SshException.class,
                        () -> ssh.openShell(new SshTarget(TestSshServer.USER, "127.0.0.1", port, Optional.empty()), 80, 24));
                assertTrue(failed.getMessage().startsWith("Login to ada@127.0.0.1"), failed.getMessage());
            }
        }
    }

    @Test
    void throughAJumpHostTheByteStreamResizeAndCtrlCReachTheShell() throws Exception {
        try (TestSshServer node = TestSshServer.start(home.resolve("node-key"), 0, null);
             TestSshServer guest = TestSshServer.start(home.resolve("guest-key"), 0, null)) {
            ScriptedUser user = new ScriptedUser();
            user.hostKeyAnswer = SshPrompts.HostKeyAnswer.ACCEPT_ONCE;
            SshTarget jump = new SshTarget(TestSshServer.USER, "127.0.0.1", node.port(), Optional.empty());
            SshTarget target = new SshTarget(TestSshServer.USER, "127.0.0.1", guest.port(), Optional.of(jump));
            try (TerminalService terminals = new TerminalService(connector(user), null)) {
                TtyConnector tty = terminals.openSsh(target, 100, 30).get(30, TimeUnit.SECONDS);
                assertEquals(List.of("127.0.0.1:" + guest.port()), node.forwardedTo(), "the guest was reached through the node");
                assertTrue(user.asked.stream().anyMatch(a -> a.startsWith("unknown [127.0.0.1]:" + guest.port())),
                        "the guest's key is checked under the guest's own name: " + user.asked);
                assertFalse(Files.exists(home.resolve("vireo/known_hosts")), "accept once remembers nothing on disk");

                tty.write("echo hello-from-vireo\r");
                String screen = readUntil(tty, "hello-from-vireo\r\n");
                assertTrue(screen.contains("hello-from-vireo\r\nhello-from-vireo\r\n"), screen);

                tty.resize(new TermSize(132, 43));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!guest.ptySizes().contains("132x43") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(List.of("100x30", "132x43"), guest.ptySizes());

                tty.write(new byte[] {3});
                readUntil(tty, "^C");
                assertTrue(guest.received().contains((byte) 3), "Ctrl+C arrives as byte 3");

                // A second tab on the same node shares its session: the node sees one more forward, no new login.
                int asked = user.asked.size();
                TtyConnector second = terminals.openSsh(target, 80, 24).get(30, TimeUnit.SECONDS);
                assertEquals(asked, user.asked.size(), "no new question: the sessions are shared");
                second.close();
                tty.close();
                assertFalse(tty.isConnected());
            }
        }
    }

    private static String readUntil(TtyConnector tty, String wanted) throws Exception {
        StringBuilder seen = new StringBuilder();
        char[] buffer = new char[1024];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.toString().contains(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw " + wanted + " in: " + seen);
            }
            if (tty.ready()) {
                int n = tty.read(buffer, 0, buffer.length);
                if (n > 0) {
                    seen.append(buffer, 0, n);
                }
            } else {
                Thread.sleep(10);
            }
        }
        return seen.toString();
    }

}
