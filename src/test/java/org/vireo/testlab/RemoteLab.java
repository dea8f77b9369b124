package org.vireo.testlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The project's remote-node lab ({@code scripts/lab}): nodes in network namespaces, driven from tests. */
public final class RemoteLab implements AutoCloseable {

    private final Path dir;
    private int withoutUefi;
    private boolean lan;

    private RemoteLab(Path dir) {
        this.dir = dir;
    }

    public static RemoteLab up(Path dir, int nodes) throws IOException, InterruptedException {
        return up(dir, nodes, 0);
    }

    /** The lab with node {@code withoutUefi} (1-based; 0 for none) seeing no UEFI firmware, as a node without ovmf. */
    public static RemoteLab up(Path dir, int nodes, int withoutUefi) throws IOException, InterruptedException {
        return up(dir, nodes, withoutUefi, false);
    }

    /** As above; with {@code lan}, guests bridged to "labbr" get an address on the lab's LAN, reachable from everywhere. */
    public static RemoteLab up(Path dir, int nodes, int withoutUefi, boolean lan) throws IOException, InterruptedException {
        RemoteLab lab = new RemoteLab(dir);
        lab.withoutUefi = withoutUefi;
        lab.lan = lan;
        try {
            lab.run("up", Integer.toString(nodes));
        } catch (RuntimeException | IOException e) {
            lab.close();   // nothing half-made stays behind
            throw e;
        }
        return lab;
    }

    /** node N's address: 10.77.0.(10+N). */
    public String address(int node) {
        return "10.77.0." + (10 + node);
    }

    /** The LAN address the lab's DHCP gave the guest NIC with {@code mac}, if it has one yet. */
    public Optional<String> lanAddress(String mac) throws IOException {
        Path leases = dir.resolve("lan.leases");
        if (!Files.exists(leases)) {
            return Optional.empty();
        }
        return Files.readAllLines(leases).stream().map(l -> l.split("\\s+")).filter(f -> f.length > 2 && f[1].equalsIgnoreCase(mac))
                .map(f -> f[2]).findFirst();
    }

    public Path sshKey() {
        return dir.resolve("id_ed25519");
    }

    /** Runs a command on a node over OpenSSH with the lab's key (its host key not kept): what it printed. */
    public String onNode(int node, String... command) throws IOException, InterruptedException {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-i", sshKey().toString(), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "root@" + address(node)));
        ssh.addAll(List.of(command));
        Process process = new ProcessBuilder(ssh).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " on node " + node + " failed: " + out);
        }
        return out;
    }

    public void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/lab"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VIREO_LAB_DIR", dir.toString());
        if (lan) {
            builder.environment().put("VIREO_LAB_LAN", "1");
        }
        if (withoutUefi > 0) {
            builder.environment().put("VIREO_LAB_NO_UEFI", Integer.toString(withoutUefi));
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("scripts/lab " + String.join(" ", args) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down");
    }
}
