package org.vireo.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.OperationException;
import org.vireo.model.OsVariant;
import org.vireo.model.SpecDraft;
import org.vireo.model.SpecValidator;
import org.vireo.model.VmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vireo create}: the basics of virt-install, sharing the wizard's draft, validator and
 * XML builder. Bad input exits 2 with one line per problem; a failed creation exits 1 with
 * nothing left on the node.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a VM on a libvirt node from a CPU/memory/disk/network spec.")
final class CreateCommand {

    @Option(names = "--connect", required = true, paramLabel = "URI", description = "The node's libvirt URI.")
    String uri;

    @Option(names = "--name", required = true, description = "The VM's name.")
    String name;

    @Option(names = "--os", paramLabel = "VARIANT", defaultValue = "LINUX_GENERIC",
            description = "OS family for defaults: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OsVariant os;

    @Option(names = "--vcpus", description = "vCPUs (default: the OS family's suggestion).")
    String vcpus;

    @Option(names = "--memory", description = "Memory: 4G, 4 GiB, 4096M; a bare number is MiB.")
    String memory;

    @Option(names = "--disk", paramLabel = "SIZE", description = "A new disk of this size: 50G, 512M; a bare number is GiB.")
    String disk;

    @Option(names = "--pool", description = "Storage pool for the new disk (default: the first active one).")
    String pool;

    @Option(names = "--format", defaultValue = "qcow2", description = "qcow2 or raw (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--volume", paramLabel = "PATH", description = "Use an existing volume as the disk.")
    String volume;

    @Option(names = "--network", paramLabel = "NET",
            description = "A virtual network name (network=NAME), bridge=BR, user, or none (default: the node's first network).")
    String network;

    @Option(names = "--mac", description = "MAC address (default: generated).")
    String mac;

    @Option(names = "--iso", paramLabel = "PATH", description = "Boot an installer image (a volume path on the node).")
    String iso;

    @Option(names = "--import", paramLabel = "PATH", description = "Boot an existing disk image.")
    String importDisk;

    @Option(names = "--kernel", paramLabel = "PATH", description = "Direct kernel boot: the kernel on the node.")
    String kernel;

    @Option(names = "--initrd", paramLabel = "PATH", description = "Direct kernel boot: the initrd.")
    String initrd;

    @Option(names = "--cmdline", description = "Direct kernel boot: the kernel command line.")
    String cmdline;

    @Option(names = "--pxe", description = "Boot from the network.")
    boolean pxe;

    @Option(names = "--no-start", description = "Define the VM without starting it.")
    boolean noStart;

    @Option(names = "--dry-run", description = "Check everything and create nothing.")
    boolean dryRun;

    @Option(names = "--print-xml", description = "Print the domain XML that would be defined.")
    boolean printXml;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait for the node (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Returns the exit code. */
    int run(AppContext context, PrintStream out, PrintStream err) {
        NodeRef node = AppContext.commandLineNodes(List.of(uri)).get(0);
        LibvirtFleet fleet = new LibvirtFleet(context.libvirt);
        try {
            NodeStatus status = fleet.connectAndWait(node, java.time.Duration.ofSeconds(timeoutSeconds));
            if (status.state() != NodeState.CONNECTED) {
                err.println("vireo create: cannot connect to " + uri + ": " + status.detail());
                return 1;
            }
            NodeFacts facts = fleet.facts(node.id()).get(timeoutSeconds, TimeUnit.SECONDS);
            SpecValidator.Result result = new SpecValidator(new CryptPasswordHasher()).validate(draft(facts), facts);
            result.warnings().forEach((field, message) -> err.println("warning: " + flag(field) + ": " + message));
            if (!result.ok()) {
                result.errors().forEach((field, message) -> err.println("vireo create: " + flag(field) + ": " + message));
                return 2;
            }
            VmSpec spec = result.spec().orElseThrow();
            if (printXml) {
                out.print(fleet.previewXml(spec, facts));
                out.flush();
            }
            if (dryRun) {
                return 0;
            }
            fleet.create(node.id(), spec, facts, step -> err.println(step.rolledBack()
                    ? "rolled back: " + step.description()
                    : "[" + step.index() + "/" + step.total() + "] " + step.description())).get(10, TimeUnit.MINUTES);
            out.println("Created " + spec.name() + " on " + uri + (spec.startAfterCreation() ? " and started it" : ""));
            return 0;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OperationException op) {
                err.println("vireo create: " + op.getMessage() + " failed: " + op.detail());
            } else {
                err.println("vireo create: " + cause);
            }
            return 1;
        } catch (TimeoutException e) {
            err.println("vireo create: no answer from " + uri + " within " + timeoutSeconds + " s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            fleet.close();
        }
    }

    SpecDraft draft(NodeFacts facts) {
        SpecDraft base = SpecDraft.defaults(os, facts);
        String installKind = iso != null ? "iso" : importDisk != null ? "import" : kernel != null ? "kernel" : pxe ? "pxe" : "none";
        String installPath = iso != null ? iso : importDisk != null ? importDisk : "";
        String diskKind = volume != null ? "existing" : disk != null ? "new" : "none";
        String networkKind = base.networkKind();
        String networkName = base.networkName();
        if (network != null) {
            String n = network.strip();
            if (n.equalsIgnoreCase("none")) {
                networkKind = "none";
            } else if (n.equalsIgnoreCase("user")) {
                networkKind = "user";
            } else if (n.toLowerCase(Locale.ROOT).startsWith("bridge=")) {
                networkKind = "bridge";
                networkName = n.substring(7);
            } else {
                networkKind = "network";
                networkName = n.toLowerCase(Locale.ROOT).startsWith("network=") ? n.substring(8) : n;
            }
        }
        return new SpecDraft(name, os, installKind, installPath, kernel == null ? "" : kernel, initrd == null ? "" : initrd,
                cmdline == null ? "" : cmdline, vcpus != null ? vcpus : base.vcpus(), memory != null ? memory : base.memory(),
                diskKind, pool != null ? pool : base.diskPool(), disk == null ? "" : disk, format, volume == null ? "" : volume,
                networkKind, networkName, mac == null ? "" : mac, false, "", "", "", "", !noStart);
    }

    private static final Map<SpecValidator.Field, String> FLAGS = Map.ofEntries(
            Map.entry(SpecValidator.Field.NAME, "--name"), Map.entry(SpecValidator.Field.INSTALL, "--iso/--import"),
            Map.entry(SpecValidator.Field.KERNEL, "--kernel"), Map.entry(SpecValidator.Field.VCPUS, "--vcpus"),
            Map.entry(SpecValidator.Field.MEMORY, "--memory"), Map.entry(SpecValidator.Field.DISK_POOL, "--pool"),
            Map.entry(SpecValidator.Field.DISK_SIZE, "--disk"), Map.entry(SpecValidator.Field.DISK_VOLUME, "--volume"),
            Map.entry(SpecValidator.Field.NETWORK, "--network"), Map.entry(SpecValidator.Field.MAC, "--mac"));

    private static String flag(SpecValidator.Field field) {
        return FLAGS.getOrDefault(field, field.name().toLowerCase(Locale.ROOT));
    }
}
