package org.vireo.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an install medium says about itself: the identifiers of its ISO 9660 primary volume descriptor (the 2 KiB at
 * byte 32 768 of the image), as osinfo-db's media rules match them.
 */
public record IsoLabel(String systemId, String volumeId, String publisherId, String applicationId) {

    /** Where the primary volume descriptor starts in an ISO image, and its size. */
    public static final int OFFSET = 16 * 2048;
    public static final int LENGTH = 2048;

    /** The labels of a primary volume descriptor, or empty when the bytes are not one (not an ISO 9660 image). */
    public static Optional<IsoLabel> parse(byte[] descriptor) {
        if (descriptor == null || descriptor.length < 702 || descriptor[0] != 1
                || !new String(descriptor, 1, 5, StandardCharsets.US_ASCII).equals("CD001")) {
            return Optional.empty();
        }
        return Optional.of(new IsoLabel(field(descriptor, 8, 32), field(descriptor, 40, 32), field(descriptor, 318, 128),
                field(descriptor, 574, 128)));
    }

    /** A space-padded a/d-characters field, trimmed; control bytes dropped (a damaged image must not reach the screen raw). */
    private static String field(byte[] bytes, int from, int length) {
        byte[] part = Arrays.copyOfRange(bytes, from, from + length);
        StringBuilder text = new StringBuilder();
        for (byte b : part) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                text.append((char) c);
            }
        }
        return text.toString().strip();
    }
}
