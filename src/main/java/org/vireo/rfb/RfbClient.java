package org.vireo.rfb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.Texts;

/**
 * A VNC (RFB 3.3–3.8) client for a VM's screen: no authentication or VNC authentication, 32-bit
 * true colour, Raw and CopyRect rectangles and the DesktopSize pseudo-encoding (the guest
 * changing resolution). One reader thread decodes updates into an ARGB {@link Framebuffer}
 * and asks for the next incremental update only after the previous one arrived, so an idle
 * screen costs nothing: QEMU answers an incremental request only when something changed.
 *
 * <p>Written rather than taken from a library: the Java VNC client on Maven Central
 * (vernacular 1.14) polls for updates in a busy loop (a whole core while idle) and copies the
 * whole frame into a new AWT image per update.
 */
public final class RfbClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RfbClient.class);

    /** What the client reports, on its reader thread. */
    public interface Listener {
        /** New pixels are in the framebuffer (possibly after a resize). */
        void frameUpdated();

        void bell();

        /** The connection ended; {@code error} is empty when {@link #close()} ended it. */
        void closed(Optional<Exception> error);
    }

    private static final int ENCODING_RAW = 0;
    private static final int ENCODING_COPY_RECT = 1;
    private static final int ENCODING_DESKTOP_SIZE = -223;

    private final AutoCloseable link;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Framebuffer framebuffer;
    private final String desktopName;
    private volatile boolean closing;
    private Thread reader;
    /** Keys and pointer moves leave on a thread of their own: a write to a stalled link must not block the caller (the FX thread). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vnc-send");
        t.setDaemon(true);
        return t;
    });

    private RfbClient(AutoCloseable link, DataInputStream in, DataOutputStream out, Framebuffer framebuffer, String desktopName) {
        this.link = link;
        this.in = in;
        this.out = out;
        this.framebuffer = framebuffer;
        this.desktopName = desktopName;
    }

    /**
     * Shakes hands on a connected socket and returns a client whose reader has not started yet.
     * {@code password} is asked only if the server wants VNC authentication.
     */
    public static RfbClient handshake(Socket socket, Supplier<Optional<char[]>> password) throws IOException {
        socket.setTcpNoDelay(true);
        return handshake(socket.getInputStream(), socket.getOutputStream(), socket, password);
    }

    /**
     * The same over any byte stream (an SSH channel to a node's display, with no socket on this
     * machine); {@code link} is closed with the client.
     */
    public static RfbClient handshake(InputStream input, OutputStream output, AutoCloseable link, Supplier<Optional<char[]>> password)
            throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input, 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(output));
        byte[] version = new byte[12];
        in.readFully(version);
        String server = new String(version, StandardCharsets.US_ASCII);
        if (!server.startsWith("RFB ")) {
            throw new RfbException(Texts.get("rfb.notVnc", server.strip()));
        }
        int minor = Integer.parseInt(server.substring(8, 11));
        int major = Integer.parseInt(server.substring(4, 7));
        int useMinor = major > 3 || minor >= 8 ? 8 : minor >= 7 ? 7 : 3;
        out.write(String.format("RFB 003.%03d\n", useMinor).getBytes(StandardCharsets.US_ASCII));
        out.flush();

        int security;
        if (useMinor == 3) {
            security = in.readInt();
            if (security == 0) {
                throw new RfbException(Texts.get("rfb.refused", readString(in)));
            }
        } else {
            int count = in.readUnsignedByte();
            if (count == 0) {
                throw new RfbException(Texts.get("rfb.refused", readString(in)));
            }
            byte[] types = new byte[count];
            in.readFully(types);
            security = 0;
            for (byte type : types) {
                if (type == 1) {
                    security = 1;   // none: take it when offered
                    break;
                }
                if (type == 2) {
                    security = 2;
                }
            }
            if (security == 0) {
                throw new RfbException(Texts.get("rfb.unknownAuth", Arrays.toString(types)));
            }
            out.writeByte(security);
            out.flush();
        }
        if (security == 2) {
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            char[] secret = password.get().orElseThrow(() -> new RfbException(Texts.get("rfb.noPassword")));
            out.write(vncResponse(challenge, secret));
            Arrays.fill(secret, '\0');
            out.flush();
        }
        if (security == 2 || useMinor == 8) {
            int result = in.readInt();
            if (result != 0) {
                String reason = useMinor == 8 ? readString(in) : "";
                throw new RfbException(security == 2 ? Texts.get(reason.isEmpty() ? "rfb.badPassword" : "rfb.badPasswordWhy", reason)
                        : Texts.get("rfb.refused", reason));
            }
        }

        out.writeByte(1);   // ClientInit: shared, other viewers stay connected
        out.flush();
        int width = in.readUnsignedShort();
        int height = in.readUnsignedShort();
        in.skipBytes(16);   // the server's pixel format: we set our own
        String name = readString(in);

        // SetPixelFormat: 32 bpp, depth 24, little endian, true colour, 8 bits each at 16/8/0.
        out.writeByte(0);
        out.write(new byte[3]);
        out.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
        // SetEncodings
        out.writeByte(2);
        out.writeByte(0);
        int[] encodings = {ENCODING_COPY_RECT, ENCODING_RAW, ENCODING_DESKTOP_SIZE};
        out.writeShort(encodings.length);
        for (int encoding : encodings) {
            out.writeInt(encoding);
        }
        out.flush();
        return new RfbClient(link, in, out, new Framebuffer(width, height), name);
    }

    /** Starts reading updates; the first one is a full frame. */
    public synchronized void start(Listener listener) {
        reader = new Thread(() -> read(listener), "vnc-" + desktopName);
        reader.setDaemon(true);
        reader.start();
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    public String desktopName() {
        return desktopName;
    }

    /** An X11 keysym pressed or released; queued, sent in order. A broken link is reported by the reader, once. */
    public void key(int keysym, boolean down) {
        ByteBuffer message = ByteBuffer.allocate(8);
        message.put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym);
        send(message.array());
    }

    /** The pointer at (x, y) in framebuffer pixels with the buttons of {@code mask} held (1 left, 2 middle, 4 right, 8/16 wheel); queued. */
    public void pointer(int mask, int x, int y) {
        ByteBuffer message = ByteBuffer.allocate(6);
        message.put((byte) 5).put((byte) mask)
                .putShort((short) Math.max(0, Math.min(x, framebuffer.width() - 1)))
                .putShort((short) Math.max(0, Math.min(y, framebuffer.height() - 1)));
        send(message.array());
    }

    private void send(byte[] message) {
        try {
            sender.execute(() -> {
                try {
                    synchronized (this) {
                        out.write(message);
                        out.flush();
                    }
                } catch (IOException e) {
                    LOG.debug("VNC input not sent: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException closed) {
            // the connection is closed: input goes nowhere
        }
    }

    private synchronized void requestUpdate(boolean incremental) throws IOException {
        out.writeByte(3);
        out.writeByte(incremental ? 1 : 0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(framebuffer.width());
        out.writeShort(framebuffer.height());
        out.flush();
    }

    private void read(Listener listener) {
        Optional<Exception> error = Optional.empty();
        try {
            requestUpdate(false);
            while (!closing) {
                int type = in.readUnsignedByte();
                switch (type) {
                    case 0 -> {
                        boolean resized = readUpdate();
                        listener.frameUpdated();
                        // After a resize the whole new frame is needed, not the changes.
                        requestUpdate(!resized);
                    }
                    case 1 -> {   // SetColourMapEntries: not used in true colour
                        in.skipBytes(3);
                        int count = in.readUnsignedShort();
                        in.skipBytes(count * 6);
                    }
                    case 2 -> listener.bell();
                    case 3 -> {   // ServerCutText
                        in.skipBytes(3);
                        in.skipBytes(in.readInt());
                    }
                    default -> throw new RfbException(Texts.get("rfb.unknownMessage", String.valueOf(type)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                LOG.info("VNC connection to {} ended: {}", desktopName, e.toString());
                error = Optional.of(e);
            }
        } finally {
            closeQuietly();
            listener.closed(error);
        }
    }

    /** One FramebufferUpdate; true when the desktop size changed. */
    private boolean readUpdate() throws IOException {
        in.skipBytes(1);
        int rectangles = in.readUnsignedShort();
        boolean resized = false;
        for (int i = 0; i < rectangles; i++) {
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            switch (encoding) {
                case ENCODING_RAW -> framebuffer.readRaw(in, x, y, w, h);
                case ENCODING_COPY_RECT -> framebuffer.copy(in.readUnsignedShort(), in.readUnsignedShort(), x, y, w, h);
                case ENCODING_DESKTOP_SIZE -> {
                    framebuffer.resize(w, h);
                    resized = true;
                }
                default -> throw new RfbException(Texts.get("rfb.unknownEncoding", String.valueOf(encoding)));
            }
        }
        return resized;
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 16) {
            throw new RfbException(Texts.get("rfb.malformed"));
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** VNC authentication: the challenge encrypted with DES, keyed by the password's bytes bit-reversed. */
    static byte[] vncResponse(byte[] challenge, char[] password) throws RfbException {
        byte[] key = new byte[8];
        for (int i = 0; i < key.length && i < password.length; i++) {
            key[i] = (byte) (Integer.reverse(password[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new RfbException(Texts.get("rfb.noDes", String.valueOf(e.getMessage())));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void close() {
        closing = true;
        closeQuietly();
    }

    private void closeQuietly() {
        sender.shutdownNow();
        try {
            link.close();
        } catch (Exception e) {
            LOG.debug("Closing the VNC link failed", e);
        }
    }

    /** A protocol-level refusal, worded for the user. */
    public static final class RfbException extends IOException {
        private static final long serialVersionUID = 1L;

        public RfbException(String message) {
            super(message);
        }
    }
}
