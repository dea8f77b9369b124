package org.vireo.app;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.libvirt.MainLoopTimer;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.AfterEachLayout;
import org.vireo.ui.common.FxBatchQueue;

/**
 * What {@code bench/run} reads from a running window, switched on by the system property
 * {@code vireo.bench.report=FILE} (and {@code vireo.bench.expect=N}, the count of VMs on the nodes named with
 * {@code --connect} that means "listed"). It appends lines of wall-clock milliseconds: {@code window T} at the first pulse
 * after the window is shown, {@code listed T} at the first pulse after N VMs are in the
 * inventory, {@code stall MS T} whenever the FX thread answered a heartbeat later than ever
 * before, from the window's first pulse on. The heartbeat ticks every 20 ms; how late a tick comes is how long the FX thread
 * was busy, which is what a user sees as a freeze. Where the toolkit's main loop drives libvirt's events (Linux, GTK) the tick
 * is a timer on that loop, run on the FX thread itself — one wake-up per tick, so the probe barely adds to the idle CPU it
 * measures; elsewhere it is a {@code runLater} from a thread of its own (three thread wake-ups per tick: ~0.8 % of a core
 * here). With {@code vireo.bench.lateOver=MS} every tick later than MS is written too ({@code late MS T}), for stalls
 * after the worst one; with {@code vireo.bench.running=true} the count of running VMs in the inventory, each time it
 * changes ({@code running N T}, taken once per pulse), so a benchmark can tell how far the window's totals lag behind the
 * truth. With {@code vireo.bench.stallSeconds=S} the heartbeat stops S seconds after "listed" ({@code probe-off T}), so
 * the idle CPU measured after that has no probe in it and the probe's own share can be told apart. Every 5 s, from a
 * thread of its own, it writes how many bytes the process's live threads have allocated so far ({@code allocated B T}),
 * for the allocation rate of an idle window.
 * Off by default: nothing runs without the property.
 */
final class BenchProbe {

    private static final Logger LOG = LoggerFactory.getLogger(BenchProbe.class);
    private static final long HEARTBEAT_MS = 20;

    private final Writer out;
    private final AtomicLong worstDelay = new AtomicLong();
    private final AtomicLong reportedDelay = new AtomicLong();
    /** Pings waiting for the FX thread come in one batch: the oldest one's wait is the stall. */
    private final FxBatchQueue<Long> pings = new FxBatchQueue<>(sent ->
            worstDelay.accumulateAndGet((System.nanoTime() - sent.get(0)) / 1_000_000, Math::max));
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vireo-bench-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private MainLoopTimer loopTimer;
    private long lastTick;
    private final long lateOver = Long.getLong("vireo.bench.lateOver", Long.MAX_VALUE);
    private final long stallSeconds = Long.getLong("vireo.bench.stallSeconds", -1);
    private boolean inventoryChanged;
    private long runningShown = -1;

    private BenchProbe(Writer out) {
        this.out = out;
    }

    /** On the FX thread, right after the stage is shown. */
    static void attachIfRequested(Stage stage, ObservableList<VmSummary> inventory) {
        Optional<String> report = Optional.ofNullable(System.getProperty("vireo.bench.report"));
        if (report.isEmpty()) {
            return;
        }
        int expect = Integer.getInteger("vireo.bench.expect", -1);
        try {
            Writer out = Files.newBufferedWriter(Path.of(report.get()), StandardCharsets.UTF_8);
            BenchProbe probe = new BenchProbe(out);
            probe.attach(stage.getScene(), inventory, expect);
            probe.countAllocations();
        } catch (IOException e) {
            LOG.warn("Benchmark report {} cannot be written", report.get(), e);
        }
    }

