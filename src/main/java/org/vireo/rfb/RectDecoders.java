package org.vireo.rfb;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.vireo.model.Texts;

/**
 * The compressed rectangle encodings for slow links, decoded on the reader thread into tiles that are then stored in
 * the {@link Framebuffer} (which only ever holds opaque ARGB): Hextile (5) and ZRLE (16), as RFC 6143 and the RFB
 * community documentation describe them, for our pixel format (32 bits per pixel, depth 24, little endian, red at
 * bit 16). ZRLE's zlib stream runs for the whole connection, so one decoder lives as long as its client. Tight (7)
 * has a class of its own, {@link TightDecoder}.
 */
final class RectDecoders {

    private static final int HEXTILE_RAW = 1;
    private static final int HEXTILE_BACKGROUND = 2;
    private static final int HEXTILE_FOREGROUND = 4;
    private static final int HEXTILE_ANY_SUBRECTS = 8;
    private static final int HEXTILE_SUBRECTS_COLOURED = 16;
    /** The most a ZRLE rectangle may carry compressed; QEMU's are far smaller. Guards against a hostile length. */
    private static final int ZRLE_MAX_BYTES = 64 << 20;

    private final Framebuffer framebuffer;
    private final TightDecoder tight;
    private final Inflater zrle = new Inflater();
    private byte[] compressed = new byte[0];
    private byte[] inflated = new byte[64 * 64 * 4 + 1];
    private final int[] tile = new int[64 * 64];
    private final int[] palette = new int[128];

    RectDecoders(Framebuffer framebuffer) {
        this.framebuffer = framebuffer;
        this.tight = new TightDecoder(framebuffer);
    }

    void tight(DataInputStream in, int x, int y, int w, int h) throws IOException {
        tight.decode(in, x, y, w, h);
    }

    /** One Hextile rectangle: 16×16 tiles, each raw or a background with solid subrectangles. */
    void hextile(DataInputStream in, int x, int y, int w, int h) throws IOException {
        int background = 0xff000000;
        int foreground = 0xffffffff;
        for (int ty = y; ty < y + h; ty += 16) {
            int th = Math.min(16, y + h - ty);
            for (int tx = x; tx < x + w; tx += 16) {
                int tw = Math.min(16, x + w - tx);
                int sub = in.readUnsignedByte();
                if ((sub & HEXTILE_RAW) != 0) {
                    for (int i = 0; i < tw * th; i++) {
                        tile[i] = pixel(in);
                    }
                    framebuffer.putTile(tile, tx, ty, tw, th);
                    continue;
                }
                if ((sub & HEXTILE_BACKGROUND) != 0) {
                    background = pixel(in);
                }
                if ((sub & HEXTILE_FOREGROUND) != 0) {
                    foreground = pixel(in);
                }
                Arrays.fill(tile, 0, tw * th, background);
                if ((sub & HEXTILE_ANY_SUBRECTS) != 0) {
                    int count = in.readUnsignedByte();
                    boolean coloured = (sub & HEXTILE_SUBRECTS_COLOURED) != 0;
                    for (int s = 0; s < count; s++) {
                        int colour = coloured ? pixel(in) : foreground;
                        int xy = in.readUnsignedByte();
                        int wh = in.readUnsignedByte();
                        int sx = xy >> 4;
                        int sy = xy & 15;
                        int sw = (wh >> 4) + 1;
                        int sh = (wh & 15) + 1;
                        if (sx + sw > tw || sy + sh > th) {
                            throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
                        }
                        for (int row = sy; row < sy + sh; row++) {
                            Arrays.fill(tile, row * tw + sx, row * tw + sx + sw, colour);
                        }
                    }
                }
                framebuffer.putTile(tile, tx, ty, tw, th);
            }
        }
    }

