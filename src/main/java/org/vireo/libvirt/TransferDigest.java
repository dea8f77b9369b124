package org.vireo.libvirt;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The SHA-256 of a transfer, computed on a thread of its own beside it, so hashing (a sparse file's holes are
 * hashed as the zeros they read as: a gigabyte of them is 0.6 s of a core) does not slow the bytes on the wire.
 * At most 16 pieces wait to be hashed; the transfer waits when the hash falls that far behind.
 */
final class TransferDigest implements AutoCloseable {

    /*
     * Hashed in 64 KiB slices: HotSpot swaps in its SHA-256 intrinsic (SHA-NI, several times faster) only when it
     * compiles the digest's block loop as a whole method, which takes enough calls; 1 MiB calls reach that count
     * only after most of a gigabyte has been hashed by the plain Java loop.
     */
    private static final int SLICE = 64 << 10;
    private static final byte[] ZEROS = new byte[SLICE];

    private final MessageDigest sha = sha256();
    // At background priority: on a busy machine the bytes on the wire come first, the checksum after them.
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> BackgroundPriority.newThread(r, "vireo-transfer-digest"));
    private final Semaphore waiting = new Semaphore(16);

    /** Hashes the buffer's remaining bytes (copied: the caller reuses its buffer at once). */
    void data(ByteBuffer bytes) throws InterruptedException {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        waiting.acquire();
        thread.execute(() -> {
            for (int at = 0; at < copy.length; at += SLICE) {
                sha.update(copy, at, Math.min(SLICE, copy.length - at));
            }
            waiting.release();
        });
    }

    /** Hashes {@code length} zeros: a hole. */
    void zeros(long length) throws InterruptedException {
        waiting.acquire();
        thread.execute(() -> {
            for (long left = length; left > 0; left -= SLICE) {
                sha.update(ZEROS, 0, (int) Math.min(SLICE, left));
            }
            waiting.release();
        });
    }

    /** The hex digest, once everything given has been hashed. */
    String hex() throws InterruptedException {
        try {
            return thread.submit(() -> HexFormat.of().formatHex(sha.digest())).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