    private void attach(Scene scene, ObservableList<VmSummary> inventory, int expect) {
        // Stalls are gaps once the window is on screen: the heartbeat starts at its first pulse.
        AfterEachLayout.afterNext(scene, () -> {
            write("window " + System.currentTimeMillis());
            loopTimer = MainLoopTimer.onToolkitLoop((int) HEARTBEAT_MS, this::tick).orElse(null);
            if (loopTimer == null) {
                beat.scheduleAtFixedRate(this::ping, 0, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
            }
        });
        AtomicBoolean listed = new AtomicBoolean();
        Runnable check = () -> {
            if (expect >= 0 && !listed.get() && commandLineVms(inventory) >= expect && listed.compareAndSet(false, true)) {
                AfterEachLayout.afterNext(scene, () -> {
                    write("listed " + System.currentTimeMillis());
                    if (stallSeconds >= 0) {
                        PauseTransition off = new PauseTransition(Duration.seconds(stallSeconds));
                        off.setOnFinished(e -> stopHeartbeat());
                        off.play();
                    }
                    // The packaging's training run records the classes of a real start, then ends.
                    if (Boolean.getBoolean("vireo.bench.exitWhenListed")) {
                        Platform.exit();
                    }
                });
            }
        };
        inventory.addListener((ListChangeListener<Object>) change -> check.run());
        check.run();
        if (Boolean.getBoolean("vireo.bench.running")) {
            inventory.addListener((ListChangeListener<Object>) change -> inventoryChanged = true);
            scene.addPostLayoutPulseListener(() -> {
                if (inventoryChanged) {
                    inventoryChanged = false;
                    long running = inventory.stream()
                            .filter(vm -> vm.nodeId().startsWith(AppContext.COMMAND_LINE_NODE_PREFIX) && vm.state().isRunning()).count();
                    if (running != runningShown) {
                        runningShown = running;
                        write("running " + running + " " + System.currentTimeMillis());
                    }
                }
            });
        }
    }

    /** Bytes allocated by the live threads, every 5 s, on a thread of its own (the heartbeat's may have stopped). */
    private void countAllocations() {
        if (!(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean threads)) {
            return;
        }
        ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vireo-bench-allocations");
            t.setDaemon(true);
            return t;
        });
        counter.scheduleAtFixedRate(() -> {
            long bytes = 0;
            for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                bytes += Math.max(0, allocated);
            }
            write("allocated " + bytes + " " + System.currentTimeMillis(), counter);
        }, 5, 5, TimeUnit.SECONDS);
    }

    /** On the FX thread. */
    private void stopHeartbeat() {
        if (loopTimer != null) {
            loopTimer.close();
        }
        write("probe-off " + System.currentTimeMillis());
        beat.execute(() -> beat.shutdown());   // after the line above: the executor writes in order
    }

    /** The VMs of the nodes named with --connect: the demo lab of a first start is not what is measured. */
    private static long commandLineVms(ObservableList<VmSummary> inventory) {
        return inventory.stream().filter(vm -> vm.nodeId().startsWith(AppContext.COMMAND_LINE_NODE_PREFIX)).count();
    }

    /** On the FX thread, from the main-loop timer: a tick later than its period is time the thread was busy. */
    private void tick() {
        long now = System.nanoTime();
        if (lastTick != 0) {
            long late = (now - lastTick) / 1_000_000 - HEARTBEAT_MS;
            if (late > reportedDelay.get()) {
                reportedDelay.set(late);
                write("stall " + late + " " + System.currentTimeMillis());
            }
            if (late > lateOver) {
                write("late " + late + " " + System.currentTimeMillis());
            }
        }
        lastTick = now;
    }

    /** On the heartbeat thread. */
    private void ping() {
        long worst = worstDelay.get();
        if (worst > reportedDelay.get()) {
            reportedDelay.set(worst);
            write("stall " + worst + " " + System.currentTimeMillis());
        }
        pings.post(System.nanoTime());
    }

    /** The time is taken by the caller; the file is written on the heartbeat thread, never on the FX thread. */
    private void write(String line) {
        write(line, beat);
    }

    private void write(String line, ScheduledExecutorService thread) {
        try {
            thread.execute(() -> {
                try {
                    synchronized (out) {
                        out.write(line);
                        out.write('\n');
                        out.flush();
                    }
                } catch (IOException e) {
                    LOG.warn("Benchmark report line lost", e);
                }
            });
        } catch (RejectedExecutionException probeOff) {
            LOG.debug("Benchmark probe off: {} not written", line);
        }
    }
}
