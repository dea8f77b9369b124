package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which uploaded files need the pool refresh that lets libvirt name their format: real images made by qemu-img, and not raw data. */
class ImageSignaturesTest {

    @TempDir
    Path dir;

    @Test
    void imagesLibvirtNamesAreToldFromRawData() throws Exception {
        for (String format : new String[] {"qcow2", "qed", "vmdk", "vdi", "vpc", "vhdx"}) {
            Path image = dir.resolve("disk." + format);
            Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", format, image.toString(), "1M").inheritIO().start();
            assertTrue(p.waitFor() == 0, "qemu-img made a " + format);
            assertTrue(named(image), format + " is an image libvirt names");
        }
        byte[] iso = new byte[64 << 10];
        System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, iso, 32769, 5);
        assertTrue(named(Files.write(dir.resolve("installer.iso"), iso)), "ISO 9660");

        byte[] random = new byte[1 << 20];
        new Random(3).nextBytes(random);
        assertFalse(named(Files.write(dir.resolve("random.img"), random)), "random bytes are raw");
        assertFalse(named(Files.write(dir.resolve("short.img"), new byte[] {'Q', 'F'})), "a file shorter than any signature");
        assertFalse(named(Files.write(dir.resolve("empty.img"), new byte[0])));
    }

    private static boolean named(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            return ImageSignatures.mayBeNamedByContent(in);
        }
    }
}
