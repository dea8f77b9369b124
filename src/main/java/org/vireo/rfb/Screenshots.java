package org.vireo.rfb;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a framebuffer's pixels as a PNG file. */
public final class Screenshots {

    private Screenshots() {
    }

    public static void writePng(Framebuffer framebuffer, Path file) throws IOException {
        int width;
        int height;
        int[] pixels;
        synchronized (framebuffer) {
            width = framebuffer.width();
            height = framebuffer.height();
            pixels = framebuffer.copyPixels();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }
}
