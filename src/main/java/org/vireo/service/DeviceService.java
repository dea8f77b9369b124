package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DiskSpec;
import org.vireo.model.DisplaySwitch;
import org.vireo.model.NicSpec;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSummary;

/**
 * Changes to a VM's devices. Each runs on the VM's node worker; the saved definition changes first
 * (all or nothing), then a running VM is changed live where libvirt allows. Each completes with what
 * libvirt would not do live, in its words (empty when everything applied now); a refused change
 * completes exceptionally with an {@link org.vireo.model.OperationException} and leaves the domain as it was.
 */
public interface DeviceService {

    CompletableFuture<DeviceChoices> deviceChoices(VmSummary vm);

    /** Adds a disk or drive; a {@link DiskSpec.NewVolume} is made first and deleted again if the disk is refused. */
    CompletableFuture<String> addDisk(VmSummary vm, DiskSpec disk);

    /** Changes bus, cache, read-only and shareable of the disk at {@code target}. */
    CompletableFuture<String> editDisk(VmSummary vm, String target, DiskSpec disk);

    /** Inserts media into the drive at {@code target}, or ejects it with {@link DiskSpec.None}. */
    CompletableFuture<String> changeMedia(VmSummary vm, String target, DiskSpec.Source media);

    CompletableFuture<String> addNic(VmSummary vm, NicSpec nic);

    /** Changes source, model and link state of the interface with {@code mac}. */
    CompletableFuture<String> editNic(VmSummary vm, String mac, NicSpec nic);

    /**
     * Removes a disk, drive or interface; with {@code deleteVolume}, also the disk's volume, which is
     * refused (naming them) while other VMs use it.
     */
    CompletableFuture<String> removeDevice(VmSummary vm, VmDevice device, boolean deleteVolume);

    /** What switching the VM's SPICE display to VNC would change, in words, worked out on its saved definition. */
    CompletableFuture<DisplaySwitch> planDisplaySwitch(VmSummary vm);

    /**
     * Saves the switch on a shut-off VM whose definition is still {@code plan.before()}; completes with the saved
     * definition as libvirt gives it back (what {@link #switchDisplayBack} compares with).
     */
    CompletableFuture<String> switchDisplay(VmSummary vm, DisplaySwitch plan);

    /** Saves {@code plan.before()} again, refused unless the definition is still {@code after} and the VM shut off. */
    CompletableFuture<String> switchDisplayBack(VmSummary vm, DisplaySwitch plan, String after);
}
