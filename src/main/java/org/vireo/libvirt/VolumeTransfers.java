package org.vireo.libvirt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.TransferJob;

/**
 * Moves bytes between a local file and a volume through libvirt's streams, in 1 MiB pieces, counting
 * them into a {@link TransferJob} and hashing them (SHA-256). A cancelled or failed upload deletes its
 * new volume; a cancelled or failed download deletes its partial file. Runs on a transfer thread.
 */
final class VolumeTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeTransfers.class);
    private static final int CHUNK = 1 << 20;

    private VolumeTransfers() {
    }

    /** Creates the volume (the file's size) and uploads the file into it; returns the SHA-256 of the bytes sent. */
    static String upload(VireoConnect conn, String poolName, Path file, String volumeName, String format, TransferJob job)
            throws LibvirtException, IOException {
        String what = Texts.get("op.transfer.upload", file.getFileName(), poolName);
        long size = Files.size(file);
        job.setTotal(size);
        StoragePools.createVolume(conn, poolName, volumeName, format, size, false, "");
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        StorageVol vol = pool.storageVolLookupByName(volumeName);
        Stream stream = conn.streamNew(0);
        boolean done = false;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = sha256();
            vol.upload(stream, 0, size, 0);
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (job.isCancelled()) {
                    throw new OperationException(what, Texts.get("transfer.cancelled"));
                }
                byte[] piece = n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
                int sent = 0;
                while (sent < n) {
                    int now = stream.send(sent == 0 ? piece : Arrays.copyOfRange(piece, sent, n));
                    if (now <= 0) {
                        throw new OperationException(what, Texts.get("transfer.stalled"));
                    }
                    sent += now;
                }
                sha.update(piece, 0, n);
                job.add(n);
            }
            stream.finish();
            done = true;
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            if (!done) {
                abortQuietly(stream);
                try {
                    vol.delete(0);   // nothing half-made: the partial volume goes
                } catch (LibvirtException e) {
                    LOG.warn("The partial volume {} could not be deleted: {}", volumeName, LibvirtErrors.message(e));
                }
            }
            stream.free();
            vol.free();
            pool.free();
        }
    }

    /** Downloads the volume into {@code file} (created new); returns the SHA-256 of the bytes received. */
    static String download(VireoConnect conn, String volumePath, Path file, TransferJob job) throws LibvirtException, IOException {
        String what = Texts.get("op.transfer.download", volumePath);
        StorageVol vol = conn.storageVolLookupByPath(volumePath);
        Stream stream = conn.streamNew(0);
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long size = VolumeXml.capacity(vol);
            job.setTotal(size);
            MessageDigest sha = sha256();
            vol.download(stream, 0, 0, 0);
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = stream.receive(buffer)) > 0) {
                if (job.isCancelled()) {
                    throw new OperationException(what, Texts.get("transfer.cancelled"));
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                job.add(n);
            }
            stream.finish();
            done = true;
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            if (!done) {
                abortQuietly(stream);
                Files.deleteIfExists(file);
            }
            stream.free();
            vol.free();
        }
    }

    private static void abortQuietly(Stream stream) {
        try {
            stream.abort();
        } catch (LibvirtException e) {
            LOG.debug("Aborting a stream: {}", LibvirtErrors.message(e));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
