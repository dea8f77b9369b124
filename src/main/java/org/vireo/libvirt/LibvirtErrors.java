package org.vireo.libvirt;

import org.libvirt.LibvirtException;

/** Turns libvirt's exceptions into the plain message Vireo shows. */
final class LibvirtErrors {

    private LibvirtErrors() {
    }

    static String message(LibvirtException e) {
        String message = e.getError() != null ? e.getError().getMessage() : null;
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
