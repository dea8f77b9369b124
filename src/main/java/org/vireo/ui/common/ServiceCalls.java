package org.vireo.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;

/**
 * The one way a view model calls a service: the call runs where the service runs it (the node's
 * worker, the store's thread), and its result or failure is applied on the FX thread, batched with
 * the other results that arrive in the same pulse. Busy flags and stale results are handled here
 * once: {@code calls.run(() -> service.snapshots(vm)).busy(loading).unlessStale(key).onSuccess(list::setAll)
 * .onFailure(message::set)}.
 *
 * <p>One instance per view model; tests pass a direct executor for the FX thread.
 */
public final class ServiceCalls {

    private final FxBatchQueue<Runnable> fx;
    private final Executor localWork;

    /** On the real FX thread; local work (reading a file, measuring fonts) on {@code localWork}. */
    public ServiceCalls(Executor localWork) {
        this(Platform::runLater, localWork);
    }

    /** For view models that call only services; {@code fxThread} null means the real FX thread. */
    public static ServiceCalls on(Executor fxThread) {
        return new ServiceCalls(fxThread, null);
    }

    /** With another executor standing in for the FX thread (tests run results at once). */
    public ServiceCalls(Executor fxThread, Executor localWork) {
        this.fx = new FxBatchQueue<>(batch -> batch.forEach(Runnable::run), fxThread == null ? Platform::runLater : fxThread);
        this.localWork = localWork;
    }

    /** Starts a call description; nothing happens until {@link Call#start()} or one of the handlers that start it. */
    public <T> Call<T> run(Supplier<CompletableFuture<T>> call) {
        return new Call<>(call);
    }

    /** Work that is the app's own (a file from the jar, fonts): run on the local-work thread, never the common pool. */
    public <T> Call<T> local(Supplier<T> work) {
        if (localWork == null) {
            throw new IllegalStateException("this view model was given no local-work executor");
        }
        return new Call<>(() -> CompletableFuture.supplyAsync(work, localWork));
    }

    /** Runs {@code action} on the FX thread in the next batch: for results that arrive from a callback. */
    public void post(Runnable action) {
        fx.post(action);
    }

    /** One call: what to do with its outcome on the FX thread. */
    public final class Call<T> {
        private final Supplier<CompletableFuture<T>> call;
        private BooleanProperty busy;
        private BooleanSupplier current = () -> true;
        private Consumer<? super T> success = value -> { };
        private Consumer<String> failure = reason -> { };
        private Consumer<Throwable> failureCause;
        private Runnable always = () -> { };

        private Call(Supplier<CompletableFuture<T>> call) {
            this.call = call;
        }

        /** True while the call runs (set on the FX thread before it starts, cleared when its outcome is applied). */
        public Call<T> busy(BooleanProperty flag) {
            this.busy = flag;
            return this;
        }

        /** The outcome is dropped when this says false by then (the user moved on to another VM or node). */
        public Call<T> unlessStale(BooleanSupplier stillCurrent) {
            this.current = stillCurrent;
            return this;
        }

        public Call<T> onSuccess(Consumer<? super T> handler) {
            this.success = handler;
            return this;
        }

        /** The failure as the user reads it: libvirt's or the store's reason ({@link FailureText#reason}). */
        public Call<T> onFailure(Consumer<String> handler) {
            this.failure = handler;
            return this;
        }

        /** The failure itself, unwrapped from the future's wrappers, for callers that word it themselves. */
        public Call<T> onFailureCause(Consumer<Throwable> handler) {
            this.failureCause = handler;
            return this;
        }

        /** After success or failure (not when stale). */
        public Call<T> always(Runnable handler) {
            this.always = handler;
            return this;
        }

        public void start() {
            if (busy != null) {
                busy.set(true);
            }
            CompletableFuture<T> future;
            try {
                future = call.get();
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((value, error) -> fx.post(() -> {
                if (!current.getAsBoolean()) {
                    return;   // a newer call owns the busy flag and the outcome
                }
                if (busy != null) {
                    busy.set(false);
                }
                if (error == null) {
                    success.accept(value);
                } else if (failureCause != null) {
                    failureCause.accept(FailureText.unwrap(error));
                } else {
                    failure.accept(FailureText.reason(error));
                }
                always.run();
            }));
        }
    }
}
