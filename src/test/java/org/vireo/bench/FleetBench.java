package org.vireo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Not a test: the fleet-scale benchmark of issue #7, run by {@code bench/run}. It writes libvirt
 * test-driver node files, starts the real app the way the README says ({@code bin/vireo --connect …})
 * as a user would, and reads what {@code BenchProbe} reports from inside the window plus the
 * process's CPU and memory from /proc. The libvirt floor is measured in a separate process
 * ({@link LibvirtFloor}).
 *
 * <p>Usage: {@code FleetBench [--vms N] [--nodes K] [--repeat R] [--idle SECONDS]
 * [--java-options "OPTS"] [--launcher PATH|java-jar]}. Without {@code --vms}/{@code --nodes} it runs the
 * default cases: 100, 1000, 5000 VMs on one node and 5 nodes × 1000. {@code --launcher} runs a
 * packaged app's launcher instead of {@code bin/vireo}, or with {@code java-jar} a plain
 * {@code java [--java-options] -jar target/vireo.jar}; the benchmark's system properties reach a
 * launcher's JVM through {@code JAVA_TOOL_OPTIONS}, which every JVM reads. Before the first case,
 * {@code bin/vireo} is started once unmeasured if it has no class-data-sharing archive yet (a
 * user's first start records it; every later start maps it).
 */
public final class FleetBench {

    private static final long CLOCK_TICKS = 100;   // USER_HZ on Linux
    private static final long PAGE_TIMEOUT_MS = 180_000;

    record Case(int vmsPerNode, int nodes) {
        int vms() {
            return vmsPerNode * nodes;
        }
    }

    /**
     * One run's figures. {@code allocMibPerS} is what the idle window allocated (Vireo's probe counts it; NaN for
     * virt-manager); {@code rssIdleStartMib} and {@code rssEndMib} the resident memory as the idle part began and ended.
     */
    record Run(long windowMs, long listedMs, long maxStallMs, double idleCpuPct, double probeCpuPct, double rssMib, long floorMs, long callsMs,
               double allocMibPerS, double rssIdleStartMib, double rssEndMib) {
    }

    /** Seconds after "listed" before the idle CPU is measured: the first samples, collections and compilations settle. */
    private static final int SETTLE_SECONDS = 10;

    /** How one tool is started with the probe on, and which process is measured. */
    interface Tool {
        String name();

        Process launch(Path dir, List<String> uris, int expect, int stallSeconds) throws IOException;

        /** The process whose CPU and memory are the tool's (a launcher may start it as a child). */
        long measuredPid(Process started) throws InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int repeat = Integer.parseInt(opts.getOrDefault("--repeat", "3"));
        int idleSeconds = Integer.parseInt(opts.getOrDefault("--idle", "30"));
        boolean versus = Boolean.parseBoolean(opts.getOrDefault("--vs-virt-manager", "false"));
        List<Case> cases = new ArrayList<>();
        if (opts.containsKey("--vms") || opts.containsKey("--nodes")) {
            int nodes = Integer.parseInt(opts.getOrDefault("--nodes", "1"));
            int total = Integer.parseInt(opts.getOrDefault("--vms", "1000"));
            cases.add(new Case(Math.max(1, total / nodes), nodes));
        } else {
            cases.add(new Case(1000, 1));
            cases.add(new Case(5000, 1));
            cases.add(new Case(1000, 20));
        }
        Path jar = Path.of("target/vireo.jar").toAbsolutePath();
        String launcher = launcher(opts.get("--launcher"));
        List<String> javaOptions = opts.containsKey("--java-options")
                ? List.of(opts.get("--java-options").trim().split("\\s+")) : List.of();
        if (launcher == null && !Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        System.out.printf(Locale.ROOT, "# app: %s%n", launcher != null ? launcher
                : "java " + String.join(" ", javaOptions) + (javaOptions.isEmpty() ? "" : " ") + "-jar " + jar);
        Path work = Files.createTempDirectory("vireo-fleet-bench");
        recordArchive(launcher, jar, work.resolve("first-start"));
        System.out.printf(Locale.ROOT, "# %d case(s) × %d run(s) per tool; after listed: %d s to settle, %d s idle with the probe on, "
                        + "%d s idle with it off (idle_cpu%% is this last part; probe%% the difference); files in %s%n",
                cases.size(), repeat, SETTLE_SECONDS, idleSeconds / 2, idleSeconds - idleSeconds / 2, work);
        List<Tool> tools = new ArrayList<>(List.of(vireo(launcher, javaOptions, jar)));
        if (versus) {
            tools.add(VirtManagerRun.tool());
            System.out.println("# " + VirtManagerRun.version());
        }
        List<String> table = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (Case c : cases) {
            List<String> uris = nodeFiles(work.resolve(c.vms() + "x" + c.nodes()), c);
            Map<String, Run> medians = new LinkedHashMap<>();
            for (Tool tool : tools) {
                List<Run> runs = new ArrayList<>();
                for (int r = 1; r <= repeat; r++) {
                    long[] floor = LibvirtFloor.measure(uris);
                    Path dir = work.resolve(tool.name() + "-" + c.vms() + "-" + c.nodes() + "-" + r);
                    try {
                        Run run = runApp(tool, dir, uris, c.vms(), idleSeconds, floor);
                        System.out.printf(Locale.ROOT, "#   %s, %d VMs on %d node(s), run %d: %s%n", tool.name(), c.vms(), c.nodes(), r, run);
                        runs.add(run);
                    } catch (IllegalStateException e) {
                        System.out.printf(Locale.ROOT, "#   %s, %d VMs on %d node(s), run %d: %s%n", tool.name(), c.vms(), c.nodes(), r, e.getMessage());
                    }
                }
                if (runs.isEmpty()) {
                    table.add(String.format(Locale.ROOT, "%-13s %6d %5d   (no run listed the VMs within %d s)", tool.name(), c.vms(), c.nodes(),
                            PAGE_TIMEOUT_MS / 1000));
                    continue;
                }
                Run median = new Run(
                        medianLong(runs.stream().mapToLong(Run::windowMs).toArray()),
                        medianLong(runs.stream().mapToLong(Run::listedMs).toArray()),
                        medianLong(runs.stream().mapToLong(Run::maxStallMs).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::idleCpuPct).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::probeCpuPct).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::rssMib).toArray()),
                        medianLong(runs.stream().mapToLong(Run::floorMs).toArray()),
                        medianLong(runs.stream().mapToLong(Run::callsMs).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::allocMibPerS).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::rssIdleStartMib).toArray()),
                        medianDouble(runs.stream().mapToDouble(Run::rssEndMib).toArray()));
                medians.put(tool.name(), median);
                table.add(String.format(Locale.ROOT, "%-13s %6d %5d %9d %9d %9d %12d %9.2f %7.2f %8.0f %9.2f %6.0f→%.0f", tool.name(),
                        c.vms(), c.nodes(), median.windowMs(), median.listedMs(), median.floorMs(),
                        median.maxStallMs(), median.idleCpuPct(), median.probeCpuPct(), median.rssMib(), median.allocMibPerS(),
                        median.rssIdleStartMib(), median.rssEndMib()));
                json.add(String.format(Locale.ROOT, "{\"tool\":\"%s\",\"vms\":%d,\"nodes\":%d,\"runs\":%d,\"median\":true,"
                                + "\"window_ms\":%d,\"listed_ms\":%d,\"max_stall_ms\":%d,\"idle_cpu_pct\":%.2f,\"probe_cpu_pct\":%.2f,"
                                + "\"rss_mib\":%.0f,\"libvirt_floor_ms\":%d,\"libvirt_calls_ms\":%d,\"idle_alloc_mib_s\":%s,"
                                + "\"rss_idle_start_mib\":%.0f,\"rss_end_mib\":%.0f,\"each\":[%s]}",
                        tool.name(), c.vms(), c.nodes(), runs.size(), median.windowMs(), median.listedMs(), median.maxStallMs(),
                        median.idleCpuPct(), median.probeCpuPct(), median.rssMib(), median.floorMs(), median.callsMs(),
                        jsonNumber(median.allocMibPerS()), median.rssIdleStartMib(), median.rssEndMib(),
                        runs.stream().map(FleetBench::runJson).collect(Collectors.joining(","))));
            }
            Run ours = medians.get("vireo");
            Run theirs = medians.get("virt-manager");
            if (ours != null && theirs != null) {
                table.add(String.format(Locale.ROOT, "%-13s %6s %5s %9s %9s %9s %12s %9s %7s %8s", "  ratio vm/v", "", "",
                        ratio(theirs.windowMs(), ours.windowMs()), ratio(theirs.listedMs(), ours.listedMs()), "",
                        ratio(theirs.maxStallMs(), ours.maxStallMs()), ratio(theirs.idleCpuPct(), ours.idleCpuPct()), "",
                        ratio(theirs.rssMib(), ours.rssMib())));
            }
        }
        System.out.println();
        System.out.println("tool             VMs nodes window_ms listed_ms floor_ms max_stall_ms idle_cpu%  probe%  rss_mib  alloc/s idle rss   (medians;"
                + " alloc in MiB/s while idle, idle rss in MiB as the idle part began → ended)");
        table.forEach(System.out::println);
        System.out.println();
        json.forEach(System.out::println);
    }

    private static String ratio(double theirs, double ours) {
        return ours <= 0 ? "-" : String.format(Locale.ROOT, "%.1f×", theirs / ours);
    }

    private static Tool vireo(String launcher, List<String> javaOptions, Path jar) {
        return new Tool() {
            @Override
            public String name() {
                return "vireo";
            }

            @Override
            public Process launch(Path dir, List<String> uris, int expect, int stallSeconds) throws IOException {
                return FleetBench.launch(launcher, javaOptions, jar, dir, uris, expect, List.of("-Dvireo.bench.stallSeconds=" + stallSeconds));
            }

            @Override
            public long measuredPid(Process started) throws InterruptedException {
                // bin/vireo becomes the JVM (exec), except on the start that records its archive, when the JVM is its child.
                for (int i = 0; i < 50; i++) {
                    Optional<ProcessHandle> jvm = started.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst();
                    if (jvm.isPresent() || started.info().command().orElse("").endsWith("/java") || launcher == null) {
                        return jvm.map(ProcessHandle::pid).orElse(started.pid());
                    }
                    Thread.sleep(20);
                }
                return started.pid();
            }
        };
    }

    /** {@code --launcher}: null or absent is bin/vireo; {@code java-jar} a plain java -jar (returned as null). */
    static String launcher(String option) {
        if ("java-jar".equals(option)) {
            return null;
        }
        return option != null ? option : Path.of("bin/vireo").toAbsolutePath().toString();
    }

    /** bin/vireo without an archive for this build: one unmeasured start records it, as a user's first start does. */
    static void recordArchive(String launcher, Path jar, Path dir) throws Exception {
        if (launcher == null || !launcher.endsWith("bin/vireo")) {
            return;
        }
        long started = System.currentTimeMillis();
        Process first = launch(launcher, List.of(), jar, dir, List.of("test:///default"), 1, List.of("-Dvireo.bench.exitWhenListed=true"));
        if (!first.waitFor(120, TimeUnit.SECONDS)) {
            end(first);
        }
        String said = Files.readAllLines(dir.resolve("console.txt")).stream().filter(l -> !l.startsWith("Picked up")).collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "# bin/vireo's start before the runs (records its archive if there is none): %d ms, exit %d %s%n",
                System.currentTimeMillis() - started, first.exitValue(), said);
    }

    private static String runJson(Run r) {
        return String.format(Locale.ROOT, "{\"window_ms\":%d,\"listed_ms\":%d,\"max_stall_ms\":%d,\"idle_cpu_pct\":%.2f,\"probe_cpu_pct\":%.2f,"
                + "\"rss_mib\":%.0f,\"libvirt_floor_ms\":%d,\"libvirt_calls_ms\":%d,\"idle_alloc_mib_s\":%s,\"rss_idle_start_mib\":%.0f,"
                + "\"rss_end_mib\":%.0f}", r.windowMs(), r.listedMs(), r.maxStallMs(), r.idleCpuPct(), r.probeCpuPct(), r.rssMib(),
                r.floorMs(), r.callsMs(), jsonNumber(r.allocMibPerS()), r.rssIdleStartMib(), r.rssEndMib());
    }

    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * One launch: from process start to listed, then {@link #SETTLE_SECONDS}, then half the idle time with the probe's
     * timer on and half with it off. The worst stall is taken from the window's first frame until the timer stops.
     */
    private static Run runApp(Tool tool, Path dir, List<String> uris, int expect, int idleSeconds, long[] floor) throws Exception {
        Files.createDirectories(dir);
        Path report = dir.resolve("probe.txt");
        int probeOn = idleSeconds / 2;
        long launched = System.currentTimeMillis();
        Process app = tool.launch(dir, uris, expect, SETTLE_SECONDS + probeOn);
        try {
            long listedAt = awaitListed(app, dir);
            long pid = tool.measuredPid(app);
            Thread.sleep(Math.max(0, listedAt + SETTLE_SECONDS * 1000L - System.currentTimeMillis()));
            double onCpu = cpuPercent(pid, probeOn);
            long deadline = System.currentTimeMillis() + 5000;
            while (probe(report, "probe-off") == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Map<String, Long> threads0 = threadTicks(pid);
            double rssIdleStart = statusKib(pid, "VmRSS:") / 1024.0;
            long idleFrom = System.currentTimeMillis();
            long wall0 = System.nanoTime();
            double idleCpu = cpuPercent(pid, idleSeconds - probeOn);
            long idleTo = System.currentTimeMillis();
            double rssEnd = statusKib(pid, "VmRSS:") / 1024.0;
            double seconds = (System.nanoTime() - wall0) / 1e9;
            // Where the idle CPU went, per thread (name and id), for the record next to the run.
            Map<String, Long> threads1 = threadTicks(pid);
            Files.writeString(dir.resolve("idle-threads.txt"), threads1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%6.2f %% %s", e.getValue() * 100.0 / CLOCK_TICKS / seconds, e.getKey()))
                    .collect(Collectors.joining("\n", "", "\n")));
            double rssMib = statusKib(pid, "VmHWM:") / 1024.0;
            long window = probe(report, "window") - launched;
            long stall = Files.readAllLines(report).stream().filter(l -> l.startsWith("stall "))
                    .map(l -> l.split(" ")).mapToLong(p -> Long.parseLong(p[1])).max().orElse(0);
            return new Run(window, listedAt - launched, stall, idleCpu, Math.max(0, onCpu - idleCpu), rssMib, floor[0], floor[1],
                    allocationRate(report, idleFrom, idleTo), rssIdleStart, rssEnd);
        } finally {
            end(app);
        }
    }

    /** MiB/s allocated between the first and the last "allocated" line inside [from, to]; NaN without two such lines. */
    private static double allocationRate(Path report, long from, long to) throws IOException {
        List<long[]> counts = Files.readAllLines(report).stream().filter(l -> l.startsWith("allocated "))
                .map(l -> l.split(" ")).map(p -> new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])})
                .filter(p -> p[1] >= from && p[1] <= to).toList();
        if (counts.size() < 2) {
            return Double.NaN;
        }
        long[] first = counts.get(0);
        long[] last = counts.get(counts.size() - 1);
        return (last[0] - first[0]) / 1048576.0 / ((last[1] - first[1]) / 1000.0);
    }

    /** The process's CPU (all threads) over the next {@code seconds}, in % of one core. */
    private static double cpuPercent(long pid, int seconds) throws IOException, InterruptedException {
        long cpu0 = cpuTicks(pid);
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        return (cpuTicks(pid) - cpu0) * 100.0 / CLOCK_TICKS / ((System.nanoTime() - wall0) / 1e9);
    }

    /**
     * Starts the app as a user would, with a fresh store and the probe on ({@code probe.txt} in {@code dir});
     * {@code extraProperties} are more {@code -Dname=value} options for the probe.
     */
    static Process launch(String launcher, List<String> javaOptions, Path jar, Path dir, List<String> uris, int expect,
                          List<String> extraProperties) throws IOException {
        Files.createDirectories(dir);
        // A fresh store per run: no saved connections, no remembered window.
        List<String> properties = new ArrayList<>(List.of("-Dvireo.dataDir=" + dir.resolve("data"), "-Dvireo.stateDir=" + dir.resolve("state"),
                "-Dvireo.bench.report=" + dir.resolve("probe.txt"), "-Dvireo.bench.expect=" + expect));
        properties.addAll(extraProperties);
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (launcher != null) {
            command.add(launcher);
            List<String> options = new ArrayList<>(javaOptions);
            options.addAll(properties);
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOptions);
            command.addAll(properties);
            command.add("-jar");
            command.add(jar.toString());
        }
        for (String uri : uris) {
            command.add("--connect");
            command.add(uri);
        }
        return builder.redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
    }

    /** Waits for the probe's "listed" line; its wall-clock time. */
    static long awaitListed(Process app, Path dir) throws IOException, InterruptedException {
        Path report = dir.resolve("probe.txt");
        long deadline = System.currentTimeMillis() + PAGE_TIMEOUT_MS;
        Long listedAt = null;
        while (listedAt == null) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app ended before listing its VMs; see " + dir.resolve("console.txt"));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no 'listed' report within " + PAGE_TIMEOUT_MS + " ms; see " + dir);
            }
            Thread.sleep(20);
            listedAt = probe(report, "listed");
        }
        return listedAt;
    }

    /** Ends the app and what it started (virt-manager under dbus-run-session), forcibly after 15 s. */
    static void end(Process app) throws InterruptedException {
        app.descendants().forEach(ProcessHandle::destroy);
        app.destroy();
        if (!app.waitFor(15, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    private static Long probe(Path report, String key) throws IOException {
        if (!Files.exists(report)) {
            return null;
        }
        return Files.readAllLines(report).stream().filter(l -> l.startsWith(key + " "))
                .map(l -> Long.parseLong(l.substring(key.length() + 1).strip())).findFirst().orElse(null);
    }

    /** utime + stime per thread ("name/tid"), in clock ticks. */
    private static Map<String, Long> threadTicks(long pid) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(name + "/" + task.getFileName(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            }
        }
        return ticks;
    }

    /** utime + stime of the whole process (all threads), in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKib(long pid, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(key)).map(l -> l.replaceAll("[^0-9]", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    /** Node files of the case: per VM a disk and a NIC; a third of them shut off, the rest running. */
    static List<String> nodeFiles(Path dir, Case c) throws IOException {
        Files.createDirectories(dir);
        List<String> uris = new ArrayList<>();
        for (int n = 0; n < c.nodes(); n++) {
            Path file = dir.resolve("node-" + n + ".xml");
            StringBuilder xml = new StringBuilder("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                    + "<cpu><nodes>1</nodes><sockets>2</sockets><cores>16</cores><threads>2</threads>"
                    + "<active>64</active><mhz>2400</mhz><model>x86_64</model></cpu><memory>536870912</memory>\n");
            for (int i = 0; i < c.vmsPerNode(); i++) {
                String name = String.format(Locale.ROOT, "n%d-vm-%05d", n, i);
                String mac = String.format(Locale.ROOT, "52:54:%02x:%02x:%02x:%02x", n, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
                xml.append("<domain type='test'><name>").append(name).append("</name><uuid>")
                        .append(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)))
                        .append("</uuid><memory unit='MiB'>").append(512 << (i % 3)).append("</memory><vcpu>")
                        .append(1 + i % 4).append("</vcpu><os><type arch='x86_64'>hvm</type></os><devices>")
                        .append("<disk type='file' device='disk'><source file='/var/lib/libvirt/images/").append(name)
                        .append(".qcow2'/><target dev='vda' bus='virtio'/></disk>")
                        .append("<interface type='network'><mac address='").append(mac)
                        .append("'/><source network='default'/><model type='virtio'/></interface></devices>")
                        .append(i % 3 == 2 ? "<test:runstate>5</test:runstate>" : "")
                        .append("</domain>\n");
            }
            xml.append("</node>\n");
            Files.writeString(file, xml);
            uris.add("test://" + file.toAbsolutePath());
        }
        return uris;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--vs-virt-manager")) {
                opts.put(args[i], "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench/run [--vms N] [--nodes K] [--repeat R] [--idle SECONDS] "
                        + "[--java-options \"OPTS\"] [--launcher PATH|java-jar] [--vs-virt-manager]; got "
                        + Arrays.toString(args));
            }
            opts.put(args[i], args[++i]);
        }
        return opts;
    }

    private static long medianLong(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianDouble(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
