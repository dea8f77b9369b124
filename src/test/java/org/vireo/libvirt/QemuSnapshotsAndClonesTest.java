package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.model.OperationException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * Snapshots and clones on a real libvirtd with QEMU and qcow2 disks, with virsh (through the
 * same daemon) and qemu-io (reading the disk images themselves) as oracles. Guests run under
 * emulation with no operating system: QEMU's firmware is enough for a running VM's snapshot.
 */
class QemuSnapshotsAndClonesTest {

    @TempDir
    static Path dir;
    private static LocalLibvirtd daemon;
    private static String uri;
    private static Path poolDir;
    private static VireoConnect conn;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = LocalLibvirtd.start(dir.resolve("libvirtd"));
        uri = daemon.systemNode();
        poolDir = Files.createDirectories(dir.resolve("pool"));
        Virsh.run(uri, "pool-create-as", "vms", "dir", "--target", poolDir.toString());
        LibvirtRuntime.start();
        conn = new VireoConnect(uri);
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void takeRevertAndDeleteOnQcow2WithVirshAndTheImageAsOracles() throws Exception {
        VmSummary vm = define("snap-vm", "qcow2", "snap-vm-vda.qcow2");
        Path disk = poolDir.resolve("snap-vm-vda.qcow2");

        VmSnapshots.take(conn, vm, "before", "clean disk", false);
        qemuIo(disk, "write -P 0xab 0 64k");   // a change after the snapshot
        assertTrue(qemuIo(disk, "read -P 0xab 0 64k").contains("read 65536/65536 bytes"), "the change is on the disk");
        VmSnapshots.take(conn, vm, "after", "", false);
        assertEquals(List.of("after", "before"), Virsh.run(uri, "snapshot-list", "snap-vm", "--name").stream()
                .filter(l -> !l.isBlank()).sorted().toList());
        assertEquals("before", Virsh.run(uri, "snapshot-parent", "snap-vm", "after").get(0).strip());
        assertEquals("after", Virsh.run(uri, "snapshot-current", "snap-vm", "--name").get(0).strip());

        VmSnapshots.revert(conn, vm, "before");
        assertEquals("before", Virsh.run(uri, "snapshot-current", "snap-vm", "--name").get(0).strip());
        assertTrue(qemuIo(disk, "read -P 0 0 64k").contains("read 65536/65536 bytes"), "the change is gone after the revert");

        VmSnapshots.delete(conn, vm, "before", true);
        assertEquals(List.of(), Virsh.run(uri, "snapshot-list", "snap-vm", "--name").stream().filter(l -> !l.isBlank()).toList());
    }

