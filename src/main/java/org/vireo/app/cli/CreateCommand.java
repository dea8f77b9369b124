package org.vireo.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vireo.app.AppContext;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.model.LogText;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.osinfo.OsinfoReader;
import org.vireo.service.create.CryptPasswordHasher;
import org.vireo.service.create.OsCatalogue;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.Placement;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.create.VmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vireo create}: the basics of virt-install, sharing the wizard's draft, validator and
 * XML builder. Bad input exits 2 with one line per problem; a failed creation exits 1 with
 * nothing left on the node.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "org.vireo.app.cli.create")
public final class CreateCommand {

    @Option(names = "--connect", required = true, paramLabel = "URI", descriptionKey = "connect", converter = UriOption.class)
    List<String> uris;

    @Option(names = "--place", paramLabel = "best", descriptionKey = "place")
    String place;

    /** The node the VM goes to: the only one given, or the one placement chose. */
    private String uri;

    @Option(names = "--name", required = true, descriptionKey = "name")
    String name;

    @Option(names = "--os", paramLabel = "SHORT-ID", defaultValue = "linux", descriptionKey = "os", converter = OsOption.class)
    OsChoice os;

    @Option(names = "--vcpus", descriptionKey = "vcpus")
    String vcpus;

    @Option(names = "--memory", descriptionKey = "memory")
    String memory;

    @Option(names = "--disk", paramLabel = "SIZE", descriptionKey = "disk")
    String disk;

    @Option(names = "--pool", descriptionKey = "pool")
    String pool;

    @Option(names = "--format", defaultValue = "qcow2", descriptionKey = "format", converter = DiskFormat.class)
    String format;

    @Option(names = "--volume", paramLabel = "PATH", descriptionKey = "volume")
    String volume;

    @Option(names = "--network", paramLabel = "NET", descriptionKey = "network")
    String network;

    @Option(names = "--mac", descriptionKey = "mac")
    String mac;

    @Option(names = "--iso", paramLabel = "PATH", descriptionKey = "iso")
    String iso;

    @Option(names = "--import", paramLabel = "PATH", descriptionKey = "import")
    String importDisk;

    @Option(names = "--kernel", paramLabel = "PATH", descriptionKey = "kernel")
    String kernel;

    @Option(names = "--initrd", paramLabel = "PATH", descriptionKey = "initrd")
    String initrd;

    @Option(names = "--cmdline", descriptionKey = "cmdline")
    String cmdline;

    @Option(names = "--pxe", descriptionKey = "pxe")
    boolean pxe;

    @Option(names = "--no-start", descriptionKey = "no-start")
    boolean noStart;

    @Option(names = "--firmware", paramLabel = "bios|uefi|uefi-secure", descriptionKey = "firmware")
    String firmware;

    @Option(names = "--tpm", negatable = true, descriptionKey = "tpm")
    Boolean tpm;

    @Option(names = "--dry-run", descriptionKey = "dry-run")
    boolean dryRun;

    @Option(names = "--print-xml", descriptionKey = "print-xml")
    boolean printXml;

    @Option(names = "--timeout", defaultValue = "60", descriptionKey = "timeout")
    int timeoutSeconds;

    @Option(names = "--cloud-init-user", paramLabel = "NAME", descriptionKey = "cloud-init-user")
    String cloudUser;

    @Option(names = "--cloud-init-key", paramLabel = "FILE", descriptionKey = "cloud-init-key")
    Path cloudKeyFile;

    @Option(names = "--cloud-init-password-file", paramLabel = "FILE", descriptionKey = "cloud-init-password-file")
    Path cloudPasswordFile;

    @Option(names = "--hostname", descriptionKey = "hostname")
    String hostName;

    @Option(names = "--drivers-iso", paramLabel = "PATH", descriptionKey = "drivers-iso")
    String driversIso;

    @Option(names = "--arch", paramLabel = "ARCH", descriptionKey = "arch")
    String arch;

    @Option(names = "--machine", paramLabel = "TYPE", descriptionKey = "machine")
    String machine;

    // Read from their files by optionProblems(), before the node is contacted; the password never passes argv.
    private String cloudKey = "";
    private String cloudPassword = "";

    /** The OS asked for: the family whose devices it gets, and osinfo-db's entry when the short id came from there. */
    record OsChoice(OsVariant family, OsCatalogue.Entry entry) {
    }

