package org.vireo.model;

import java.util.List;

/**
 * Switching a VM's SPICE display to VNC, worked out before it is done: {@code changes} says each change in words for
 * the confirmation (empty when the VM has no SPICE display to switch), {@code before} is the saved definition it was
 * worked out from (put back by "Switch back"), {@code after} the definition that would be saved.
 */
public record DisplaySwitch(List<String> changes, String before, String after) {

    public DisplaySwitch {
        changes = List.copyOf(changes);
    }

    public boolean needed() {
        return !changes.isEmpty();
    }
}
