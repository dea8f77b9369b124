package org.vireo.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshPrompts;
import org.vireo.ssh.SshTarget;
import org.vireo.terminal.TerminalService;
import org.vireo.testlab.AcceptingSshPrompts;
import org.vireo.ui.common.Messages;
import org.vireo.ui.terminal.TerminalTab;

/**
 * Not a test: measures a terminal tab the way issue #6 asks — {@code seq 1 200000} over SSH at
 * 110×33 until the last line is on screen, then the process's CPU while the tab sits idle.
 * Run: {@code bench/terminal} (needs a display; it starts an SSH server on 127.0.0.1 itself).
 */
public final class TerminalBench {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("vireo-bench");
        // -Dbench.ssh=user@host:port -Dbench.sshDir=DIR (holding id_rsa) measures against a real sshd instead.
        String external = System.getProperty("bench.ssh");
        Process server = null;
        String user = "bench";
        String host = "127.0.0.1";
        int port;
        Path sshDir = dir.resolve(".ssh");
        if (external != null) {
            user = external.substring(0, external.indexOf('@'));
            host = external.substring(external.indexOf('@') + 1, external.lastIndexOf(':'));
            port = Integer.parseInt(external.substring(external.lastIndexOf(':') + 1));
            sshDir = Path.of(System.getProperty("bench.sshDir"));
        } else {
            server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), BenchSshServer.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream())).readLine().strip());
        }
        SshPrompts yes = new AcceptingSshPrompts(Optional.of("x"));
        TerminalService service = new TerminalService(new SshConnector(sshDir, dir.resolve("known_hosts"),
                Optional.empty(), yes), null);
        SshTarget target = new SshTarget(user, host, port, Optional.empty());

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);   // each run closes its window; the toolkit must outlive it
        List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            CompletableFuture<TerminalTab> opened = new CompletableFuture<>();
            Platform.runLater(() -> {
                TerminalTab tab = new TerminalTab("bench", new Messages(Locale.ENGLISH),
                        () -> service.openSsh(target, 110, 33));
                Stage stage = new Stage();
                TabPane pane = new TabPane(tab.tab());
                stage.setScene(new Scene(pane, 1000, 640));
                stage.show();
                opened.complete(tab);
            });
            TerminalTab tab = opened.get(20, TimeUnit.SECONDS);
            // /bin/sh without a tty prints no prompt: wait for the session itself.
            waitFor(() -> tab.widget() != null && tab.widget().getTtyConnector() != null
                    && tab.widget().getTtyConnector().isConnected(), 20_000);
            String last = Integer.toString(lines);
            long t0 = System.nanoTime();
            tab.widget().getTtyConnector().write("seq 1 " + lines + "\n");
            waitFor(() -> screen(tab).lines().anyMatch(l -> l.strip().equals(last)), 120_000);
            double seconds = (System.nanoTime() - t0) / 1e9;

            Thread.sleep(2000);   // let the output settle
            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Thread.sleep(10_000);
            double idle = (os.getProcessCpuTime() - cpu0) * 100.0 / (System.nanoTime() - wall0);
            System.out.printf(Locale.ROOT, "{\"run\":%d,\"lines\":%d,\"seq_seconds\":%.3f,\"idle_cpu_pct\":%.2f}%n",
                    run, lines, seconds, idle);
            results.add(new double[] {seconds, idle});
            Platform.runLater(() -> {
                tab.close();
                ((Stage) tab.tab().getTabPane().getScene().getWindow()).close();
            });
            Thread.sleep(500);
        }
        // The first run pays for class loading and JIT: the medians are over the warm runs.
        List<double[]> warm = results.size() > 1 ? results.subList(1, results.size()) : results;
        System.out.printf(Locale.ROOT, "{\"summary\":true,\"lines\":%d,\"warm_runs\":%d,\"median_seq_seconds\":%.3f,"
                + "\"median_idle_cpu_pct\":%.2f,\"first_run_seq_seconds\":%.3f}%n", lines, warm.size(),
                median(warm, 0), median(warm, 1), results.get(0)[0]);
        service.close();
        if (server != null) {
            server.destroy();
        }
        Platform.exit();
        System.exit(0);
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String screen(TerminalTab tab) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Platform.runLater(() -> text.complete(tab.screenText()));
        return text.join();
    }

    private static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);   // a light poll: reading the screen takes the buffer's lock
        }
    }
}
