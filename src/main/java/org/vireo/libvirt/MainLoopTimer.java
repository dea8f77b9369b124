package org.vireo.libvirt;

import java.util.Optional;

/**
 * A repeating timer on libvirt's event loop. When the JavaFX toolkit drives that loop (GTK's main
 * loop, see {@link LibvirtRuntime}), the callback runs on the FX thread itself between events:
 * no thread of its own and no {@code runLater} hand-over, so one wake-up per tick. How late each
 * tick comes is how long the FX thread was busy — the benchmark's stall probe uses it.
 */
public final class MainLoopTimer implements AutoCloseable {

    private final int id;
    // Held while the timer lives: JNA would otherwise let the callback be collected.
    private final LibvirtNative.TimeoutCallback callback;

    private MainLoopTimer(int id, LibvirtNative.TimeoutCallback callback) {
        this.id = id;
        this.callback = callback;
    }

    /**
     * Runs {@code tick} every {@code periodMs} on the toolkit's main loop; empty when the toolkit does
     * not drive libvirt's loop (then a tick would run on some other thread).
     */
    public static Optional<MainLoopTimer> onToolkitLoop(int periodMs, Runnable tick) {
        if (!LibvirtRuntime.toolkitDrivesEvents()) {
            return Optional.empty();
        }
        LibvirtNative.TimeoutCallback callback = (timer, opaque) -> tick.run();
        int id = LibvirtNative.INSTANCE.virEventAddTimeout(periodMs, callback, null, null);
        return id < 0 ? Optional.empty() : Optional.of(new MainLoopTimer(id, callback));
    }

    @Override
    public void close() {
        LibvirtNative.INSTANCE.virEventRemoveTimeout(id);
    }

    @Override
    public String toString() {
        return "MainLoopTimer[" + id + ", " + callback + "]";
    }
}
