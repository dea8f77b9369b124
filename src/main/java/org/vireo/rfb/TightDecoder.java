package org.vireo.rfb;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.vireo.model.Texts;

/**
 * Tight rectangles (encoding 7), as the RFB community documentation and QEMU's encoder have them,
 * for our pixel format (32 bits per pixel, depth 24, so pixels travel as three bytes R, G, B):
 * a fill colour; JPEG (only when the client sent a JPEG quality level: lossy, for photo-like
 * parts of a screen over a slow link); or "basic" data through one of four zlib streams that last
 * the whole connection, optionally filtered by a palette (1 bit per pixel for two colours) or by
 * the gradient predictor. Decoded on the reader thread; JPEG with the JDK's own ImageIO decoder.
 */
final class TightDecoder {

    private static final int FILL = 8;
    private static final int JPEG = 9;
    private static final int READ_FILTER = 4;
    private static final int FILTER_COPY = 0;
    private static final int FILTER_PALETTE = 1;
    private static final int FILTER_GRADIENT = 2;
    /** Data shorter than this travels uncompressed, without a length. */
    private static final int MIN_TO_COMPRESS = 12;
    /** The most a rectangle may carry; a Tight encoder sends at most 2048 pixels wide and 64 K pixels in all. */
    private static final int MAX_BYTES = 16 << 20;

    private final Framebuffer framebuffer;
    private final Inflater[] streams = {new Inflater(), new Inflater(), new Inflater(), new Inflater()};
    private final int[] palette = new int[256];
    private final byte[] drain = new byte[64];
    private byte[] compressed = new byte[0];
    private byte[] data = new byte[0];
    private int[] rect = new int[0];

    TightDecoder(Framebuffer framebuffer) {
        this.framebuffer = framebuffer;
    }

    void decode(DataInputStream in, int x, int y, int w, int h) throws IOException {
        int control = in.readUnsignedByte();
        for (int i = 0; i < streams.length; i++) {
            if ((control & (1 << i)) != 0) {
                streams[i].reset();
            }
        }
        int type = control >> 4;
        if ((long) w * h > (long) framebuffer.width() * framebuffer.height()) {
            throw malformed();   // before allocating for it: a hostile size must not exhaust the heap
        }
        int pixels = w * h;
        if (rect.length < pixels) {
            rect = new int[pixels];
        }
        if (type == FILL) {
            int colour = tpixel(in);
            Arrays.fill(rect, 0, pixels, colour);
        } else if (type == JPEG) {
            jpeg(in, w, h);
        } else if (type > JPEG) {
            throw malformed();   // PNG is TightPNG's, which is never asked for
        } else {
            int stream = type & 3;
            int filter = (type & READ_FILTER) != 0 ? in.readUnsignedByte() : FILTER_COPY;
            switch (filter) {
                case FILTER_COPY -> {
                    byte[] bytes = read(in, stream, pixels * 3);
                    for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                        rect[i] = rgb(bytes[j], bytes[j + 1], bytes[j + 2]);
                    }
                }
                case FILTER_PALETTE -> palette(in, stream, w, h);
                case FILTER_GRADIENT -> gradient(read(in, stream, pixels * 3), w, h);
                default -> throw malformed();
            }
        }
        framebuffer.putTile(rect, x, y, w, h);
    }

    private void palette(DataInputStream in, int stream, int w, int h) throws IOException {
        int colours = in.readUnsignedByte() + 1;
        for (int i = 0; i < colours; i++) {
            palette[i] = tpixel(in);
        }
        if (colours == 2) {
            int rowBytes = (w + 7) / 8;
            byte[] bits = read(in, stream, rowBytes * h);
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    int bit = (bits[row * rowBytes + col / 8] >> (7 - col % 8)) & 1;
                    rect[row * w + col] = palette[bit];
                }
            }
        } else {
            byte[] indices = read(in, stream, w * h);
            for (int i = 0; i < w * h; i++) {
                int index = indices[i] & 0xff;
                if (index >= colours) {
                    throw malformed();
                }
                rect[i] = palette[index];
            }
        }
    }

    /** Each component is predicted as left + above − above-left (clamped), and the data is the difference. */
    private void gradient(byte[] bytes, int w, int h) {
        int[] previous = new int[w * 3];
        int[] current = new int[w * 3];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                for (int c = 0; c < 3; c++) {
                    int left = col > 0 ? current[(col - 1) * 3 + c] : 0;
                    int aboveLeft = col > 0 ? previous[(col - 1) * 3 + c] : 0;
                    int predicted = Math.max(0, Math.min(255, left + previous[col * 3 + c] - aboveLeft));
                    current[col * 3 + c] = (predicted + bytes[(row * w + col) * 3 + c]) & 0xff;
                }
                rect[row * w + col] = 0xff000000 | current[col * 3] << 16 | current[col * 3 + 1] << 8 | current[col * 3 + 2];
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
    }

    private void jpeg(DataInputStream in, int w, int h) throws IOException {
        int length = compactLength(in);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            throw malformed();
        }
        image.getRGB(0, 0, w, h, rect, 0, w);
        for (int i = 0; i < w * h; i++) {
            rect[i] |= 0xff000000;
        }
    }

    /** {@code size} bytes of a rectangle's data: as they are when short, else inflated from the given stream. */
    private byte[] read(DataInputStream in, int stream, int size) throws IOException {
        if (data.length < size) {
            data = new byte[size];
        }
        if (size < MIN_TO_COMPRESS) {
            in.readFully(data, 0, size);
            return data;
        }
        int length = compactLength(in);
        if (compressed.length < length) {
            compressed = new byte[length];
        }
        in.readFully(compressed, 0, length);
        Inflater inflater = streams[stream];
        inflater.setInput(compressed, 0, length);
        try {
            for (int done = 0; done < size; ) {
                int n = inflater.inflate(data, done, size - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.finished())) {
                    throw malformed();
                }
                done += n;
            }
            // The encoder ends each rectangle with a sync flush (an empty stored block): consume it, or the stream's
            // next rectangle would start in the middle of it.
            while (inflater.getRemaining() > 0) {
                if (inflater.inflate(drain) > 0) {
                    throw malformed();
                }
                if (inflater.needsInput() || inflater.finished()) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw malformed();
        }
        return data;
    }

    private static int compactLength(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        int length = b & 0x7f;
        if ((b & 0x80) != 0) {
            b = in.readUnsignedByte();
            length |= (b & 0x7f) << 7;
            if ((b & 0x80) != 0) {
                length |= in.readUnsignedByte() << 14;
            }
        }
        if (length > MAX_BYTES) {
            throw malformed();
        }
        return length;
    }

    private static int tpixel(DataInputStream in) throws IOException {
        int r = in.readUnsignedByte();
        int g = in.readUnsignedByte();
        int b = in.readUnsignedByte();
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int rgb(byte r, byte g, byte b) {
        return 0xff000000 | (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    private static RfbClient.RfbException malformed() {
        return new RfbClient.RfbException(Texts.get("rfb.malformed"));
    }

    void close() {
        for (Inflater stream : streams) {
            stream.end();
        }
    }
}
