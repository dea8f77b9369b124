package org.vireo.bench;

import java.nio.file.Files;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * The benchmark's SSH server, in its own process so that its stream pumping (MINA polls the
 * shell's pipes) does not count towards the terminal's idle CPU. Prints its port, then serves
 * until its input closes.
 */
public final class BenchSshServer {

    public static void main(String[] args) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(Files.createTempDirectory("vireo-bench-sshd").resolve("hostkey")));
        server.setPasswordAuthenticator((u, p, s) -> true);
        server.setShellFactory(new ProcessShellFactory("/bin/sh", "/bin/sh"));
        server.start();
        System.out.println(server.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark goes away
        }
        server.stop(true);
    }
}
