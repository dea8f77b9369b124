package org.vireo.libvirt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.libvirt.LibvirtException;

/**
 * Lets only as many node workers at a time do CPU-bound reads (opening a test-driver node, listing its domains) as the
 * machine has cores, so that many nodes starting together leave the FX thread a core to build the window with. Only
 * reads whose CPU is spent on this machine go through it (the test driver, which parses its node file in-process); a
 * wait is bounded, so a slow node can delay the others by at most {@link #MAX_WAIT_MS}, never block them. Once the
 * window is on screen the gate opens for good: from then on all nodes read at once (20 nodes listed 1.4 s later with
 * the gate kept shut).
 */
final class CpuGate {

    static final long MAX_WAIT_MS = 3000;

    private final Semaphore permits;
    private volatile boolean open;

    CpuGate(int permits) {
        this.permits = new Semaphore(Math.max(1, permits));
    }

    /** A read that libvirt may refuse. */
    interface Read<T> {
        T run() throws LibvirtException;
    }

    /** Runs {@code read}, holding a permit while it runs when {@code uri}'s reads are this machine's CPU. */
    <T> T read(String uri, Read<T> read) throws LibvirtException {
        boolean gated = enter(uri);
        try {
            return read.run();
        } finally {
            if (gated) {
                permits.release();
            }
        }
    }

    /** Waits for a permit when {@code uri}'s reads are this machine's CPU; true when one was taken. */
    private boolean enter(String uri) {
        if (open || !uri.startsWith("test:")) {
            return false;
        }
        try {
            return permits.tryAcquire(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** No more waiting, now or later; those waiting go on at once (a permit left by one of them is never missed). */
    synchronized void open() {
        if (!open) {
            open = true;
            permits.release(10_000);   // more than there will ever be nodes waiting
        }
    }
}
