package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.AppPaths;
import org.vireo.app.Launcher;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.service.LongJob;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.Virsh;

/**
 * Moving one real QEMU/TCG guest between two lab nodes, with each node's {@code virsh} as the oracle: refused before
 * anything starts while its network is missing on the destination; a bandwidth-limited move with a storage copy
 * cancelled (it runs on, unchanged, nothing left on the destination); a move whose destination daemon is killed half-way
 * (it runs on); live with a storage copy (its uptime goes on; the copy has the same virtual size; the source's copy is
 * kept); then shut off, moved back offline with its disk (defined there with the volume, gone from the other node).
 */
@Tag("e2e")
class MigrationLabTest {

    @TempDir
    Path dir;

    @Test
    void oneGuestMovesLiveAndOfflineAndARefusedOrCancelledMoveChangesNothing() throws Exception {
        // node B sees no UEFI firmware (as a node without the ovmf package): checked at the end, sharing the lab
        try (RemoteLab lab = RemoteLab.up(dir.resolve("lab"), 2, 2)) {
            String a = "qemu+tcp://" + lab.address(1) + "/system";
            String b = "qemu+tcp://" + lab.address(2) + "/system";
            Path xml = dir.resolve("mover.xml");
            Files.writeString(xml, """
                    <domain type='qemu'>
                      <name>mover</name>
                      <memory unit='MiB'>256</memory>
                      <vcpu>1</vcpu>
                      <os><type arch='x86_64' machine='q35'>hvm</type>
                        <kernel>/var/lib/libvirt/images/vmlinuz</kernel><initrd>/var/lib/libvirt/images/initrd.gz</initrd>
                        <cmdline>console=ttyS0</cmdline></os>
                      <devices>
                        <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                          <source file='/var/lib/libvirt/images/mover-data.qcow2'/><target dev='vdb' bus='virtio'/></disk>
                        <interface type='network'><source network='lab'/><model type='virtio'/></interface>
                        <interface type='network'><source network='mover-extra'/><model type='virtio'/></interface>
                        <serial type='pty'/><console type='pty'/>
                      </devices>
                    </domain>
                    """);
            Path extra = dir.resolve("extra.xml");
            Files.writeString(extra, "<network><name>mover-extra</name><bridge name='virbr-mx' stp='off'/></network>");
            Virsh.run(a, "vol-create-as", "lab-images", "mover-data.qcow2", "64M", "--format", "qcow2");
            Virsh.run(a, "net-define", extra.toString());
            Virsh.run(a, "net-start", "mover-extra");
            Virsh.run(a, "define", xml.toString());
            Virsh.run(a, "start", "mover");

            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                NodeRef nodeA = new NodeRef("a", "node A", a);
                NodeRef nodeB = new NodeRef("b", "node B", b);
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(nodeA, Duration.ofSeconds(20)).state());
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(nodeB, Duration.ofSeconds(20)).state());
                VmSummary mover = vm(a, "a");
                String guest = guestAddress(lab, a);
                double uptimeBefore = uptime(lab, 1, guest);

                // Its second network is missing on B: refused before anything starts, the network named.
                MigrationCheck check = fleet.checkMigration(mover, "b").get(30, TimeUnit.SECONDS);
                assertEquals(List.of("The network \"mover-extra\" does not exist on node B."), check.problems());
                assertEquals(List.of("vdb"), check.localDisks().stream().map(MigrationCheck.Disk::target).toList());
                MigrationOptions live = new MigrationOptions(true, false, "", true, false, 0, false, b);
                assertTrue(check.problemsWith(live).stream().anyMatch(p -> p.contains("vdb") && p.contains("Copy its storage")),
                        check.problemsWith(live).toString());
                Virsh.run(b, "net-define", extra.toString());
                Virsh.run(b, "net-start", "mover-extra");
                check = fleet.checkMigration(mover, "b").get(30, TimeUnit.SECONDS);
                MigrationOptions copying = new MigrationOptions(true, true, "", true, false, 1, false, b);
                assertEquals(List.of(), check.problemsWith(copying));

