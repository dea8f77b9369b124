package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSummary;
import org.vireo.model.VmXml;

/**
 * A VM's boot, processor and memory settings. Each change is saved for the next start (a refusal changes
 * nothing) and applied live where the hypervisor allows; it completes with what the user should know
 * ("" when all of it is in effect now). Runs on the VM's node worker.
 */
public interface VmSettingsService {

    CompletableFuture<VmSettings> settings(VmSummary vm);

    CompletableFuture<String> setBoot(VmSummary vm, VmSettings.Boot boot);

    CompletableFuture<String> setCpu(VmSummary vm, VmSettings.Cpu cpu);

    CompletableFuture<String> setMemory(VmSummary vm, VmSettings.Memory memory);

    /** The saved and the running definition, as the XML tab shows them. */
    CompletableFuture<VmXml> xml(VmSummary vm);

    /** Saves an edited definition (checked first, then defined with libvirt's validation). */
    CompletableFuture<String> defineXml(VmSummary vm, String xml);
}