    /**
     * An OS by a built-in family's short id (debian12, win11 …) or name (DEBIAN_12), else by any short id of osinfo-db
     * (debian11, fedora37, win10 …; read only then), in any case.
     */
    static final class OsOption implements ITypeConverter<OsChoice> {
        @Override
        public OsChoice convert(String value) {
            Optional<OsVariant> family = OsVariant.fromId(value);
            if (family.isPresent()) {
                return new OsChoice(family.get(), null);
            }
            return OsinfoReader.system().byShortId(value).map(entry -> new OsChoice(entry.preset(), entry))
                    .orElseThrow(() -> new TypeConversionException(Texts.get("cli.create.os", LogText.escape(value),
                            Arrays.stream(OsVariant.values()).map(OsVariant::shortId).collect(Collectors.joining(", ")))));
        }
    }

    /** A disk format Vireo can make: qcow2 or raw, in any case. */
    static final class DiskFormat implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String format = value.strip().toLowerCase(Locale.ROOT);
            if (!format.equals("qcow2") && !format.equals("raw")) {
                throw new TypeConversionException(Texts.get("cli.create.format", LogText.escape(value)));
            }
            return format;
        }
    }

    /**
     * What the options ask that cannot be honoured together, one line each, before anything is
     * done (the node is not even contacted): two install sources, a timeout that is not positive.
     */
    public List<String> optionProblems() {
        List<String> problems = new ArrayList<>();
        long sources = Stream.of(iso != null, importDisk != null, kernel != null, pxe).filter(b -> b).count();
        if (sources > 1) {
            problems.add(Texts.get("cli.create.twoSources"));
        }
        if ((initrd != null || cmdline != null) && kernel == null) {
            problems.add(Texts.get("cli.create.kernelOnly"));
        }
        if (uris.size() > 1 && !"best".equals(place)) {
            problems.add(Texts.get("cli.create.placeNeeded"));
        }
        if (place != null && !place.equals("best")) {
            problems.add(Texts.get("cli.create.place", LogText.escape(place)));
        }
        if (timeoutSeconds < 1) {
            problems.add(Texts.get("cli.create.timeout", String.valueOf(timeoutSeconds)));
        }
        if (cloudUser == null && (cloudKeyFile != null || cloudPasswordFile != null || hostName != null)) {
            problems.add(Texts.get("cli.create.cloudUserFirst"));
        }
        if (cloudKeyFile != null) {
            cloudKey = readSmallFile(cloudKeyFile, "--cloud-init-key", problems).strip();
        }
        if (cloudPasswordFile != null) {
            // The first line, as a password file holds it; a newline is never part of the password.
            cloudPassword = readSmallFile(cloudPasswordFile, "--cloud-init-password-file", problems).lines().findFirst().orElse("");
        }
        return problems;
    }

    private static String readSmallFile(Path file, String flag, List<String> problems) {
        try {
            if (Files.size(file) > 64 * 1024) {
                problems.add(Texts.get("cli.create.fileTooBig", flag, LogText.escape(file.toString())));
                return "";
            }
            return Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Texts.get("cli.create.unreadable", flag, LogText.escape(file.toString()), String.valueOf(e.getMessage())));
            return "";
        }
    }

    /** Returns the exit code. */
    public int run(AppContext context, PrintStream out, PrintStream err) {
        List<NodeRef> nodes = AppContext.commandLineNodes(uris);
        uri = uris.get(0);
        LibvirtFleet fleet = new LibvirtFleet(context.libvirt);
        try {
            Map<NodeRef, NodeFacts> reachable = new LinkedHashMap<>();
            for (NodeRef candidate : nodes) {
                NodeStatus status = fleet.connectAndWait(candidate, Duration.ofSeconds(timeoutSeconds));
                if (status.state() != NodeState.CONNECTED) {
                    err.println("vireo create: " + Texts.get("cli.create.cannotConnect", candidate.uri(), status.detail()));
                    if (nodes.size() == 1) {
                        return 1;
                    }
                    continue;
                }
                reachable.put(candidate, fleet.facts(candidate.id()).get(timeoutSeconds, TimeUnit.SECONDS));
            }
            NodeRef node = nodes.get(0);
            if ("best".equals(place)) {
                SpecValidator validator = new SpecValidator(new CryptPasswordHasher());
                // the draft's defaults (pool, network) from the first node's facts, as the wizard's are from the node in view
                List<Placement.Candidate> ranked = reachable.isEmpty() ? List.of()
                        : Placement.rank(reachable, draft(reachable.values().iterator().next()), validator);
                err.println(Placement.explain(ranked).lines().map(line -> "vireo create: " + line).collect(Collectors.joining("\n")));
                if (ranked.isEmpty() || !ranked.get(0).fits()) {
                    return 2;
                }
                node = ranked.get(0).node();
                out.println(Texts.get("cli.create.placed", node.uri()));
            }
            uri = node.uri();
            NodeFacts facts = reachable.get(node);
            if (facts == null) {
                return 1;
            }
            SpecValidator.Result result = new SpecValidator(new CryptPasswordHasher()).validate(draft(facts), facts);
            result.warnings().forEach((field, message) -> err.println(Texts.get("cli.create.warning", flag(field), message)));
            if (!result.ok()) {
                result.errors().forEach((field, message) -> err.println("vireo create: " + flag(field) + ": " + message));
                return 2;
            }
            VmSpec spec = result.spec().orElseThrow();
            if (os.entry() != null) {
                OsCatalogue.belowMinimum(os.entry(), spec).forEach((field, message) -> err.println(Texts.get("cli.create.warning", flag(field), message)));
            }
            if (printXml) {
                out.print(fleet.previewXml(spec, facts));
                out.flush();
            }
            if (dryRun) {
                return 0;
            }
            fleet.create(node.id(), spec, facts, step -> err.println(step.rolledBack()
                    ? Texts.get("cli.create.rolledBack", step.description())
                    : "[" + step.index() + "/" + step.total() + "] " + step.description())).get(10, TimeUnit.MINUTES);
            out.println(Texts.get(spec.startAfterCreation() ? "cli.create.createdStarted" : "cli.create.created", spec.name(), uri));
            return 0;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OperationException op) {
                err.println("vireo create: " + Texts.get("failure.stepFailed", op.getMessage(), op.detail()));
            } else {
                err.println("vireo create: " + cause);
            }
            return 1;
        } catch (TimeoutException e) {
            err.println("vireo create: " + Texts.get("cli.create.noAnswer", uri, String.valueOf(timeoutSeconds)));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            fleet.close();
        }
    }

    SpecDraft draft(NodeFacts facts) {
        SpecDraft base = SpecDraft.defaults(os.family(), facts);
        OsCatalogue.Entry entry = os.entry();
        String baseVcpus = entry != null && Math.max(entry.recVcpus(), entry.minVcpus()) > 0
                ? Integer.toString(Math.max(entry.recVcpus(), entry.minVcpus())) : base.vcpus();
        String baseMemory = entry != null && Math.max(entry.recRam(), entry.minRam()) > 0
                ? (Math.max(entry.recRam(), entry.minRam()) >> 20) + " MiB" : base.memory();
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
        return new SpecDraft(name, os.family(), installKind, installPath, kernel == null ? "" : kernel, initrd == null ? "" : initrd,
                cmdline == null ? "" : cmdline, vcpus != null ? vcpus : baseVcpus, memory != null ? memory : baseMemory,
                diskKind, pool != null ? pool : base.diskPool(), disk == null ? "" : disk, format, volume == null ? "" : volume,
                networkKind, networkName, mac == null ? SpecDraft.randomMac() : mac, cloudUser != null,
                cloudUser == null ? "" : cloudUser, cloudPassword, cloudKey, hostName == null ? "" : hostName, !noStart, false,
                firmware == null ? "auto" : firmware, tpm == null ? "auto" : tpm ? "yes" : "no", driversIso == null ? "" : driversIso,
                machine == null ? "" : machine, arch == null ? "" : arch);
    }

    private static final Map<SpecValidator.Field, String> FLAGS = Map.ofEntries(
            Map.entry(SpecValidator.Field.NAME, "--name"), Map.entry(SpecValidator.Field.INSTALL, "--iso/--import"),
            Map.entry(SpecValidator.Field.KERNEL, "--kernel"), Map.entry(SpecValidator.Field.VCPUS, "--vcpus"),
            Map.entry(SpecValidator.Field.MEMORY, "--memory"), Map.entry(SpecValidator.Field.DISK_POOL, "--pool"),
            Map.entry(SpecValidator.Field.DISK_SIZE, "--disk"), Map.entry(SpecValidator.Field.DISK_VOLUME, "--volume"),
            Map.entry(SpecValidator.Field.NETWORK, "--network"), Map.entry(SpecValidator.Field.MAC, "--mac"),
            Map.entry(SpecValidator.Field.OS, "--os"), Map.entry(SpecValidator.Field.FIRMWARE, "--firmware/--tpm"),
            Map.entry(SpecValidator.Field.CLOUD_USER, "--cloud-init-user"), Map.entry(SpecValidator.Field.DRIVERS, "--drivers-iso"),
            Map.entry(SpecValidator.Field.MACHINE, "--machine"), Map.entry(SpecValidator.Field.ARCH, "--arch"),
            Map.entry(SpecValidator.Field.CLOUD_PASSWORD, "--cloud-init-password-file"),
            Map.entry(SpecValidator.Field.CLOUD_SSH_KEY, "--cloud-init-key"), Map.entry(SpecValidator.Field.CLOUD_HOST_NAME, "--hostname"));

    private static String flag(SpecValidator.Field field) {
        return FLAGS.getOrDefault(field, field.name().toLowerCase(Locale.ROOT));
    }
}
