package org.vireo.model;

/**
 * The screen tab was asked for a VM whose only display is SPICE: the window offers the external
 * viewer (and, for a shut-off VM, the switch to VNC) instead of only saying no.
 */
public final class SpiceOnlyException extends OperationException {

    public SpiceOnlyException(String message, String detail) {
        super(message, detail);
    }
}
