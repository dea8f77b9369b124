package org.vireo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * virt-manager started for {@code bench/run --vs-virt-manager} on the very node files Vireo gets, under the same
 * display: the connections are its own saved ones (a GSettings keyfile in the run's directory, all autoconnecting,
 * as for a user who added them), and {@code bench/virt-manager-probe.py} runs it in its own process with the same
 * report lines Vireo's probe writes. It runs under {@code dbus-run-session} (a GTK application registers on the
 * session bus) with GTK's accessibility bridge off ({@code NO_AT_BRIDGE=1}: Vireo's window has none either, and the
 * bridge's own processes would not be counted anyway); the measured process is the Python interpreter.
 */
final class VirtManagerRun {

    private static final Path PROBE = Path.of("bench/virt-manager-probe.py").toAbsolutePath();

    private VirtManagerRun() {
    }

    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "virt-manager").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return "virt-manager " + version + " (Debian package), probe " + PROBE;
    }

    static FleetBench.Tool tool() {
        if (!Files.isExecutable(Path.of("/usr/bin/virt-manager"))) {
            throw new IllegalStateException("virt-manager is not installed: apt-get install virt-manager");
        }
        return new FleetBench.Tool() {
            @Override
            public String name() {
                return "virt-manager";
            }

            @Override
            public Process launch(Path dir, List<String> uris, int expect, int stallSeconds) throws IOException {
                Path settings = dir.resolve("config/glib-2.0/settings");
                Files.createDirectories(settings);
                Files.createDirectories(dir.resolve("home"));
                String list = uris.stream().map(uri -> "'" + uri + "'").collect(Collectors.joining(", ", "[", "]"));
                Files.writeString(settings.resolve("keyfile"), "[org/virt-manager/virt-manager/connections]\n"
                        + "uris=" + list + "\nautoconnect=" + list + "\n");
                ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "/usr/bin/python3", PROBE.toString(),
                        dir.resolve("probe.txt").toString(), Integer.toString(expect), Integer.toString(stallSeconds));
                builder.environment().put("HOME", dir.resolve("home").toString());
                builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
                builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
                builder.environment().put("GSETTINGS_BACKEND", "keyfile");
                builder.environment().put("NO_AT_BRIDGE", "1");
                return builder.redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
            }

            @Override
            public long measuredPid(Process started) throws InterruptedException {
                for (int i = 0; i < 100; i++) {
                    Optional<ProcessHandle> python = started.descendants()
                            .filter(p -> p.info().arguments().map(a -> List.of(a).contains(PROBE.toString())).orElse(false)).findFirst();
                    if (python.isPresent()) {
                        return python.get().pid();
                    }
                    Thread.sleep(20);
                }
                throw new IllegalStateException("virt-manager's process was not found under " + started.pid());
            }
        };
    }
}
