package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long operation under way: a transfer (an upload or download, counted in bytes, cancellable, its outcome the
 * SHA-256 of the bytes moved) or a multi-step one (creating or cloning a VM, counted in steps, its outcome words
 * to show), or a migration (libvirt's own figures: data processed of its total, its rate and what is left, set as
 * they are read; cancellable; its outcome words to show). The counters are written by the operation's thread and read by whoever shows them; the outcome
 * completes on the operation's thread.
 */
public final class LongJob {

    /** What the counters count. */
    public enum Unit { BYTES, STEPS, MIGRATION }

    private final String title;
    private final Unit unit;
    private final boolean cancellable;
    private volatile String note = "";
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final CompletableFuture<Void> landed = new CompletableFuture<>();
    private volatile boolean cancelled;

    /** A transfer: bytes, cancellable. */
    public LongJob(String title) {
        this(title, Unit.BYTES, true);
    }

    private LongJob(String title, Unit unit, boolean cancellable) {
        this.title = title;
        this.unit = unit;
        this.cancellable = cancellable;
        result.whenComplete((outcome, failure) -> {
            if (failure != null) {
                landed.completeExceptionally(failure);
            } else {
                landed.complete(null);
            }
        });
    }

    /** An operation of steps that runs to its end once started (libvirt calls that cannot be interrupted). */
    public static LongJob steps(String title) {
        return new LongJob(title, Unit.STEPS, false);
    }

    /** A VM moving to another node: its figures are set from libvirt's job statistics as they are read. */
    public static LongJob migration(String title) {
        return new LongJob(title, Unit.MIGRATION, true);
    }

    /** A migration's figures as libvirt reported them just now; {@code note} says the rate and what is left. */
    public void progress(long processed, long all, String now) {
        total.set(all);
        done.set(processed);
        note = now;
    }

    public Unit unit() {
        return unit;
    }

    public boolean cancellable() {
        return cancellable;
    }

    /** What it is doing now ("Defining the VM") for a job of steps; a migration's rate and what is left. */
    public String note() {
        return note;
    }

    /** Step {@code index} of {@code total} begins: {@code what}. */
    public void step(int index, int total, String what) {
        this.total.set(total);
        this.done.set(index);
        this.note = what;
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

    /** Completes with the hex SHA-256 of the bytes moved (a transfer), or the words to show (a job of steps). */
    public CompletableFuture<String> result() {
        return result;
    }

    /**
     * Completes when every byte is in place and the volume or file is whole and usable, which for a sparse transfer
     * can be a good while before its SHA-256 (a hole must be hashed as the zeros it reads as, at about 1.7 GB/s);
     * at the latest with {@link #result()}, and failed with it.
     */
    public CompletableFuture<Void> landed() {
        return landed;
    }

    /** The bytes are all in place; only the checksum is still being computed (it can no longer be cancelled). */
    public void markLanded() {
        landed.complete(null);
    }
}
