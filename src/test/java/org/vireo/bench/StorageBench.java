package org.vireo.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;
import org.vireo.service.InventoryListener;
import org.vireo.service.LongJob;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshNodeTunnels;
import org.vireo.testlab.AcceptingSshPrompts;
import org.vireo.testlab.RemoteLab;

/**
 * Uploads and downloads of a 1 GiB file (random, and sparse with 10 % data) to a lab node over SSH:
 * Vireo's own path (libvirt streams over Vireo's SSH session, sparse-aware), {@code scp} to the same
 * node, and {@code virsh vol-upload}/{@code vol-download} over libvirt's ssh transport, plain and
 * {@code --sparse}. Prints MiB/s (of the file's size) and Vireo's ratios. Run: {@code bench/storage}.
 * Vireo's rows time the transfer until the volume (or local file) is whole, as the other tools' rows do; the
 * "+ SHA-256" rows until Vireo also shows the checksum, which the other tools do not compute.
 */
public final class StorageBench {

    private static final long SIZE = 1L << 30;
    private static final String IMAGES = "/var/lib/libvirt/images/";

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path dir = Files.createTempDirectory("vireo-storage-bench");
        Path random = dir.resolve("random.img");
        Path sparse = dir.resolve("sparse.img");
        writeRandom(random);
        writeSparse(sparse);
        try (RemoteLab lab = RemoteLab.up(dir.resolve("lab"), 1);
             SshConnector ssh = new SshConnector(Files.createDirectories(dir.resolve("ssh")), dir.resolve("known_hosts"),
                     Optional.empty(), new AcceptingSshPrompts(Optional.empty()))) {
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            fleet.setNodeTunnels(new SshNodeTunnels(ssh));
            NodeRef node = new NodeRef("bench", "bench node", "qemu+ssh://root@" + lab.address(1) + "/system?keyfile=" + lab.sshKey());
            CountDownLatch connected = new CountDownLatch(1);
            fleet.connect(node, new InventoryListener() {
                @Override
                public void nodeStatusChanged(NodeRef n, NodeStatus status) {
                    if (status.state() == NodeState.CONNECTED) {
                        connected.countDown();
                    }
                }

                @Override
                public void vmsReplaced(NodeRef n, List<VmSummary> vms) {
                }

                @Override
                public void vmsChanged(NodeRef n, List<VmSummary> changed, Collection<String> removedUuids) {
                }
            });
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the node did not connect over SSH");
            }
            // libvirt's ssh transport runs OpenSSH; this wrapper keeps the lab's throwaway host key out of ~/.ssh/known_hosts.
            Path sshWrapper = dir.resolve("ssh-no-known-hosts");
            Files.writeString(sshWrapper, "#!/bin/sh\nexec ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR \"$@\"\n");
            sshWrapper.toFile().setExecutable(true);
            String virshUri = "qemu+ssh://root@" + lab.address(1) + "/system?keyfile=" + lab.sshKey() + "&command=" + sshWrapper;
            List<String> sshOptions = List.of("-i", lab.sshKey().toString(), "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes");
            String target = "root@" + lab.address(1);

            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int r = 0; r < repeat; r++) {
                for (Path file : List.of(random, sparse)) {
                    String kind = file == random ? "random" : "sparse";
                    String vol = "bench-" + kind;
                    // Vireo's figure is the time until the volume (or file) is whole; "+ SHA-256" until its checksum is shown too.
                    LongJob[] job = new LongJob[1];
                    long upStart = System.nanoTime();
                    measure(rates, "upload " + kind + "  vireo", () -> {
                        job[0] = fleet.upload("bench", "lab-images", file, vol);
                        job[0].landed().get(10, TimeUnit.MINUTES);
                    });
                    job[0].result().get(10, TimeUnit.MINUTES);
                    rate(rates, "upload " + kind + "  vireo + SHA-256", upStart);
                    Path back = dir.resolve("back-" + kind);
                    long downStart = System.nanoTime();
                    measure(rates, "download " + kind + "  vireo", () -> {
                        job[0] = fleet.download("bench", IMAGES + vol, back);
                        job[0].landed().get(10, TimeUnit.MINUTES);
                    });
                    job[0].result().get(10, TimeUnit.MINUTES);
                    rate(rates, "download " + kind + "  vireo + SHA-256", downStart);
                    Files.delete(back);
                    run("virsh", "-q", "-c", virshUri, "vol-delete", "--pool", "lab-images", vol);

                    for (boolean sparseFlag : System.getenv("VIREO_ONLY") != null ? new boolean[0] : new boolean[] {false, true}) {
                        String how = sparseFlag ? "virsh --sparse" : "virsh";
                        run("virsh", "-q", "-c", virshUri, "vol-create-as", "lab-images", vol, Long.toString(SIZE), "--format", "raw");
                        measure(rates, "upload " + kind + "  " + how, () -> run(args("virsh", "-q", "-c", virshUri, "vol-upload",
                                "--pool", "lab-images", vol, file.toString(), sparseFlag ? "--sparse" : null)));
                        measure(rates, "download " + kind + "  " + how, () -> run(args("virsh", "-q", "-c", virshUri, "vol-download",
                                "--pool", "lab-images", vol, back.toString(), sparseFlag ? "--sparse" : null)));
                        Files.delete(back);
                        run("virsh", "-q", "-c", virshUri, "vol-delete", "--pool", "lab-images", vol);
                    }

                    List<String> up = new ArrayList<>(List.of("scp", "-q", "-O"));
                    up.addAll(sshOptions);
                    up.addAll(List.of(file.toString(), target + ":" + IMAGES + vol));
                    measure(rates, "upload " + kind + "  scp", () -> run(up.toArray(String[]::new)));
                    List<String> down = new ArrayList<>(List.of("scp", "-q", "-O"));
                    down.addAll(sshOptions);
                    down.addAll(List.of(target + ":" + IMAGES + vol, back.toString()));
                    measure(rates, "download " + kind + "  scp", () -> run(down.toArray(String[]::new)));
                    Files.delete(back);
                    lab.onNode(1, "rm", "-f", IMAGES + vol);
                }
            }
            print(rates);
            fleet.disconnect(node);
        } finally {
            Files.deleteIfExists(random);
            Files.deleteIfExists(sparse);
        }
        System.exit(0);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Client CPU seconds of each step: this process's own for Vireo, its reaped children's (scp, virsh and their ssh) for the others. */
    private static final Map<String, List<Double>> CPU = new LinkedHashMap<>();

    private static void measure(Map<String, List<Double>> rates, String what, Step step) throws Exception {
        double[] before = cpuSeconds();
        long start = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] after = cpuSeconds();
        rates.computeIfAbsent(what, k -> new ArrayList<>()).add(SIZE / (1024.0 * 1024.0) / seconds);
        CPU.computeIfAbsent(what, k -> new ArrayList<>()).add(what.endsWith("vireo") ? after[0] - before[0] : after[1] - before[1]);
    }

    private static void rate(Map<String, List<Double>> rates, String what, long startNanos) {
        rates.computeIfAbsent(what, k -> new ArrayList<>()).add(SIZE / (1024.0 * 1024.0) / ((System.nanoTime() - startNanos) / 1e9));
    }

    /** This process's CPU seconds and its waited-for children's, from /proc/self/stat (Linux, 100 ticks a second). */
    private static double[] cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, so utime/stime/cutime/cstime (14–17) are at 11–14 here.
        return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0};
    }

    private static void print(Map<String, List<Double>> rates) {
        System.out.println("storage bench: 1 GiB over SSH to a lab node, MiB/s of the file's size (best of the runs)");
        Map<String, Double> best = new LinkedHashMap<>();
        rates.forEach((what, values) -> best.put(what, values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        best.forEach((what, rate) -> System.out.printf(Locale.ROOT, "  %-34s %8.1f  %s%s%n", what, rate, format(rates.get(what)),
                CPU.containsKey(what) ? "  client CPU s " + format(CPU.get(what)) : ""));
        for (String direction : List.of("upload", "download")) {
            for (String kind : List.of("random", "sparse")) {
                double vireo = best.get(direction + " " + kind + "  vireo");
                String prefix = direction + " " + kind + "  ";   // VIREO_ONLY leaves the virsh rows out: NaN there
                double withSha = best.get(prefix + "vireo + SHA-256");
                System.out.printf(Locale.ROOT, "  %s %s: vireo / virsh %.2f, / virsh --sparse %.2f, / scp %.2f"
                                + "  (with the SHA-256 shown: / virsh %.2f, / scp %.2f)%n", direction, kind,
                        vireo / best.getOrDefault(prefix + "virsh", Double.NaN), vireo / best.getOrDefault(prefix + "virsh --sparse", Double.NaN),
                        vireo / best.getOrDefault(prefix + "scp", Double.NaN), withSha / best.getOrDefault(prefix + "virsh", Double.NaN),
                        withSha / best.getOrDefault(prefix + "scp", Double.NaN));
            }
        }
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }

    private static String[] args(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).toArray(String[]::new);
    }

    private static void writeRandom(Path file) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < SIZE >> 20; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    /** 10 % data: 1 MiB of random bytes at the start of every 10 MiB. */
    private static void writeSparse(Path file) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(2);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(SIZE);
            for (long at = 0; at < SIZE; at += 10L << 20) {
                random.nextBytes(block);
                out.seek(at);
                out.write(block);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }
}
