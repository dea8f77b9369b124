package org.vireo.libvirt;

import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.vireo.model.Texts;

/** libvirt's last error on this thread, for calls made through our own bindings. */
final class LastError {

    private LastError() {
    }

    /** Returns the message and clears the error. */
    static String take() {
        virError error = Libvirt.INSTANCE.virGetLastError();
        String message = error == null || error.message == null ? Texts.get("libvirt.unknownError") : error.message;
        Libvirt.INSTANCE.virResetLastError();
        return message;
    }
}
