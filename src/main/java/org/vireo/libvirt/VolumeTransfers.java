package org.vireo.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.LongJob;

/**
 * Moves bytes between a local file and a volume through libvirt's streams, in 1 MiB pieces, counting
 * them into a {@link LongJob} and hashing them (SHA-256, holes hashed as the zeros they read as).
 * Sparse-aware where both ends are files: a local file's holes are found by the kernel and sent as
 * holes (never read, never carried), a volume's holes arrive as holes and stay holes in the local
 * file. A cancelled or failed upload deletes its new volume; a cancelled or failed download deletes
 * its partial file. Runs on a transfer thread, through our own bindings of the stream calls
 * ({@link LibvirtNative}): libvirt-java 0.5.4 has no holes.
 */
final class VolumeTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeTransfers.class);
    private static final int CHUNK = 1 << 20;

    private VolumeTransfers() {
    }

    /**
     * Creates the volume (raw, the file's size, nothing allocated) and uploads the file into it; returns the
     * SHA-256 of the file. Where the file carries an image format's signature the pool is refreshed after, so
     * libvirt names the volume's real format (qcow2, iso) from its content where the pool type probes it.
     */
    static String upload(VireoConnect conn, String poolName, Path file, String volumeName, LongJob job)
            throws LibvirtException, IOException {
        String what = Texts.get("op.transfer.upload", file.getFileName(), poolName);
        long size = Files.size(file);
        List<FileExtents.Extent> extents = FileExtents.of(file, size);
        job.setTotal(size);
        // Raw and unallocated, so the file's holes may stay holes: a qcow2 made by libvirt would hold a header here.
        StoragePools.createVolume(conn, poolName, volumeName, "raw", size, false, "");
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        StorageVol vol = pool.storageVolLookupByName(volumeName);
        // Holes only into a file: a block device (LVM, iSCSI) keeps old data where a hole is skipped.
        boolean sparse = FileExtents.sparse(extents) && vol.getInfo().type == StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_FILE;
        Pointer nativeVol = LibvirtNative.INSTANCE.virStorageVolLookupByPath(conn.nativePointer(), vol.getPath());
        Pointer stream = LibvirtNative.INSTANCE.virStreamNew(conn.nativePointer(), 0);
        boolean done = false;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); TransferDigest sha = new TransferDigest()) {
            if (nativeVol == null || stream == null) {
                throw new OperationException(what, LastError.take());
            }
            check(what, LibvirtNative.INSTANCE.virStorageVolUpload(nativeVol, stream, 0, size,
                    sparse ? LibvirtNative.VOL_SPARSE_STREAM : 0));
            Memory buffer = new Memory(CHUNK);
            ByteBuffer view = buffer.getByteBuffer(0, CHUNK);
            for (FileExtents.Extent extent : sparse ? extents : List.of(new FileExtents.Extent(0, size, true))) {
                if (!extent.data()) {
                    cancelled(what, job);
                    check(what, LibvirtNative.INSTANCE.virStreamSendHole(stream, extent.length(), 0));
                    sha.zeros(extent.length());
                    job.add(extent.length());
                    continue;
                }
                long pos = extent.offset();
                long end = extent.offset() + extent.length();
                while (pos < end) {
                    cancelled(what, job);
                    int want = (int) Math.min(CHUNK, end - pos);
                    view.clear().limit(want);
                    while (view.hasRemaining()) {
                        if (in.read(view, pos + view.position()) < 0) {
                            throw new OperationException(what, Texts.get("transfer.shrank", file.getFileName()));
                        }
                    }
                    int sent = 0;
                    while (sent < want) {
                        int now = LibvirtNative.INSTANCE.virStreamSend(stream, buffer.share(sent), new NativeLong(want - sent));
                        if (now < 0) {
                            throw new OperationException(what, LastError.take());
                        }
                        if (now == 0) {
                            throw new OperationException(what, Texts.get("transfer.stalled"));
                        }
                        sent += now;
                    }
                    view.flip();
                    sha.data(view);
                    pos += want;
                    job.add(want);
                }
            }
            check(what, LibvirtNative.INSTANCE.virStreamFinish(stream));
            done = true;
            if (ImageSignatures.mayBeNamedByContent(in)) {
                refreshQuietly(pool);   // libvirt reads the volume's real format (qcow2, iso …) from its first bytes
            }
            job.markLanded();
            return sha.hex();
        } catch (InterruptedException e) {
            throw interrupted(what);
        } finally {
            if (!done) {
                abortQuietly(stream);
                try {
                    vol.delete(0);   // nothing half-made: the partial volume goes
                } catch (LibvirtException e) {
                    LOG.warn("The partial volume {} could not be deleted: {}", volumeName, LibvirtErrors.message(e));
                }
            }
            release(stream, nativeVol);
            vol.free();
            pool.free();
        }
    }

    /** Downloads the volume into {@code file} (replaced); returns the SHA-256 of the volume's bytes. */
    static String download(VireoConnect conn, String volumePath, Path file, LongJob job) throws LibvirtException, IOException {
        String what = Texts.get("op.transfer.download", volumePath);
        StorageVol vol = conn.storageVolLookupByPath(volumePath);
        long size;
        boolean sparse;
        try {
            size = VolumeXml.capacity(vol);
            sparse = vol.getInfo().type == StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_FILE;
        } finally {
            vol.free();
        }
        job.setTotal(size);
        Pointer nativeVol = LibvirtNative.INSTANCE.virStorageVolLookupByPath(conn.nativePointer(), volumePath);
        Pointer stream = LibvirtNative.INSTANCE.virStreamNew(conn.nativePointer(), 0);
        boolean done = false;
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw"); TransferDigest sha = new TransferDigest()) {
            if (nativeVol == null || stream == null) {
                throw new OperationException(what, LastError.take());
            }
            out.setLength(0);
            FileChannel channel = out.getChannel();
            check(what, LibvirtNative.INSTANCE.virStorageVolDownload(nativeVol, stream, 0, 0,
                    sparse ? LibvirtNative.VOL_SPARSE_STREAM : 0));
            Memory buffer = new Memory(CHUNK);
            long pos = 0;
            while (true) {
                cancelled(what, job);
                int n = LibvirtNative.INSTANCE.virStreamRecvFlags(stream, buffer, new NativeLong(CHUNK),
                        sparse ? LibvirtNative.STREAM_RECV_STOP_AT_HOLE : 0);
                if (n == 0) {
                    break;
                }
                if (n == LibvirtNative.RECV_HOLE) {
                    LongByReference length = new LongByReference();
                    check(what, LibvirtNative.INSTANCE.virStreamRecvHole(stream, length, 0));
                    pos += length.getValue();   // skipped: the local file keeps the hole
                    sha.zeros(length.getValue());
                    job.add(length.getValue());
                    continue;
                }
                if (n < 0) {
                    throw new OperationException(what, LastError.take());
                }
                ByteBuffer data = buffer.getByteBuffer(0, n);
                while (data.hasRemaining()) {
                    channel.write(data, pos + data.position());
                }
                data.flip();
                sha.data(data);
                pos += n;
                job.add(n);
            }
            out.setLength(pos);   // a hole at the end is a length, not bytes
            check(what, LibvirtNative.INSTANCE.virStreamFinish(stream));
            done = true;
            job.markLanded();
            return sha.hex();
        } catch (InterruptedException e) {
            throw interrupted(what);
        } finally {
            if (!done) {
                abortQuietly(stream);
                Files.deleteIfExists(file);
            }
            release(stream, nativeVol);
        }
    }

    /**
     * Copies the volume at {@code fromPath} on one node into the existing volume at {@code toPath} on another, through
     * this computer (download stream in, upload stream out), holes sent as holes. The caller made the destination
     * volume and deletes it when this fails.
     */
    static void copy(VireoConnect from, String fromPath, VireoConnect to, String toPath, LongJob job) throws LibvirtException {
        String what = Texts.get("op.migrate.copyDisk", fromPath);
        StorageVol source = from.storageVolLookupByPath(fromPath);
        StorageVol target = to.storageVolLookupByPath(toPath);
        boolean sparse;
        try {
            // Holes only between files: a block device keeps old data where a hole is skipped.
            sparse = source.getInfo().type == StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_FILE
                    && target.getInfo().type == StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_FILE;
            job.setTotal(Math.max(0, VolumeXml.capacity(source)) + job.total());
        } finally {
            source.free();
            target.free();
        }
        Pointer in = LibvirtNative.INSTANCE.virStorageVolLookupByPath(from.nativePointer(), fromPath);
        Pointer out = LibvirtNative.INSTANCE.virStorageVolLookupByPath(to.nativePointer(), toPath);
        Pointer down = LibvirtNative.INSTANCE.virStreamNew(from.nativePointer(), 0);
        Pointer up = LibvirtNative.INSTANCE.virStreamNew(to.nativePointer(), 0);
        boolean done = false;
        try {
            if (in == null || out == null || down == null || up == null) {
                throw new OperationException(what, LastError.take());
            }
            int flags = sparse ? LibvirtNative.VOL_SPARSE_STREAM : 0;
            check(what, LibvirtNative.INSTANCE.virStorageVolDownload(in, down, 0, 0, flags));
            check(what, LibvirtNative.INSTANCE.virStorageVolUpload(out, up, 0, 0, flags));
            Memory buffer = new Memory(CHUNK);
            while (true) {
                cancelled(what, job);
                int n = LibvirtNative.INSTANCE.virStreamRecvFlags(down, buffer, new NativeLong(CHUNK),
                        sparse ? LibvirtNative.STREAM_RECV_STOP_AT_HOLE : 0);
                if (n == 0) {
                    break;
                }
                if (n == LibvirtNative.RECV_HOLE) {
                    LongByReference length = new LongByReference();
                    check(what, LibvirtNative.INSTANCE.virStreamRecvHole(down, length, 0));
                    check(what, LibvirtNative.INSTANCE.virStreamSendHole(up, length.getValue(), 0));
                    job.add(length.getValue());
                    continue;
                }
                if (n < 0) {
                    throw new OperationException(what, LastError.take());
                }
                int sent = 0;
                while (sent < n) {
                    int now = LibvirtNative.INSTANCE.virStreamSend(up, buffer.share(sent), new NativeLong(n - sent));
                    if (now <= 0) {
                        throw new OperationException(what, now < 0 ? LastError.take() : Texts.get("transfer.stalled"));
                    }
                    sent += now;
                }
                job.add(n);
            }
            check(what, LibvirtNative.INSTANCE.virStreamFinish(down));
            check(what, LibvirtNative.INSTANCE.virStreamFinish(up));
            done = true;
        } finally {
            if (!done) {
                abortQuietly(down);
                abortQuietly(up);
            }
            release(down, in);
            release(up, out);
        }
    }

    /**
     * {@code length} bytes of the volume at {@code path} from {@code offset}: a ranged download, so a remote node sends
     * only these (the 2 KiB ISO label of an installer, not the whole image). Fewer bytes when the volume ends first.
     */
    static byte[] readRange(VireoConnect conn, String path, long offset, int length) throws LibvirtException {
        String what = Texts.get("op.readLabel", path);
        conn.storageVolLookupByPath(path).free();   // a path outside every pool is refused here, in libvirt's words
        Pointer vol = LibvirtNative.INSTANCE.virStorageVolLookupByPath(conn.nativePointer(), path);
        Pointer stream = LibvirtNative.INSTANCE.virStreamNew(conn.nativePointer(), 0);
        boolean done = false;
        try {
            if (vol == null || stream == null) {
                throw new OperationException(what, LastError.take());
            }
            check(what, LibvirtNative.INSTANCE.virStorageVolDownload(vol, stream, offset, length, 0));
            Memory buffer = new Memory(length);
            int got = 0;
            while (got < length) {
                int n = LibvirtNative.INSTANCE.virStreamRecvFlags(stream, buffer.share(got), new NativeLong(length - got), 0);
                if (n == 0) {
                    break;
                }
                if (n < 0) {
                    throw new OperationException(what, LastError.take());
                }
                got += n;
            }
            check(what, LibvirtNative.INSTANCE.virStreamFinish(stream));
            done = true;
            return buffer.getByteArray(0, got);
        } finally {
            if (!done) {
                abortQuietly(stream);
            }
            release(stream, vol);
        }
    }

    private static void check(String what, int result) {
        if (result < 0) {
            throw new OperationException(what, LastError.take());
        }
    }

    /** An interrupted transfer thread is a cancelled transfer; the flag stays set for whoever waits on it. */
    private static OperationException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new OperationException(what, Texts.get("transfer.cancelled"));
    }

    private static void cancelled(String what, LongJob job) {
        if (job.isCancelled()) {
            throw new OperationException(what, Texts.get("transfer.cancelled"));
        }
    }

    private static void refreshQuietly(StoragePool pool) {
        try {
            pool.refresh(0);
        } catch (LibvirtException e) {
            LOG.debug("Refreshing the pool after an upload: {}", LibvirtErrors.message(e));
        }
    }

    private static void abortQuietly(Pointer stream) {
        if (stream != null && LibvirtNative.INSTANCE.virStreamAbort(stream) < 0) {
            LOG.debug("Aborting a stream: {}", LastError.take());
        }
    }

    private static void release(Pointer stream, Pointer nativeVol) {
        if (stream != null) {
            LibvirtNative.INSTANCE.virStreamFree(stream);
        }
        if (nativeVol != null) {
            LibvirtNative.INSTANCE.virStorageVolFree(nativeVol);
        }
    }
}
