package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.OperationException;
import org.vireo.service.TransferJob;
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
                TransferJob up = new TransferJob("up");
                assertEquals(expected, VolumeTransfers.upload(conn, "isos", local, "installer.iso", "raw", up));
                assertEquals(data.length, up.done());
                assertEquals(expected, sha256(Files.readAllBytes(poolDir.resolve("installer.iso"))), "the volume holds the very bytes");

                TransferJob down = new TransferJob("down");
                Path back = dir.resolve("back.iso");
                assertEquals(expected, VolumeTransfers.download(conn, poolDir.resolve("installer.iso").toString(), back, down));
                assertEquals(expected, sha256(Files.readAllBytes(back)));

                // Cancelled once it is under way: the partial volume is deleted.
                TransferJob cancelled = new TransferJob("cancel");
                Thread canceller = new Thread(() -> {
                    while (cancelled.done() == 0) {
                        Thread.onSpinWait();
                    }
                    cancelled.cancel();
                });
                canceller.start();
                OperationException stopped = assertThrows(OperationException.class,
                        () -> VolumeTransfers.upload(conn, "isos", local, "partial.iso", "raw", cancelled));
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
