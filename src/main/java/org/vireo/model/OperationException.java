package org.vireo.model;

/**
 * An operation on a node or VM failed. {@link #getMessage()} says what failed in plain words;
 * {@link #detail()} is the hypervisor's own message, shown beneath it.
 */
public final class OperationException extends RuntimeException {

    private final String detail;

    public OperationException(String message, String detail) {
        super(message);
        this.detail = detail == null ? "" : detail;
    }

    public String detail() {
        return detail;
    }
}