    /** libvirt's rename (9.0 here) keeps snapshots, their tree, the current one and the tags. */
    @Test
    void renameKeepsSnapshotsTheirTreeAndTheCurrentOne() throws Exception {
        VmSummary vm = define("old-name", "qcow2", "old-name-vda.qcow2");
        define("run-vm-taken", "qcow2", "run-vm-taken-vda.qcow2");
        VmSnapshots.take(conn, vm, "first", "", false);
        VmSnapshots.take(conn, vm, "second", "", false);
        VmSnapshots.take(conn, vm, "third", "", false);
        VmSnapshots.revert(conn, vm, "second");
        VmOperations.setTags(conn, vm, List.of("keep-me"));
        String before = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "old-name"));
        OperationException taken = assertThrows(OperationException.class, () -> VmOperations.rename(conn, vm, "run-vm-taken"));
        assertTrue(taken.detail().contains("already exists"), taken.detail());
        assertEquals(before, String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "old-name")), "a refused rename changes nothing");

        VmOperations.rename(conn, vm, "new-name");

        List<String> names = Virsh.run(uri, "list", "--all", "--name").stream().filter(l -> !l.isBlank()).toList();
        assertTrue(names.contains("new-name") && !names.contains("old-name"), names.toString());
        assertEquals(List.of("first", "second", "third"), Virsh.run(uri, "snapshot-list", "new-name", "--name").stream()
                .filter(l -> !l.isBlank()).sorted().toList());
        assertEquals("first", Virsh.run(uri, "snapshot-parent", "new-name", "second").get(0).strip());
        assertEquals("second", Virsh.run(uri, "snapshot-parent", "new-name", "third").get(0).strip());
        assertEquals("second", Virsh.run(uri, "snapshot-current", "new-name", "--name").get(0).strip());
        assertTrue(String.join("\n", Virsh.run(uri, "metadata", "new-name", VireoTags.NAMESPACE)).contains("keep-me"));
        assertEquals(before.replace("<name>old-name</name>", "<name>new-name</name>"),
                String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "new-name")), "only the name changed");
        VmSnapshots.revert(conn, vm, "first");   // the snapshots still work: reverting needs the disk's own copy
        assertEquals("first", Virsh.run(uri, "snapshot-current", "new-name", "--name").get(0).strip());
    }

    @Test
    void refusalsSayWhyAndWhatWouldWork() throws Exception {
        VmSummary raw = define("raw-vm", "raw", "raw-vm-vda.img");
        OperationException notQcow2 = assertThrows(OperationException.class, () -> VmSnapshots.take(conn, raw, "s1", "", false));
        assertTrue(notQcow2.detail().startsWith("Disk vda is raw, and internal snapshots are kept inside qcow2 images."),
                notQcow2.detail());
        assertEquals(List.of(), Virsh.run(uri, "snapshot-list", "raw-vm", "--name").stream().filter(l -> !l.isBlank()).toList());

        VmSummary running = define("run-vm", "qcow2", "run-vm-vda.qcow2");
        Virsh.run(uri, "start", "run-vm");
        try {
            OperationException noMemory = assertThrows(OperationException.class,
                    () -> VmSnapshots.take(conn, running, "disks-only", "", false));
            assertTrue(noMemory.detail().startsWith("An internal snapshot of a running VM always holds its memory."),
                    noMemory.detail());
            VmSnapshots.take(conn, running, "with-memory", "", true);
            List<String> listed = Virsh.run(uri, "snapshot-list", "run-vm");
            assertTrue(listed.stream().anyMatch(l -> l.contains("with-memory") && l.contains("running")), listed.toString());
            assertEquals(1, VmSnapshots.list(conn, running).size());
        } finally {
            Virsh.run(uri, "destroy", "run-vm");
        }
    }

    @Test
    void cloneOfATwoDiskVmMakesBothVolumesAndDiffersOnlyWhereItMust() throws Exception {
        VmSummary source = define("web-01", "qcow2", "web-01-vda.qcow2", "web-01-vdb.qcow2");
        List<String> steps = new ArrayList<>();
        String uuid = VmCloner.cloneVm(conn, source, "web-02", Map.of(), steps::add);

        assertNotEquals(source.uuid(), uuid);
        assertTrue(volumes().containsAll(List.of("web-02-vda.qcow2", "web-02-vdb.qcow2")), volumes().toString());
        String original = String.join("\n", Virsh.run(uri, "dumpxml", "web-01"));
        String cloned = String.join("\n", Virsh.run(uri, "dumpxml", "web-02"));
        assertTrue(cloned.contains(poolDir.resolve("web-02-vda.qcow2").toString())
                && cloned.contains(poolDir.resolve("web-02-vdb.qcow2").toString()), cloned);
        assertTrue(!cloned.contains("52:54:00:00:00:01") && cloned.contains("<mac address="), cloned);
        assertEquals(normalise(original), normalise(cloned));
        assertTrue(qemuImgInfo(poolDir.resolve("web-02-vdb.qcow2")).contains("file format: qcow2"));
        assertEquals(List.of("Cloning disk vda …", "Cloning disk vdb …", "Defining web-02 …"), steps);

        // A clone refused half-way: the second disk's volume name is taken.
        Virsh.run(uri, "vol-create-as", "vms", "web-03-vdb.qcow2", "1M", "--format", "qcow2");
        List<String> before = volumes();
        List<String> failedSteps = new ArrayList<>();
        assertThrows(LibvirtException.class, () -> VmCloner.cloneVm(conn, source, "web-03", Map.of(), failedSteps::add));
        assertEquals(before, volumes(), "the disk cloned before the failure is deleted again");
        assertEquals(List.of("Cloning disk vda …", "Cloning disk vdb …", "Rolled back: deleted web-03-vda.qcow2"), failedSteps);
        assertTrue(Virsh.run(uri, "list", "--all", "--name").stream().noneMatch(l -> l.strip().equals("web-03")));
    }

    /** A shut-off QEMU guest (TCG) with the given disks, made as new volumes in the pool. */
    private static VmSummary define(String name, String format, String... volumes) throws Exception {
        StringBuilder disks = new StringBuilder();
        char dev = 'a';
        for (String volume : volumes) {
            Virsh.run(uri, "vol-create-as", "vms", volume, "64M", "--format", format);
            disks.append("<disk type='file' device='disk'><driver name='qemu' type='").append(format)
                    .append("'/><source file='").append(poolDir.resolve(volume)).append("'/><target dev='vd").append(dev++)
                    .append("' bus='virtio'/></disk>");
        }
        Path xml = Files.writeString(dir.resolve(name + ".xml"), "<domain type='qemu'><name>" + name + "</name>"
                + "<memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='q35'>hvm</type></os>"
                + "<devices>" + disks + "<interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>"
                + "</devices></domain>");
        Virsh.run(uri, "define", xml.toString());
        Domain domain = conn.domainLookupByName(name);
        try {
            return new VmSummary("qemu", domain.getUUIDString(), name, VmState.SHUT_OFF, 1, 128L << 20, true, false, List.of());
        } finally {
            domain.free();
        }
    }

    private static List<String> volumes() {
        Virsh.run(uri, "pool-refresh", "vms");
        return Virsh.run(uri, "vol-list", "vms").stream().filter(l -> !l.isBlank())
                .map(l -> l.strip().split("\\s+")[0]).sorted().toList();
    }

    private static String qemuIo(Path image, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("qemu-io", "-f", "qcow2", "-c", command, image.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String qemuImgInfo(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("qemu-img", "info", "-U", image.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The XML without what a clone must change. */
    private static String normalise(String xml) {
        return xml.replaceAll("<name>[^<]*</name>", "").replaceAll("<uuid>[^<]*</uuid>", "")
                .replaceAll("<mac address='[^']*'/>", "").replaceAll("<source file='[^']*'/>", "")
                .replaceAll("<source file='[^']*' index='\\d+'/>", "");
    }
}
