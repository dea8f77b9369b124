package org.vireo.service.device;

import java.util.Optional;
import org.vireo.model.ByteSize;
import org.vireo.model.Texts;
import org.vireo.model.VmSettings;
import org.vireo.service.create.SizeParser;

/**
 * The checks of a VM's processor, memory and boot fields as typed, against the node's real bounds, in
 * the wizard's words where the wizard asks the same. Each returns the problem, or "" when there is none.
 */
public final class SettingsRules {

    private static final long MIN_MEMORY = 64L << 20;
    /** libvirt takes the boot menu's timeout in milliseconds up to 65535. */
    public static final int MAX_MENU_SECONDS = 65;

    private SettingsRules() {
    }

    /** A vCPU count: a whole number from 1 to the node's maximum for this VM. */
    public static String vcpusProblem(String text, VmSettings.Limits limits) {
        Optional<Integer> n = count(text);
        if (n.isEmpty()) {
            return Texts.get("spec.vcpus.number");
        }
        return n.get() < 1 || n.get() > limits.maxVcpus() ? Texts.get("spec.vcpus.range", String.valueOf(limits.maxVcpus())) : "";
    }

    /** The vCPUs it runs with, no more than its maximum (checked once both are whole numbers). */
    public static String currentVcpusProblem(String current, String maximum, VmSettings.Limits limits) {
        String problem = vcpusProblem(current, limits);
        if (!problem.isEmpty() || count(maximum).isEmpty()) {
            return problem;
        }
        return count(current).get() > count(maximum).get() ? Texts.get("settings.vcpus.overMax", count(maximum).get()) : "";
    }

    /** More vCPUs than the host has CPUs runs slower, not faster: a warning, the wizard's. */
    public static String vcpusWarning(String maximum, VmSettings.Limits limits) {
        Optional<Integer> n = count(maximum);
        return n.isPresent() && n.get() > limits.hostCpus() ? Texts.get("spec.vcpus.overHost", String.valueOf(limits.hostCpus())) : "";
    }

    /**
     * Sockets × cores × threads: all three empty (the hypervisor's default), or all whole numbers whose
     * product is the maximum vCPUs, as libvirt requires.
     */
    public static String topologyProblem(String sockets, String cores, String threads, String maximum) {
        if (blank(sockets) && blank(cores) && blank(threads)) {
            return "";
        }
        Optional<Integer> s = count(sockets);
        Optional<Integer> c = count(cores);
        Optional<Integer> t = count(threads);
        if (s.isEmpty() || c.isEmpty() || t.isEmpty() || s.get() < 1 || c.get() < 1 || t.get() < 1) {
            return Texts.get("settings.topology.number");
        }
        Optional<Integer> max = count(maximum);
        long product = (long) s.get() * c.get() * t.get();
        if (max.isPresent() && product != max.get()) {
            return Texts.get("settings.topology.product", s.get(), c.get(), t.get(), product, max.get());
        }
        return "";
    }

    /** A named model is one the node offers. */
    public static String modelProblem(String mode, String model, VmSettings.Limits limits) {
        if (!"custom".equals(mode)) {
            return "";
        }
        if (blank(model)) {
            return Texts.get("settings.model.empty");
        }
        return limits.cpuModels().isEmpty() || limits.cpuModels().contains(model.strip()) ? "" : Texts.get("settings.model.unknown", model.strip());
    }

    /** Memory as typed ("2048", "2 GiB"): from 64 MiB to the host's memory, the wizard's words. */
    public static String memoryProblem(String text, VmSettings.Limits limits) {
        long bytes = SizeParser.parse(text, SizeParser.Unit.MIB).orElse(-1L);
        String host = new ByteSize(limits.hostMemoryBytes()).toHuman();
        if (bytes < 0 && SizeParser.tooLarge(text)) {
            return Texts.get("spec.memory.farTooLarge", host);
        } else if (bytes < 0) {
            return Texts.get("spec.memory.form", SizeParser.accepted(SizeParser.Unit.MIB));
        } else if (bytes < MIN_MEMORY || bytes > limits.hostMemoryBytes()) {
            return Texts.get("spec.memory.range", host);
        }
        return "";
    }

    /** The balloon's target, no more than the maximum. */
    public static String currentMemoryProblem(String current, String maximum, VmSettings.Limits limits) {
        String problem = memoryProblem(current, limits);
        Optional<Long> max = SizeParser.parse(maximum, SizeParser.Unit.MIB);
        if (!problem.isEmpty() || max.isEmpty()) {
            return problem;
        }
        return SizeParser.parse(current, SizeParser.Unit.MIB).get() > max.get()
                ? Texts.get("settings.memory.overMax", new ByteSize(max.get()).toHuman()) : "";
    }

    public static Optional<Long> memory(String text) {
        return SizeParser.parse(text, SizeParser.Unit.MIB);
    }

    /** The boot menu's wait in seconds: 0 (no wait) to 65. */
    public static String menuTimeoutProblem(String seconds) {
        Optional<Integer> n = count(seconds);
        return n.isEmpty() || n.get() < 0 || n.get() > MAX_MENU_SECONDS ? Texts.get("settings.boot.timeout", MAX_MENU_SECONDS) : "";
    }

    public static Optional<Integer> count(String text) {
        try {
            return Optional.of(Integer.parseInt(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
