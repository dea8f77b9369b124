package org.vireo.model;

/**
 * An operation on a node or VM failed. {@link #getMessage()} says what failed in plain words;
 * {@link #detail()} is the hypervisor's own message, shown beneath it.
 */
public class OperationException extends RuntimeException {

    private final String detail;
    private final NodeFailure failure;

    public OperationException(String message, String detail) {
        this(message, detail, NodeFailure.OTHER);
    }

    /** A failure to reach a node, with its kind. */
    public OperationException(String message, String detail, NodeFailure failure) {
        super(message);
        this.detail = detail == null ? "" : detail;
        this.failure = failure;
    }

    public String detail() {
        return detail;
    }

    public NodeFailure failure() {
        return failure;
    }
}
