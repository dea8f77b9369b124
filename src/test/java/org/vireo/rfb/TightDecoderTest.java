package org.vireo.rfb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Tight rectangles as an encoder writes them (built here the way QEMU's vnc-enc-tight does: TPIXELs
 * as R, G, B, one zlib stream per stream id with a sync flush after each rectangle, compact
 * lengths), decoded into the framebuffer. QEMU's own Tight, lossless, is checked against its
 * screenshot in GraphicsConsoleTest; JPEG needs a photo-like screen, so it is checked here.
 */
class TightDecoderTest {

    private static final int W = 40;
    private static final int H = 30;

    private final Framebuffer framebuffer = new Framebuffer(64, 64);
    private final TightDecoder decoder = new TightDecoder(framebuffer);
    private final Deflater[] streams = {new Deflater(), new Deflater(), new Deflater(), new Deflater()};

    @Test
    void fillCopyPaletteAndGradientRectanglesComeOutAsSent() throws IOException {
        decode(stream(0x80, tpixel(0x123456)), 1, 2, W, H);
        assertRect(1, 2, filled(0xff123456));

        int[] picture = picture();
        decode(basic(0, 0, pixels(picture)), 3, 4, W, H);
        assertRect(3, 4, picture);
        // The same stream again: its zlib state carries over from the rectangle before (the sync flush consumed).
        decode(basic(0, 0, pixels(picture)), 0, 0, W, H);
        assertRect(0, 0, picture);

        int[] twoColours = new int[W * H];
        byte[] bits = new byte[(W + 7) / 8 * H];
        for (int i = 0; i < twoColours.length; i++) {
            boolean set = (i / W + i % W) % 3 == 0;
            twoColours[i] = set ? 0xffffffff : 0xff000080;
            if (set) {
                bits[i / W * ((W + 7) / 8) + i % W / 8] |= (byte) (0x80 >> (i % W % 8));
            }
        }
        decode(concat(new byte[] {0x40 | 0x10, 1, 1}, tpixel(0x000080), tpixel(0xffffff), deflated(1, bits)), 5, 5, W, H);
        assertRect(5, 5, twoColours);

        int[] fourColours = new int[W * H];
        int[] colours = {0xff000000, 0xffff0000, 0xff00ff00, 0xff0000ff};
        byte[] indices = new byte[W * H];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (byte) ((i * 7 / 5) % 4);
            fourColours[i] = colours[indices[i]];
        }
        byte[] header = concat(new byte[] {0x40 | 0x20, 1, 3}, tpixel(0), tpixel(0xff0000), tpixel(0x00ff00), tpixel(0x0000ff));
        decode(concat(header, deflated(2, indices)), 2, 7, W, H);
        assertRect(2, 7, fourColours);

