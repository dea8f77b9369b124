package org.vireo.service.create;

/**
 * Progress of a VM creation: step {@code index} of {@code total} has started, or (with
 * {@code rolledBack}) what was undone after a failure.
 */
public record CreationStep(String description, int index, int total, boolean rolledBack) {
}
