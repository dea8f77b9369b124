package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.LibvirtException;
import org.vireo.model.OperationException;
import org.vireo.model.PoolSpec;
import org.vireo.testlab.LocalFiles;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/** Volumes on a real directory pool of a private libvirtd with QEMU's tools: overlays and resizes, qemu-img and virsh the oracles. */
class QemuStorageTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void anOverlayHasItsBackingFileAndAVolumeGrowsButShrinksOnlyWhenAsked() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = Files.createDirectories(dir.resolve("pool"));
            Virsh.run(uri, "pool-create-as", "vms", "dir", "--target", poolDir.toString());
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                StoragePools.createVolume(conn, "vms", "base.qcow2", "qcow2", GIB, false, "");
                StoragePools.createVolume(conn, "vms", "overlay.qcow2", "qcow2", GIB, false, poolDir.resolve("base.qcow2").toString());
                String info = qemuImgInfo(poolDir.resolve("overlay.qcow2"));
                assertTrue(info.contains("backing file: " + poolDir.resolve("base.qcow2")), info);

                StoragePools.resizeVolume(conn, "vms", "base.qcow2", 2 * GIB, false);
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "vms", "base.qcow2")).matches("(?s).*Capacity:\\s+2\\.00 GiB.*"));
                // Smaller without the shrink flag: libvirt refuses, the volume keeps its size.
                assertThrows(LibvirtException.class, () -> StoragePools.resizeVolume(conn, "vms", "base.qcow2", GIB, false));
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "vms", "base.qcow2")).matches("(?s).*Capacity:\\s+2\\.00 GiB.*"));

                StoragePools.createVolume(conn, "vms", "raw.img", "raw", GIB, false, "");
                StoragePools.resizeVolume(conn, "vms", "raw.img", GIB / 2, true);
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "vms", "raw.img")).matches("(?s).*Capacity:\\s+512\\.00 MiB.*"));
            } finally {
                conn.close();
            }
        }
    }

    @Test
    void aPoolThatWillNotStartIsRemovedAgainAndABuiltOneHasItsDirectory() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                Path built = dir.resolve("built-pool");
                StoragePools.create(conn, new PoolSpec("dir", "built", built.toString(), "", "", "", "", true, true, true, ""));
                assertTrue(Files.isDirectory(built), "libvirt's build made the directory");
                assertTrue(Virsh.run(uri, "pool-list", "--all").stream().anyMatch(l -> l.strip().matches("built\\s+active\\s+yes")));
                // NFS from a server that does not exist (and a daemon that may not mount): refused, and nothing kept.
                OperationException failed = assertThrows(OperationException.class, () -> StoragePools.create(conn,
                        new PoolSpec("netfs", "nas", dir.resolve("nas").toString(), "nas.invalid", "/srv/nfs", "", "", false, true, true, "")));
                assertTrue(failed.detail().startsWith("Nothing was kept"), failed.detail());
                assertTrue(Virsh.run(uri, "pool-list", "--all", "--name").stream().noneMatch(l -> l.strip().equals("nas")));
            } finally {
                conn.close();
            }
        }
    }

    /**
     * A filesystem pool over a block device: an ext4 image on a loop device, mounted by libvirt at the pool's
     * start and unmounted at its stop; a volume made in it lands on that filesystem. Where this machine gives no
     * loop device (a container without /dev/loop-control), the test says so and is skipped.
     */
    @Test
    void aFilesystemPoolMountsItsDeviceAndHoldsVolumes() throws Exception {
        Path image = dir.resolve("fs.img");
        LocalFiles.run("truncate", "-s", "64M", image.toString());
        LocalFiles.run("mkfs.ext4", "-q", "-F", image.toString());
        Process attach = new ProcessBuilder("losetup", "--find", "--show", image.toString()).redirectErrorStream(true).start();
        String device = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(attach.waitFor() == 0 && device.startsWith("/dev/loop"),
                "this machine gives no loop device (losetup: " + device + "), so a filesystem pool cannot be tried here");
        Path mountPoint = dir.resolve("fs-pool");
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                try {
                    StoragePools.create(conn, new PoolSpec("fs", "disk", mountPoint.toString(), "", "", device, "", true, true, false, ""));
                } catch (OperationException e) {
                    throw new AssertionError(e.getMessage() + ": " + e.detail(), e);
                }
                assertTrue(Virsh.run(uri, "pool-list", "--all").stream().anyMatch(l -> l.strip().matches("disk\\s+active\\s+no")));
                // The daemon mounts in its own mount namespace: its pool's size is the 64 MiB filesystem's, not the host's.
                String info = String.join("\n", Virsh.run(uri, "pool-info", "--bytes", "disk"));
                long capacity = Long.parseLong(info.replaceAll("(?s).*Capacity:\\s+(\\d+).*", "$1"));
                assertTrue(capacity > 40L << 20 && capacity <= 64L << 20, "libvirt mounted " + device + ": " + info);
                StoragePools.createVolume(conn, "disk", "data.qcow2", "qcow2", 16L << 20, false, "");
                assertTrue(String.join("\n", Virsh.run(uri, "vol-list", "disk")).contains(mountPoint.resolve("data.qcow2").toString()));
                StoragePools.deleteVolume(conn, "disk", "data.qcow2");
                StoragePools.delete(conn, "disk", false);
                assertTrue(Virsh.run(uri, "pool-list", "--all", "--name").stream().noneMatch(l -> l.strip().equals("disk")));
            } finally {
                conn.close();
            }
        } finally {
            new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
            new ProcessBuilder("losetup", "-d", device).start().waitFor();
        }
    }

    private static String qemuImgInfo(Path image) throws Exception {
        Process p = new ProcessBuilder("qemu-img", "info", "-U", image.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