        decode(concat(new byte[] {0x40 | 0x30, 2}, deflated(3, gradientData(picture))), 6, 1, W, H);
        assertRect(6, 1, picture);
    }

    @Test
    void resettingAStreamStartsItAfresh() throws IOException {
        int[] picture = picture();
        decode(basic(1, 0, pixels(picture)), 0, 0, W, H);
        streams[1].end();
        streams[1] = new Deflater();
        decode(basic(1, 0x02, pixels(picture)), 0, 0, W, H);   // bit 1: reset stream 1 first
        assertRect(0, 0, picture);
    }

    @Test
    void shortDataTravelsUncompressed() throws IOException {
        byte[] three = {1, 2, 3, 4, 5, 6, 7, 8, 9};   // 3 pixels: 9 bytes, under Tight's 12
        decode(concat(new byte[] {0}, three), 10, 10, 3, 1);
        assertArrayEquals(new int[] {0xff010203, 0xff040506, 0xff070809}, Arrays.copyOfRange(framebuffer.copyPixels(), 10 * 64 + 10, 10 * 64 + 13));
    }

    @Test
    void jpegRectanglesAreDecodedWithinJpegsLoss() throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int[] picture = picture();
        image.setRGB(0, 0, W, H, picture, 0, W);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpeg", jpeg));
        decode(concat(new byte[] {(byte) 0x90}, compactLength(jpeg.size()), jpeg.toByteArray()), 8, 8, W, H);
        int[] pixels = framebuffer.copyPixels();
        int worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int got = pixels[(8 + y) * 64 + 8 + x];
                int want = picture[y * W + x];
                assertEquals(0xff, got >>> 24, "opaque");
                for (int shift = 0; shift < 24; shift += 8) {
                    worst = Math.max(worst, Math.abs((got >> shift & 0xff) - (want >> shift & 0xff)));
                }
            }
        }
        assertTrue(worst < 48, "JPEG's loss stays small: " + worst);
    }

    @Test
    void malformedRectanglesAreRefusedNotTrustedWithMemory() {
        assertThrows(RfbClient.RfbException.class, () -> decode(new byte[] {(byte) 0xa0}, 0, 0, 4, 4), "PNG was never asked for");
        assertThrows(RfbClient.RfbException.class, () -> decode(stream(0x80, tpixel(0)), 0, 0, 60000, 60000), "larger than the screen");
        byte[] badIndex = concat(new byte[] {0x40, 1, 2}, tpixel(0), tpixel(1), tpixel(2), new byte[] {0, 1, 2, 3});
        assertThrows(RfbClient.RfbException.class, () -> decode(badIndex, 0, 0, 4, 1), "a palette index past the palette");
        byte[] garbage = concat(new byte[] {0}, compactLength(20), new byte[20]);
        assertThrows(RfbClient.RfbException.class, () -> decode(garbage, 0, 0, 10, 1), "not zlib");
    }

    private void decode(byte[] bytes, int x, int y, int w, int h) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        decoder.decode(in, x, y, w, h);
        assertEquals(-1, in.read(), "every byte of the rectangle consumed");
    }

    private void assertRect(int x, int y, int[] expected) {
        int[] pixels = framebuffer.copyPixels();
        int[] got = new int[W * H];
        for (int row = 0; row < H; row++) {
            System.arraycopy(pixels, (y + row) * 64 + x, got, row * W, W);
        }
        assertArrayEquals(expected, got);
    }

    /** A picture with many colours, so no palette would do. */
    private static int[] picture() {
        int[] picture = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                picture[y * W + x] = 0xff000000 | (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3);
            }
        }
        return picture;
    }

    private static int[] filled(int colour) {
        int[] pixels = new int[W * H];
        Arrays.fill(pixels, colour);
        return pixels;
    }

    private static byte[] pixels(int[] picture) {
        byte[] bytes = new byte[picture.length * 3];
        for (int i = 0; i < picture.length; i++) {
            System.arraycopy(tpixel(picture[i]), 0, bytes, i * 3, 3);
        }
        return bytes;
    }

    private static byte[] gradientData(int[] picture) {
        byte[] bytes = pixels(picture);
        byte[] diff = new byte[bytes.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    int left = x > 0 ? bytes[(y * W + x - 1) * 3 + c] & 0xff : 0;
                    int above = y > 0 ? bytes[((y - 1) * W + x) * 3 + c] & 0xff : 0;
                    int aboveLeft = x > 0 && y > 0 ? bytes[((y - 1) * W + x - 1) * 3 + c] & 0xff : 0;
                    int predicted = Math.max(0, Math.min(255, left + above - aboveLeft));
                    diff[(y * W + x) * 3 + c] = (byte) ((bytes[(y * W + x) * 3 + c] & 0xff) - predicted);
                }
            }
        }
        return diff;
    }

    private byte[] basic(int stream, int resets, byte[] data) {
        return concat(new byte[] {(byte) (stream << 4 | resets)}, deflated(stream, data));
    }

    private byte[] deflated(int stream, byte[] data) {
        Deflater deflater = streams[stream];
        deflater.setInput(data);
        byte[] out = new byte[data.length * 2 + 64];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        return concat(compactLength(n), Arrays.copyOf(out, n));
    }

    private static byte[] compactLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x4000) {
            return new byte[] {(byte) (length & 0x7f | 0x80), (byte) (length >> 7)};
        }
        return new byte[] {(byte) (length & 0x7f | 0x80), (byte) (length >> 7 & 0x7f | 0x80), (byte) (length >> 14)};
    }

    private static byte[] tpixel(int rgb) {
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }

    private static byte[] stream(int control, byte[] rest) {
        return concat(new byte[] {(byte) control}, rest);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