                // B given at an address A cannot reach: which node could not reach which address, in words; nothing moved.
                String unreachable = failure(fleet.migrate(mover, "b", new MigrationOptions(true, true, "", true, false, 0, false,
                        "qemu+tcp://10.77.0.99/system")));
                assertTrue(unreachable.startsWith("node A could not reach the libvirt daemon of node B at qemu+tcp://10.77.0.99/system: ")
                        && unreachable.endsWith("mover keeps running on node A."), unreachable);
                assertFalse(volumes(b).contains("mover-data.qcow2"), "the volume made for the copy is removed");

                // Cancelled half-way at 1 MiB/s: it runs on A, its definition unchanged; B holds neither VM nor volume.
                String inactiveBefore = String.join("\n", Virsh.run(a, "dumpxml", "--inactive", "mover"));
                LongJob cancelled = fleet.migrate(mover, "b", copying);
                waitUntil("the move reports progress", 60, () -> cancelled.total() > 0 && cancelled.done() > 0);
                assertTrue(cancelled.note().startsWith("Disks: ") || cancelled.note().startsWith("Memory: "), cancelled.note());
                cancelled.cancel();
                String reason = failure(cancelled);
                assertEquals("Cancelled: mover keeps running on node A, unchanged.", reason);
                assertEquals("running", state(a, "mover"));
                assertEquals(inactiveBefore, String.join("\n", Virsh.run(a, "dumpxml", "--inactive", "mover")));
                assertFalse(Virsh.names(b).contains("mover"));
                assertFalse(volumes(b).contains("mover-data.qcow2"), "nothing half-made on B");

