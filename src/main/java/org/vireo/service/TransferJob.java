package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long transfer under way (an upload or download): how far it is, a way to cancel it, and its outcome
 * (the SHA-256 of the bytes moved). The counters are written by the transfer's thread and read by whoever
 * shows them; the outcome completes on the transfer's thread.
 */
public final class TransferJob {

    private final String title;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    public TransferJob(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total.get();
    }

    public void setTotal(long bytes) {
        total.set(bytes);
    }

    public void add(long bytes) {
        done.addAndGet(bytes);
    }

    /** Asks the transfer to stop; it cleans up (a partial volume or file is deleted) and fails with the word "cancelled". */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Completes with the hex SHA-256 of the bytes moved. */
    public CompletableFuture<String> result() {
        return result;
    }
}
