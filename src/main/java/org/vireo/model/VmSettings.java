package org.vireo.model;

import java.util.List;
import java.util.Objects;

/**
 * The settings a user changes after a VM exists — boot, processor, memory — as saved for its next
 * start and, while it runs, as it runs now; with the node's bounds for them.
 *
 * @param saved  the persistent definition (what the next start uses); for a transient VM the live one
 * @param live   the running definition, or null when the VM is not running
 * @param limits what the node allows, for checking fields as they are typed
 */
public record VmSettings(Values saved, Values live, Limits limits) {

    public VmSettings {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(limits, "limits");
    }

    /** True when a section saved for the next start differs from what runs now. */
    public boolean bootPending() {
        return live != null && !saved.boot().equals(live.boot());
    }

    public boolean cpuPending() {
        if (live == null) {
            return false;
        }
        // A running host-model VM shows the model libvirt expanded it to: that is not a pending change.
        VmSettings.Cpu running = saved.cpu().mode().equals("host-model") && live.cpu().mode().equals("custom")
                ? new Cpu("host-model", "", live.cpu().sockets(), live.cpu().cores(), live.cpu().threads(), live.cpu().vcpus(),
                        live.cpu().maxVcpus())
                : live.cpu();
        return !saved.cpu().equals(running);
    }

    /**
     * The maximum waits for the next start; the current memory is the balloon's, set live, and the running
     * definition follows it only as the guest gives memory back — that is not a pending change.
     */
    public boolean memoryPending() {
        return live != null && saved.memory().maximumBytes() != live.memory().maximumBytes();
    }

    public record Values(Boot boot, Cpu cpu, Memory memory) {
    }

    /**
     * The boot order. {@code devices} lists every disk, CD-ROM, floppy and NIC: those that boot first, in
     * order, then the rest.
     *
     * @param menuTimeoutMillis how long the firmware's boot menu waits; 0 when it is off or has no timeout
     */
    public record Boot(List<BootDevice> devices, boolean menu, int menuTimeoutMillis) {
        public Boot {
            devices = List.copyOf(devices);
        }
    }

    /**
     * One device that can boot.
     *
     * @param id    "disk:vda", "nic:52:54:00:12:34:56": how the change finds it again
     * @param title "Disk vda", "CD-ROM sda", "NIC 52:54:00:12:34:56"
     * @param order its place in the boot order from 1, or 0 when it does not boot
     */
    public record BootDevice(String id, String title, String summary, int order) {
    }

    /**
     * @param mode     "host-passthrough", "host-model", "custom" (a named model), or "" for the hypervisor's default
     * @param model    the named model when {@code mode} is custom
     * @param sockets  the topology, 0 when the XML sets none (the hypervisor's default of one socket per vCPU)
     * @param vcpus    the vCPUs it runs with (libvirt's current)
     * @param maxVcpus the most it can have (the hot-plug ceiling)
     */
    public record Cpu(String mode, String model, int sockets, int cores, int threads, int vcpus, int maxVcpus) {
        public boolean hasTopology() {
            return sockets > 0 && cores > 0 && threads > 0;
        }
    }

    /** @param currentBytes the balloon's target; {@code maximumBytes} what it was started with */
    public record Memory(long currentBytes, long maximumBytes) {
    }

    /**
     * @param maxVcpus   the most vCPUs the hypervisor gives this VM (domain capabilities, or the driver's maximum)
     * @param cpuModes   the modes the node supports for it ("host-passthrough", "host-model", "custom")
     * @param cpuModels  the named models it offers
     * @param modelsFrom where the model list comes from, in plain words (shown beside it)
     */
    public record Limits(int hostCpus, long hostMemoryBytes, int maxVcpus, List<String> cpuModes, List<String> cpuModels,
                         String modelsFrom) {
        public Limits {
            cpuModes = List.copyOf(cpuModes);
            cpuModels = List.copyOf(cpuModels);
        }
    }
}