                // B's daemon killed half-way: the VM runs on at A.
                LongJob broken = fleet.migrate(mover, "b", copying);
                waitUntil("the second move reports progress", 60, () -> broken.done() > 0);
                lab.run("kill", "2");
                String brokenReason = failure(broken);
                System.out.println("migration: killed destination -> " + brokenReason);
                assertTrue(brokenReason.startsWith("The connection between node A and node B broke during the move")
                        && brokenReason.endsWith("mover keeps running on node A."), brokenReason);
                assertEquals("running", state(a, "mover"));
                lab.run("start", "2");
                waitUntil("B's daemon answers again", 30, () -> {
                    try {
                        Virsh.run(b, "uri");
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
                waitUntil("B cleaned up the incoming VM", 60, () -> !Virsh.names(b).contains("mover"));
                if (volumes(b).contains("mover-data.qcow2")) {
                    Virsh.run(b, "vol-delete", "--pool", "lab-images", "mover-data.qcow2");
                }
                waitUntil("Vireo is connected to B again", 30, () -> {
                    try {
                        return fleet.checkMigration(mover, "b").get(10, TimeUnit.SECONDS).problems().isEmpty();
                    } catch (Exception e) {
                        return false;
                    }
                });

                // Live with its storage: it runs on B with the same uptime line going on, gone from A; A's copy kept; its
                // tags (in the domain's metadata) went with it.
                fleet.setTags(mover, List.of("prod", "web")).get(30, TimeUnit.SECONDS);
                LongJob moved = fleet.migrate(mover, "b", new MigrationOptions(true, true, "", true, false, 0, false, b));
                String outcome = moved.result().get(180, TimeUnit.SECONDS);
                System.out.println("migration: live -> " + outcome);
                assertTrue(outcome.startsWith("mover runs on node B now"), outcome);
                assertEquals("running", state(b, "mover"));
                assertFalse(Virsh.names(a).contains("mover"), "removed from A");
                String movedXml = String.join("\n", Virsh.run(b, "dumpxml", "mover"));
                assertTrue(movedXml.contains(">prod</") && movedXml.contains(">web</"), "the tags moved along: " + movedXml);
                assertTrue(String.join("\n", Virsh.run(b, "dumpxml", "--inactive", "mover")).contains(">prod</"), "and are kept there");
                assertEquals(capacity(a, "mover-data.qcow2"), capacity(b, "mover-data.qcow2"));
                double uptimeAfter = uptime(lab, 2, guest);
                assertTrue(uptimeAfter > uptimeBefore, "the guest kept running: uptime " + uptimeBefore + " then " + uptimeAfter);

                // Shut off on B, moved back offline with its disk: A's stale copy is in the way first.
                Virsh.run(b, "destroy", "mover");
                VmSummary onB = vm(b, "b");
                MigrationCheck back = fleet.checkMigration(onB, "a").get(30, TimeUnit.SECONDS);
                assertEquals(List.of("Pool lab-images on node A already has a volume \"mover-data.qcow2\"."), back.problems());
                Virsh.run(a, "vol-delete", "--pool", "lab-images", "mover-data.qcow2");
                MigrationOptions offline = new MigrationOptions(false, true, "", true, true, 0, false, a);
                assertEquals(List.of(), fleet.checkMigration(onB, "a").get(30, TimeUnit.SECONDS).problemsWith(offline));
                String offlineOutcome = fleet.migrate(onB, "a", offline).result().get(120, TimeUnit.SECONDS);
                System.out.println("migration: offline -> " + offlineOutcome);
                assertTrue(offlineOutcome.startsWith("mover is defined on node A now"), offlineOutcome);
                assertEquals("shut off", state(a, "mover"));
                assertTrue(volumes(a).contains("mover-data.qcow2"));
                assertFalse(Virsh.names(b).contains("mover"), "gone from B");
                assertFalse(volumes(b).contains("mover-data.qcow2"), "its disk went with it");
                Virsh.run(a, "start", "mover");
                assertEquals("running", state(a, "mover"));

                // A node without UEFI firmware: Vireo reads so from its domain capabilities, and create refuses --firmware uefi.
                NodeFacts.Firmware firmware = fleet.facts("b").get(30, TimeUnit.SECONDS).firmware();
                assertTrue(firmware.known() && !firmware.uefi(), firmware.toString());
                assertTrue(fleet.facts("a").get(30, TimeUnit.SECONDS).firmware().uefi(), "node A has it");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Launcher.create(new AppPaths(dir.resolve("data"), dir.resolve("state")), new String[] {"--connect", b, "--name",
                        "uefi-vm", "--firmware", "uefi", "--dry-run"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
                assertTrue(err.toString(StandardCharsets.UTF_8).contains("--firmware/--tpm: " + Texts.get("spec.firmware.noUefi")),
                        err.toString(StandardCharsets.UTF_8));
            } finally {
                fleet.close();
            }
        }
    }

    private static VmSummary vm(String uri, String nodeId) {
        String uuid = Virsh.run(uri, "domuuid", "mover").get(0).strip();
        String state = state(uri, "mover");
        return new VmSummary(nodeId, uuid, "mover", state.equals("running") ? VmState.RUNNING : VmState.SHUT_OFF, 1, 256L << 20);
    }

    private static String state(String uri, String name) {
        return Virsh.run(uri, "domstate", name).get(0).strip();
    }

    private static List<String> volumes(String uri) {
        return Virsh.run(uri, "vol-list", "lab-images").stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    private static String capacity(String uri, String volume) {
        return Virsh.run(uri, "vol-info", "--pool", "lab-images", "--bytes", volume).stream()
                .filter(l -> l.startsWith("Capacity")).findFirst().orElseThrow();
    }

    private static String failure(LongJob job) throws InterruptedException {
        try {
            job.result().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return ((OperationException) e.getCause()).detail();
        } catch (TimeoutException e) {
            throw new AssertionError("the job did not end", e);
        }
        throw new AssertionError("the job succeeded");
    }

    /** The guest's address on the lab network, once it holds a lease. */
    private static String guestAddress(RemoteLab lab, String uri) throws InterruptedException {
        String[] found = new String[1];
        waitUntil("the guest holds a lease", 120, () -> {
            for (String line : Virsh.run(uri, "net-dhcp-leases", "lab")) {
                if (line.contains("192.168.100.")) {
                    found[0] = line.replaceAll(".*?(192\\.168\\.100\\.\\d+)/.*", "$1").strip();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The guest's uptime in seconds, read over SSH from node {@code node} (the guest is reachable from its node only). */
    private static double uptime(RemoteLab lab, int node, String guest) throws InterruptedException {
        String[] out = new String[1];
        waitUntil("the guest answers SSH from node " + node, 90, () -> {
            try {
                out[0] = lab.onNode(node, "ssh", "-i", lab.sshKey().toString(), "-o", "StrictHostKeyChecking=no", "-o",
                        "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                        "root@" + guest, "cat", "/proc/uptime");
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        return Double.parseDouble(out[0].strip().split("\\s+")[0]);
    }

    private static void waitUntil(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(250);
        }
    }
}
