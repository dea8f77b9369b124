package org.vireo.rfb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.Texts;

/**
 * A VNC (RFB 3.3–3.8) client for a VM's screen: no authentication or VNC authentication, 32-bit
 * true colour; Raw, CopyRect, Hextile, ZRLE and Tight rectangles (the compressed ones for slow links, Tight with JPEG, see
 * {@link Quality}); the DesktopSize (the guest changing resolution) and Cursor (the pointer's shape,
 * drawn by the viewer so it follows the mouse at once) pseudo-encodings; cut text both ways (RFB's
 * clipboard: Latin-1). One reader thread decodes updates into an ARGB {@link Framebuffer}
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

        /** The guest copied text (ServerCutText). */
        default void cutText(String text) {
        }

        /** The pointer's new shape: {@code argb} is w × h (transparent where the mask is clear), hot spot at (hotX, hotY). */
        default void cursor(int[] argb, int w, int h, int hotX, int hotY) {
        }

        /** The connection ended; {@code error} is empty when {@link #close()} ended it. */
        void closed(Optional<Exception> error);
    }

    private static final int ENCODING_RAW = 0;
    private static final int ENCODING_COPY_RECT = 1;
    private static final int ENCODING_HEXTILE = 5;
    private static final int ENCODING_TIGHT = 7;
    private static final int ENCODING_ZRLE = 16;
    private static final int ENCODING_DESKTOP_SIZE = -223;
    private static final int ENCODING_CURSOR = -239;
    /** Tight's JPEG quality pseudo-encodings run from level 0 (-32) to 9 (-23); without one, Tight stays lossless. */
    private static final int ENCODING_JPEG_QUALITY_7 = -32 + 7;

    /** The rectangle encodings this client decodes, with their RFB numbers. */
    public enum Encoding {
        RAW(ENCODING_RAW), COPY_RECT(ENCODING_COPY_RECT), HEXTILE(ENCODING_HEXTILE), ZRLE(ENCODING_ZRLE), TIGHT(ENCODING_TIGHT),
        /** Not a rectangle encoding: lets Tight send photo-like areas as JPEG at quality level 7 of 9 (lossy). */
        JPEG_QUALITY(ENCODING_JPEG_QUALITY_7);

        final int number;

        Encoding(int number) {
            this.number = number;
        }

        static Optional<Encoding> of(int number) {
            return Arrays.stream(values()).filter(e -> e.number == number).findFirst();
        }
    }

    /**
     * Which rectangle encodings are asked for, most wanted first (the server takes the first it has). On a LAN, Raw costs
     * neither side any CPU and nothing is lossy; on a slow link Tight (zlib with palettes and a gradient filter, and JPEG
     * for photo-like areas), then ZRLE and Hextile send a fraction of the bytes. {@link #AUTO} is the caller's to resolve:
     * a display reached over the network is a slow link, a local one a LAN.
     */
    public enum Quality {
        AUTO, LAN, SLOW_LINK;

        public Quality resolve(boolean overNetwork) {
            return this != AUTO ? this : overNetwork ? SLOW_LINK : LAN;
        }

        List<Encoding> encodings() {
            return this == SLOW_LINK
                    ? List.of(Encoding.COPY_RECT, Encoding.TIGHT, Encoding.ZRLE, Encoding.HEXTILE, Encoding.RAW, Encoding.JPEG_QUALITY)
                    : List.of(Encoding.COPY_RECT, Encoding.RAW, Encoding.ZRLE, Encoding.HEXTILE, Encoding.TIGHT);
        }
    }

    /** Counts what arrives, for the figures of bench/screen and the tab's tooltip. */
    private static final class CountingInput extends FilterInputStream {
        private final AtomicLong bytes = new AtomicLong();

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes.addAndGet(n);
            }
            return n;
        }
    }

    private final AutoCloseable link;
    private final CountingInput counted;
    private final AtomicLong updates = new AtomicLong();
    private final Map<Encoding, AtomicLong> rectangleCounts = new EnumMap<>(Encoding.class);
    private final RectDecoders decoders;
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

    private RfbClient(AutoCloseable link, CountingInput counted, DataInputStream in, DataOutputStream out, Framebuffer framebuffer,
                      String desktopName) {
        this.link = link;
        this.counted = counted;
        this.decoders = new RectDecoders(framebuffer);
        for (Encoding encoding : Encoding.values()) {
            rectangleCounts.put(encoding, new AtomicLong());
        }
        this.in = in;
        this.out = out;
        this.framebuffer = framebuffer;
        this.desktopName = desktopName;
    }

    /**
     * Shakes hands on a connected socket and returns a client whose reader has not started yet.
     * {@code password} is asked only if the server wants VNC authentication.
     */
    public static RfbClient handshake(Socket socket, Supplier<Optional<char[]>> password, Quality quality) throws IOException {
        socket.setTcpNoDelay(true);
        return handshake(socket.getInputStream(), socket.getOutputStream(), socket, password, quality);
    }

    /**
     * The same over any byte stream (an SSH channel to a node's display, with no socket on this
     * machine); {@code link} is closed with the client.
     */
    public static RfbClient handshake(InputStream input, OutputStream output, AutoCloseable link, Supplier<Optional<char[]>> password,
                                      Quality quality) throws IOException {
        return handshake(input, output, link, password, quality.resolve(false).encodings());
    }

    /** With the rectangle encodings given, most wanted first (Raw is always decoded: servers may fall back to it). */
    public static RfbClient handshake(InputStream input, OutputStream output, AutoCloseable link, Supplier<Optional<char[]>> password,
                                      List<Encoding> preferred) throws IOException {
        CountingInput counted = new CountingInput(input);
        DataInputStream in = new DataInputStream(new BufferedInputStream(counted, 1 << 16));
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
                if (security == 2) {
                    throw new BadPasswordException(Texts.get(reason.isEmpty() ? "rfb.badPassword" : "rfb.badPasswordWhy", reason));
                }
                throw new RfbException(Texts.get("rfb.refused", reason));
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
        List<Integer> encodings = new ArrayList<>(preferred.stream().map(e -> e.number).toList());
        encodings.add(ENCODING_DESKTOP_SIZE);
        encodings.add(ENCODING_CURSOR);
        out.writeShort(encodings.size());
        for (int encoding : encodings) {
            out.writeInt(encoding);
        }
        out.flush();
        return new RfbClient(link, counted, in, out, new Framebuffer(width, height), name);
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

    /** Bytes received from the server so far (handshake included). */
    public long bytesReceived() {
        return counted.bytes.get();
    }

    /** Rectangles received so far in each encoding: which one the server chose. */
    public Map<Encoding, Long> rectanglesByEncoding() {
        Map<Encoding, Long> counts = new EnumMap<>(Encoding.class);
        rectangleCounts.forEach((encoding, count) -> counts.put(encoding, count.get()));
        return counts;
    }

    /** Framebuffer updates received so far. */
    public long updatesReceived() {
        return updates.get();
    }

    /** Text the user copied, for the guest's clipboard (ClientCutText: Latin-1, other characters as '?'); queued. */
    public void cutText(String text) {
        byte[] latin1 = text.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer message = ByteBuffer.allocate(8 + latin1.length);
        message.put((byte) 6).put(new byte[3]).putInt(latin1.length).put(latin1);
        send(message.array());
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
                        boolean resized = readUpdate(listener);
                        updates.incrementAndGet();
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
                        int length = in.readInt();
                        if (length < 0 || length > 1 << 24) {
                            throw new RfbException(Texts.get("rfb.malformed"));
                        }
                        byte[] text = new byte[length];
                        in.readFully(text);
                        listener.cutText(new String(text, StandardCharsets.ISO_8859_1));
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
    private boolean readUpdate(Listener listener) throws IOException {
        in.skipBytes(1);
        int rectangles = in.readUnsignedShort();
        boolean resized = false;
        for (int i = 0; i < rectangles; i++) {
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            Encoding.of(encoding).ifPresent(known -> rectangleCounts.get(known).incrementAndGet());
            switch (encoding) {
                case ENCODING_RAW -> framebuffer.readRaw(in, x, y, w, h);
                case ENCODING_COPY_RECT -> framebuffer.copy(in.readUnsignedShort(), in.readUnsignedShort(), x, y, w, h);
                case ENCODING_HEXTILE -> decoders.hextile(in, x, y, w, h);
                case ENCODING_ZRLE -> decoders.zrle(in, x, y, w, h);
                case ENCODING_TIGHT -> decoders.tight(in, x, y, w, h);
                case ENCODING_CURSOR -> readCursor(listener, x, y, w, h);
                case ENCODING_DESKTOP_SIZE -> {
                    framebuffer.resize(w, h);
                    resized = true;
                }
                default -> throw new RfbException(Texts.get("rfb.unknownEncoding", String.valueOf(encoding)));
            }
        }
        return resized;
    }

    /** The Cursor pseudo-rectangle: w × h pixels, then a bit mask a row of whole bytes wide; (x, y) is the hot spot. */
    private void readCursor(Listener listener, int hotX, int hotY, int w, int h) throws IOException {
        if (w > 256 || h > 256) {
            throw new RfbException(Texts.get("rfb.malformed"));
        }
        int[] argb = new int[w * h];
        byte[] raw = new byte[w * h * 4];
        in.readFully(raw);
        int rowBytes = (w + 7) / 8;
        byte[] mask = new byte[rowBytes * h];
        in.readFully(mask);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = (row * w + col) * 4;
                boolean shown = (mask[row * rowBytes + col / 8] & (0x80 >> (col % 8))) != 0;
                argb[row * w + col] = shown ? 0xff000000 | (raw[i + 2] & 0xff) << 16 | (raw[i + 1] & 0xff) << 8 | (raw[i] & 0xff) : 0;
            }
        }
        listener.cursor(argb, w, h, hotX, hotY);
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
        decoders.close();
        try {
            link.close();
        } catch (Exception e) {
            LOG.debug("Closing the VNC link failed", e);
        }
    }

    /** The server did not accept the VNC password: another try may be offered. */
    public static final class BadPasswordException extends RfbException {
        private static final long serialVersionUID = 1L;

        public BadPasswordException(String message) {
            super(message);
        }
    }

    /** A protocol-level refusal, worded for the user. */
    public static class RfbException extends IOException {
        private static final long serialVersionUID = 1L;

        public RfbException(String message) {
            super(message);
        }
    }
}
