package org.vireo.ui;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests without a window: what a view model posts waits
 * in a queue until the test drains it on its own thread, as the FX thread would run it.
 */
public final class FxQueue implements Executor {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs what was posted until {@code done} holds; fails after {@code seconds}. */
    public void drainUntil(String what, double seconds, BooleanSupplier done) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
