package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.OperationException;
import org.vireo.service.LongJob;
import org.vireo.testlab.LocalFiles;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/** Uploads and downloads through libvirt's streams on a private libvirtd's directory pool: the bytes match, a cancel leaves nothing. */
class VolumeTransfersTest {

    @TempDir
    Path dir;

    @Test
    void anUploadLandsByteForByteADownloadComesBackAndACancelLeavesNothing() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = Files.createDirectories(dir.resolve("pool"));
            Virsh.run(uri, "pool-create-as", "isos", "dir", "--target", poolDir.toString());
            byte[] data = new byte[40 << 20];
            new Random(7).nextBytes(data);
            Path local = Files.write(dir.resolve("installer.iso"), data);
            String expected = sha256(data);
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                LongJob up = new LongJob("up");
                assertEquals(expected, VolumeTransfers.upload(conn, "isos", local, "installer.iso", up));
                assertEquals(data.length, up.done());
                assertEquals(expected, sha256(Files.readAllBytes(poolDir.resolve("installer.iso"))), "the volume holds the very bytes");

                LongJob down = new LongJob("down");
                Path back = dir.resolve("back.iso");
                assertEquals(expected, VolumeTransfers.download(conn, poolDir.resolve("installer.iso").toString(), back, down));
                assertEquals(expected, sha256(Files.readAllBytes(back)));

                // Cancelled once it is under way: the partial volume is deleted.
                LongJob cancelled = new LongJob("cancel");
                Thread canceller = new Thread(() -> {
                    while (cancelled.done() == 0) {
                        Thread.onSpinWait();
                    }
                    cancelled.cancel();
                });
                canceller.start();
                OperationException stopped = assertThrows(OperationException.class,
                        () -> VolumeTransfers.upload(conn, "isos", local, "partial.iso", cancelled));
                canceller.join();
                assertTrue(stopped.detail().startsWith("Cancelled"), stopped.detail());
                assertTrue(cancelled.done() > 0 && cancelled.done() < data.length, "stopped half-way: " + cancelled.done());
                Virsh.run(uri, "pool-refresh", "isos");
                assertFalse(String.join("\n", Virsh.run(uri, "vol-list", "isos")).contains("partial.iso"));
                assertFalse(Files.exists(poolDir.resolve("partial.iso")));
            } finally {
                conn.close();
            }
        }
    }

    /**
     * A 1 GiB file with 10 MiB of data (at its start, its middle and just before a trailing hole) goes up as
     * holes and data: the volume's allocation stays near 10 MiB, its bytes hash as the file's; it comes back
     * down as sparse as it went. A qcow2 image is named qcow2 by libvirt after its upload.
     */
    @Test
    void aSparseFileStaysSparseBothWaysAndAnImageIsNamedByItsContent() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = Files.createDirectories(dir.resolve("pool"));
            Virsh.run(uri, "pool-create-as", "images", "dir", "--target", poolDir.toString());
            Path local = dir.resolve("sparse.img");
            Random random = new Random(11);
            try (RandomAccessFile file = new RandomAccessFile(local.toFile(), "rw")) {
                file.setLength(1L << 30);
                for (long at : new long[] {0, 500L << 20, (1000L << 20) - (3L << 20)}) {
                    byte[] piece = new byte[at == 0 ? 4 << 20 : 3 << 20];
                    random.nextBytes(piece);
                    file.seek(at);
                    file.write(piece);
                }
            }
            assertTrue(LocalFiles.allocatedKiB(local) < 12 * 1024, "the local file is sparse: " + LocalFiles.allocatedKiB(local));
            String expected = LocalFiles.sha256(local);
            Path image = dir.resolve("disk.qcow2");
            LocalFiles.run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "1G");
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                LongJob up = new LongJob("up");
                assertEquals(expected, VolumeTransfers.upload(conn, "images", local, "sparse.img", up));
                assertEquals(1L << 30, up.done(), "holes count as progress");
                Path volume = poolDir.resolve("sparse.img");
                assertEquals(expected, LocalFiles.sha256(volume), "the volume reads as the file");
                assertEquals(1L << 30, Files.size(volume));
                assertTrue(LocalFiles.allocatedKiB(volume) < 12 * 1024, "holes stayed holes on the node: " + LocalFiles.allocatedKiB(volume) + " KiB");

                LongJob down = new LongJob("down");
                Path back = dir.resolve("back.img");
                assertEquals(expected, VolumeTransfers.download(conn, volume.toString(), back, down));
                assertEquals(expected, LocalFiles.sha256(back));
                assertEquals(1L << 30, Files.size(back), "a trailing hole is kept as length");
                assertTrue(LocalFiles.allocatedKiB(back) < 12 * 1024, "the download is sparse too: " + LocalFiles.allocatedKiB(back) + " KiB");

                VolumeTransfers.upload(conn, "images", image, "disk.qcow2", new LongJob("image"));
                assertTrue(String.join("\n", Virsh.run(uri, "vol-dumpxml", "--pool", "images", "disk.qcow2")).contains("<format type='qcow2'/>"),
                        "libvirt names the uploaded image by its content");
                assertEquals(LocalFiles.sha256(image), LocalFiles.sha256(poolDir.resolve("disk.qcow2")));
            } finally {
                conn.close();
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