    /** One ZRLE rectangle: its zlib data read whole, inflated as the tiles need it. */
    void zrle(DataInputStream in, int x, int y, int w, int h) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > ZRLE_MAX_BYTES) {
            throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
        }
        if (compressed.length < length) {
            compressed = new byte[length];
        }
        in.readFully(compressed, 0, length);
        zrle.setInput(compressed, 0, length);
        DataInputStream data = new DataInputStream(new InflatingStream());
        for (int ty = y; ty < y + h; ty += 64) {
            int th = Math.min(64, y + h - ty);
            for (int tx = x; tx < x + w; tx += 64) {
                int tw = Math.min(64, x + w - tx);
                zrleTile(data, tw, th);
                framebuffer.putTile(tile, tx, ty, tw, th);
            }
        }
    }

    private void zrleTile(DataInputStream data, int tw, int th) throws IOException {
        int pixels = tw * th;
        int sub = data.readUnsignedByte();
        if (sub == 0) {
            for (int i = 0; i < pixels; i++) {
                tile[i] = cpixel(data);
            }
        } else if (sub == 1) {
            Arrays.fill(tile, 0, pixels, cpixel(data));
        } else if (sub <= 16) {
            for (int i = 0; i < sub; i++) {
                palette[i] = cpixel(data);
            }
            int bits = sub == 2 ? 1 : sub <= 4 ? 2 : 4;
            int mask = (1 << bits) - 1;
            for (int row = 0; row < th; row++) {
                int bitsLeft = 0;
                int current = 0;
                for (int col = 0; col < tw; col++) {
                    if (bitsLeft == 0) {
                        current = data.readUnsignedByte();
                        bitsLeft = 8;
                    }
                    bitsLeft -= bits;
                    int index = (current >> bitsLeft) & mask;
                    if (index >= sub) {
                        throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
                    }
                    tile[row * tw + col] = palette[index];
                }
            }
        } else if (sub == 128) {
            for (int i = 0; i < pixels; ) {
                int colour = cpixel(data);
                int run = runLength(data);
                if (i + run > pixels) {
                    throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
                }
                Arrays.fill(tile, i, i + run, colour);
                i += run;
            }
        } else if (sub >= 130) {
            int size = sub - 128;
            for (int i = 0; i < size; i++) {
                palette[i] = cpixel(data);
            }
            for (int i = 0; i < pixels; ) {
                int index = data.readUnsignedByte();
                int run = 1;
                if ((index & 128) != 0) {
                    index &= 127;
                    run = runLength(data);
                }
                if (index >= size || i + run > pixels) {
                    throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
                }
                Arrays.fill(tile, i, i + run, palette[index]);
                i += run;
            }
        } else {
            throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
        }
    }

    private static int runLength(DataInputStream data) throws IOException {
        int run = 1;
        int b;
        do {
            b = data.readUnsignedByte();
            run += b;
        } while (b == 255);
        return run;
    }

    /** A full pixel of our format: blue, green, red, padding. */
    private static int pixel(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        int g = in.readUnsignedByte();
        int r = in.readUnsignedByte();
        in.readUnsignedByte();
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** ZRLE's compressed pixel: our format's three bytes that carry colour (depth 24 fits the low three, little endian). */
    private static int cpixel(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        int g = in.readUnsignedByte();
        int r = in.readUnsignedByte();
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    void close() {
        zrle.end();
        tight.close();
    }

    /** The rectangle's zlib data as a stream: inflates into a buffer as the tile reader asks. */
    private final class InflatingStream extends InputStream {
        private int position;
        private int limit;

        @Override
        public int read() throws IOException {
            if (position >= limit && !fill()) {
                throw new EOFException(Texts.get("rfb.malformed"));
            }
            return inflated[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= limit && !fill()) {
                throw new EOFException(Texts.get("rfb.malformed"));
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(inflated, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            try {
                limit = zrle.inflate(inflated);
                position = 0;
                return limit > 0;
            } catch (DataFormatException e) {
                throw new RfbClient.RfbException(Texts.get("rfb.malformed"));
            }
        }
    }
}
