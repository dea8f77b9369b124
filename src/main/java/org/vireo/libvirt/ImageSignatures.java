package org.vireo.libvirt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a file's first bytes carry the signature of an image format libvirt tells apart from raw when it
 * refreshes a pool (qcow/qcow2, QED, VMDK, VDI, VHD, ISO 9660, LUKS, Bochs, cloop, ploop, COW). Only a file
 * that may be one of those needs the pool refresh after its upload; a plain raw image does not, and a refresh
 * re-reads every volume of the pool (seconds on a big one).
 */
final class ImageSignatures {

    private record Signature(int offset, byte[] bytes) {
        Signature(int offset, String text) {
            this(offset, text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static final List<Signature> KNOWN = List.of(
            new Signature(0, "QFI\u00fb"),                 // qcow, qcow2
            new Signature(0, "QED\u0000"),                 // QED
            new Signature(0, "KDMV"),                      // VMDK
            new Signature(0, "# Disk DescriptorFile"),     // VMDK descriptor
            new Signature(64, "\u007f\u0010\u00da\u00be"), // VDI
            new Signature(0, "conectix"),                  // VHD (VPC)
            new Signature(0, "vhdxfile"),                  // VHDX
            new Signature(0, "LUKS\u00ba\u00be"),          // LUKS
            new Signature(0, "Bochs Virtual HD Image"),    // Bochs
            new Signature(0, "#!/bin/sh"),                 // cloop
            new Signature(0, "WithoutFreeSpace"),          // ploop
            new Signature(0, "WithouFreSpacExt"),          // ploop
            new Signature(0, "OOOM"),                      // COW
            new Signature(32769, "CD001"));                // ISO 9660 (primary volume descriptor)

    private static final int READ = 32769 + 5;

    private ImageSignatures() {
    }

    /** True when the file may be an image libvirt would name other than raw (or could not be read: then refresh). */
    static boolean mayBeNamedByContent(FileChannel file) {
        ByteBuffer head = ByteBuffer.allocate(READ);
        try {
            while (head.hasRemaining() && file.read(head, head.position()) > 0) {
                // until the signatures' reach or the end of a short file
            }
        } catch (IOException e) {
            return true;
        }
        byte[] bytes = head.array();
        int length = head.position();
        for (Signature s : KNOWN) {
            if (s.offset() + s.bytes().length <= length && Arrays.equals(bytes, s.offset(), s.offset() + s.bytes().length,
                    s.bytes(), 0, s.bytes().length)) {
                return true;
            }
        }
        return false;
    }
}
