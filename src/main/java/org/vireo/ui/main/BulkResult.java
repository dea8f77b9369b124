package org.vireo.ui.main;

import java.util.List;
import org.vireo.model.VmAction;

/**
 * What one action over a selection did.
 *
 * @param failures "vm-name: libvirt's message", one per VM that failed
 * @param skipped  VMs in a state where the action does not apply
 */
public record BulkResult(VmAction action, int succeeded, List<String> failures, int skipped) {
}
