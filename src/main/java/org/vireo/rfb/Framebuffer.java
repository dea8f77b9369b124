package org.vireo.rfb;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.vireo.model.Texts;

/**
 * The guest's screen as opaque ARGB pixels, written by the VNC reader thread and read by the
 * UI. It remembers the region changed since the UI last looked, so the UI copies only that,
 * once per frame however many rectangles the frame had.
 */
public final class Framebuffer {

    /** Receives the changed region; runs while the framebuffer is locked, so it must only copy. */
    public interface DirtyRegion {
        void changed(int[] pixels, int width, int height, int x, int y, int w, int h, boolean resized);
    }

    private int width;
    private int height;
    private int[] pixels;
    private int dirtyX0 = Integer.MAX_VALUE;
    private int dirtyY0 = Integer.MAX_VALUE;
    private int dirtyX1;
    private int dirtyY1;
    private boolean resized = true;
    private byte[] scratch = new byte[0];

    Framebuffer(int width, int height) {
        resize(width, height);
    }

    public synchronized int width() {
        return width;
    }

    public synchronized int height() {
        return height;
    }

    /** Hands the region changed since the last call to {@code region}, if any; returns whether there was one. */
    public synchronized boolean takeDirty(DirtyRegion region) {
        if (!resized && dirtyX0 >= dirtyX1) {
            return false;
        }
        if (resized) {
            region.changed(pixels, width, height, 0, 0, width, height, true);
        } else {
            region.changed(pixels, width, height, dirtyX0, dirtyY0, dirtyX1 - dirtyX0, dirtyY1 - dirtyY0, false);
        }
        resized = false;
        dirtyX0 = Integer.MAX_VALUE;
        dirtyY0 = Integer.MAX_VALUE;
        dirtyX1 = 0;
        dirtyY1 = 0;
        return true;
    }

    /** A copy of the whole screen, for screenshots. */
    public synchronized int[] copyPixels() {
        return pixels.clone();
    }

    synchronized void resize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        pixels = new int[Math.max(1, newWidth * newHeight)];
        Arrays.fill(pixels, 0xff000000);
        resized = true;
    }

    /** Raw pixels, 4 bytes each in our pixel format (little endian, red at bit 16): read off the lock, then stored. */
    void readRaw(DataInputStream in, int x, int y, int w, int h) throws IOException {
        int bytes = w * h * 4;
        if (scratch.length < bytes) {
            scratch = new byte[bytes];
        }
        in.readFully(scratch, 0, bytes);
        synchronized (this) {
            checkBounds(x, y, w, h);
            int i = 0;
            for (int row = 0; row < h; row++) {
                int at = (y + row) * width + x;
                for (int col = 0; col < w; col++, i += 4) {
                    pixels[at + col] = 0xff000000 | (scratch[i + 2] & 0xff) << 16 | (scratch[i + 1] & 0xff) << 8 | (scratch[i] & 0xff);
                }
            }
            markDirty(x, y, w, h);
        }
    }

    /** A decoded tile of {@code w × h} ARGB pixels (row after row from {@code tile[0]}) stored at (x, y). */
    synchronized void putTile(int[] tile, int x, int y, int w, int h) throws RfbClient.RfbException {
        checkBounds(x, y, w, h);
        for (int row = 0; row < h; row++) {
            System.arraycopy(tile, row * w, pixels, (y + row) * width + x, w);
        }
        markDirty(x, y, w, h);
    }

    synchronized void copy(int srcX, int srcY, int x, int y, int w, int h) throws RfbClient.RfbException {
        checkBounds(srcX, srcY, w, h);
        checkBounds(x, y, w, h);
        // Rows in the order that never overwrites a source row before it is copied.
        if (y <= srcY) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        } else {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        }
        markDirty(x, y, w, h);
    }

    private void checkBounds(int x, int y, int w, int h) throws RfbClient.RfbException {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new RfbClient.RfbException(Texts.get("rfb.outside", x + "," + y + " " + w + "×" + h));
        }
    }

    private void markDirty(int x, int y, int w, int h) {
        dirtyX0 = Math.min(dirtyX0, x);
        dirtyY0 = Math.min(dirtyY0, y);
        dirtyX1 = Math.max(dirtyX1, x + w);
        dirtyY1 = Math.max(dirtyY1, y + h);
    }
}
