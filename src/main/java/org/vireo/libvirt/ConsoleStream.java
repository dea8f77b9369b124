package org.vireo.libvirt;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.ConsoleService;

/**
 * A domain's serial console as a pair of Java streams over libvirt's stream API, bound with our
 * own JNA calls (libvirt-java 0.5.4 has no virDomainOpenConsole). Reads block on the caller's
 * thread (the terminal's reader), never on the node's worker.
 */
final class ConsoleStream implements ConsoleService.ConsoleSession {

    private static final int CONSOLE_SAFE = 2;

    private final Pointer stream;
    private volatile boolean open = true;
    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (!open) {
                return -1;
            }
            byte[] chunk = new byte[Math.min(length, 8192)];
            int n = LibvirtNative.INSTANCE.virStreamRecv(stream, chunk, new NativeLong(chunk.length));
            if (n <= 0) {
                boolean closedByUs = !open;
                open = false;
                release();
                if (n < 0 && !closedByUs) {
                    throw new IOException(Texts.get("console.streamFailed", LastError.take()));
                }
                return -1;
            }
            System.arraycopy(chunk, 0, buffer, offset, n);
            return n;
        }
    };
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            byte[] rest = Arrays.copyOfRange(data, offset, offset + length);
            while (rest.length > 0 && open) {
                int n = LibvirtNative.INSTANCE.virStreamSend(stream, rest, new NativeLong(rest.length));
                if (n < 0) {
                    open = false;
                    throw new IOException(Texts.get("console.streamFailed", LastError.take()));
                }
                rest = Arrays.copyOfRange(rest, n, rest.length);
            }
        }
    };

    private ConsoleStream(Pointer stream) {
        this.stream = stream;
    }

    static ConsoleStream open(VireoConnect conn, String uuid, String vmName) {
        LibvirtNative lib = LibvirtNative.INSTANCE;
        Pointer domain = lib.virDomainLookupByUUIDString(conn.nativePointer(), uuid);
        if (domain == null) {
            throw new OperationException(Texts.get("op.openConsole", vmName), LastError.take());
        }
        Pointer stream = lib.virStreamNew(conn.nativePointer(), 0);
        try {
            if (lib.virDomainOpenConsole(domain, null, stream, CONSOLE_SAFE) < 0) {
                String error = LastError.take();
                lib.virStreamFree(stream);
                String plain = error.contains("Active console session") || error.contains("already in use")
                        ? Texts.get("console.inUse", vmName, error)
                        : error.contains("not supported") ? Texts.get("console.unsupported", error) : error;
                throw new OperationException(Texts.get("op.openConsole", vmName), plain);
            }
            return new ConsoleStream(stream);
        } finally {
            lib.virDomainFree(domain);
        }
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * Aborting wakes the reader blocked in virStreamRecv; the stream is freed by that reader once
     * it has returned, so no call can run on a freed stream.
     */
    @Override
    public void close() {
        if (open) {
            open = false;
            LibvirtNative.INSTANCE.virStreamAbort(stream);
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            LibvirtNative.INSTANCE.virStreamFree(stream);
        }
    }
}
