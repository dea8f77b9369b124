package org.vireo.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Collects items posted from any thread and applies them on the FX thread in batches: at most
 * one {@code runLater} is outstanding at a time, however many items arrive, so 5000 VM updates
 * become one refresh rather than 5000.
 */
public final class FxBatchQueue<T> {

    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dispatches = new AtomicLong();
    private final Consumer<List<T>> apply;
    private final Executor fxThread;

    public FxBatchQueue(Consumer<List<T>> apply) {
        this(apply, Platform::runLater);
    }

    /** With another executor standing in for the FX thread (tests count its calls). */
    public FxBatchQueue(Consumer<List<T>> apply, Executor fxThread) {
        this.apply = apply;
        this.fxThread = fxThread;
    }

    public void post(T item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            dispatches.incrementAndGet();
            fxThread.execute(this::drain);
        }
    }

    /** How many times a batch was handed to the FX thread so far. */
    public long dispatchCount() {
        return dispatches.get();
    }

    private void drain() {
        // Cleared before draining: an item posted while we apply schedules the next batch.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
