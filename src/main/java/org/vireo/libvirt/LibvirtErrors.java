package org.vireo.libvirt;

import org.libvirt.LibvirtException;
import org.vireo.model.NodeFailure;

/** Turns libvirt's exceptions into the plain message Vireo shows. */
final class LibvirtErrors {

    private LibvirtErrors() {
    }

    /** The kind of a connection failure, from libvirt's error code. */
    static NodeFailure failure(LibvirtException e) {
        if (e.getError() == null || e.getError().getCode() == null) {
            return NodeFailure.OTHER;
        }
        return switch (e.getError().getCode()) {
            case VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_CANCELLED, VIR_ERR_AUTH_UNAVAILABLE -> NodeFailure.AUTH_REFUSED;
            case VIR_ERR_NO_CONNECT, VIR_ERR_SYSTEM_ERROR, VIR_ERR_RPC -> NodeFailure.UNREACHABLE;
            case VIR_ERR_OPERATION_TIMEOUT -> NodeFailure.DAEMON_HUNG;
            default -> NodeFailure.OTHER;
        };
    }

    static String message(LibvirtException e) {
        String message = e.getError() != null ? e.getError().getMessage() : null;
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
