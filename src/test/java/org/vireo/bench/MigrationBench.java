package org.vireo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.MigrationOptions;
import org.vireo.model.NodeRef;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.Virsh;

/**
 * Live migration of a 256 MiB TCG guest between two lab nodes, alternating: Vireo moves it A → B (timed from the call
 * until its job completes), {@code virsh migrate --live --p2p --persistent --undefinesource} moves it back B → A (timed
 * around the process). Each move's downtime is libvirt's "Total downtime" of the completed job on the destination, the
 * same oracle for both. Prints each run, the medians and Vireo's ratio (goal ≤ 1.1). Run: {@code bench/migrate}.
 */
public final class MigrationBench {

    private MigrationBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("vireo-migrate-bench");
        try (RemoteLab lab = RemoteLab.up(dir.resolve("lab"), 2)) {
            String a = "qemu+tcp://" + lab.address(1) + "/system";
            String b = "qemu+tcp://" + lab.address(2) + "/system";
            Path xml = dir.resolve("guest.xml");
            Files.writeString(xml, """
                    <domain type='qemu'><name>bench-guest</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>
                      <os><type arch='x86_64' machine='q35'>hvm</type><kernel>/var/lib/libvirt/images/vmlinuz</kernel>
                        <initrd>/var/lib/libvirt/images/initrd.gz</initrd><cmdline>console=ttyS0</cmdline></os>
                      <devices><interface type='network'><source network='lab'/><model type='virtio'/></interface>
                        <serial type='pty'/><console type='pty'/></devices>
                    </domain>
                    """);
            Virsh.run(a, "define", xml.toString());
            Virsh.run(a, "start", "bench-guest");
            // B probes its QEMU once, at the first guest it gets: done now, so no run pays for it
            Virsh.run(b, "domcapabilities", "--virttype", "qemu");
            Thread.sleep(20_000);   // booted: its memory is touched, as a running guest's is
            String uuid = Virsh.run(a, "domuuid", "bench-guest").get(0).strip();
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                fleet.connectAndWait(new NodeRef("a", "node A", a), Duration.ofSeconds(20));
                fleet.connectAndWait(new NodeRef("b", "node B", b), Duration.ofSeconds(20));
                List<Double> vireoSeconds = new ArrayList<>();
                List<Double> virshSeconds = new ArrayList<>();
                List<Double> vireoDowntime = new ArrayList<>();
                List<Double> virshDowntime = new ArrayList<>();
                System.out.printf("%-6s %12s %14s%n", "run", "seconds", "downtime ms");
                for (int i = 0; i < repeat; i++) {
                    VmSummary vm = new VmSummary("a", uuid, "bench-guest", VmState.RUNNING, 1, 256L << 20);
                    long start = System.nanoTime();
                    fleet.migrate(vm, "b", new MigrationOptions(true, false, "", true, false, 0, false, b)).result().get(5, TimeUnit.MINUTES);
                    double vireo = (System.nanoTime() - start) / 1e9;
                    double vireoDown = downtime(b);
                    vireoSeconds.add(vireo);
                    vireoDowntime.add(vireoDown);
                    System.out.printf("Vireo  %12.2f %14.0f%n", vireo, vireoDown);
                    Thread.sleep(2000);
                    start = System.nanoTime();
                    Virsh.run(b, "migrate", "--live", "--p2p", "--persistent", "--undefinesource", "bench-guest", a, "tcp://" + lab.address(1));
                    double virsh = (System.nanoTime() - start) / 1e9;
                    double virshDown = downtime(a);
                    virshSeconds.add(virsh);
                    virshDowntime.add(virshDown);
                    System.out.printf("virsh  %12.2f %14.0f%n", virsh, virshDown);
                    Thread.sleep(2000);
                }
                double vs = median(vireoSeconds);
                double rs = median(virshSeconds);
                System.out.printf("%nmedian of %d: Vireo %.2f s, %.0f ms down; virsh migrate --live --p2p %.2f s, %.0f ms down; "
                        + "ratio %.2f (goal <= 1.1)%n", repeat, vs, median(vireoDowntime), rs, median(virshDowntime), vs / rs);
            } finally {
                fleet.close();
            }
        }
    }

    /** libvirt's "Total downtime" of the last completed job of the guest on {@code uri}, in ms; -1 when it does not say. */
    private static double downtime(String uri) {
        for (String line : Virsh.run(uri, "domjobinfo", "--completed", "bench-guest")) {
            if (line.startsWith("Total downtime:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        return -1;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
