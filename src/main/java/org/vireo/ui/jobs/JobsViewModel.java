package org.vireo.ui.jobs;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.vireo.model.ByteSize;
import org.vireo.service.LongJob;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The app's long operations: each with its progress, rate and time left (read from its counters four times
 * a second while it runs), Cancel, and its outcome until cleared. FX thread only.
 */
public final class JobsViewModel {

    /** One operation as the Jobs window lists it. */
    public static final class Job {
        private final LongJob transfer;
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private final StringProperty status = new SimpleStringProperty("");
        private final BooleanProperty running = new SimpleBooleanProperty(true);
        private final BooleanProperty failed = new SimpleBooleanProperty();
        private final long startedNanos = System.nanoTime();

        Job(LongJob transfer) {
            this.transfer = transfer;
        }

        /** "Upload installer.iso to default". */
        public String title() {
            String title = transfer.title();
            return title.isEmpty() ? title : Character.toUpperCase(title.charAt(0)) + title.substring(1);
        }

        /** 0 to 1, or -1 while the size is not known yet. */
        public DoubleProperty progressProperty() {
            return progress;
        }

        public StringProperty statusProperty() {
            return status;
        }

        public BooleanProperty runningProperty() {
            return running;
        }

        public BooleanProperty failedProperty() {
            return failed;
        }

        public void cancel() {
            transfer.cancel();
        }

        /** Whether Cancel is offered (a transfer); a VM being created or cloned runs to its end. */
        public boolean cancellable() {
            return transfer.cancellable();
        }
    }

    private final Messages messages;
    private final ServiceCalls calls;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList(job -> new Observable[] {job.running});
    private final IntegerBinding running = Bindings.createIntegerBinding(() -> (int) jobs.stream().filter(j -> j.running.get()).count(), jobs);
    private final Timeline ticker;
    private BiConsumer<String, String> finished = (title, text) -> { };

    public JobsViewModel(Messages messages) {
        this(messages, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests, which call {@link #tick()} themselves). */
    JobsViewModel(Messages messages, Executor fxThread) {
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        if (fxThread == null) {
            ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
            ticker.setCycleCount(Timeline.INDEFINITE);
        } else {
            ticker = null;
        }
    }

    /** Told once when a job ends (a notification, for a user who looked elsewhere): title, outcome. */
    public void setOnFinished(BiConsumer<String, String> finished) {
        this.finished = finished;
    }

    public ObservableList<Job> jobs() {
        return jobs;
    }

    /** How many run now. */
    public IntegerBinding runningProperty() {
        return running;
    }

    /** Lists a job; {@code done} runs on the FX thread with its outcome (a transfer's SHA-256) once it succeeded. */
    public Job add(LongJob transfer, Consumer<String> done) {
        Job job = new Job(transfer);
        jobs.add(0, job);
        if (ticker != null) {
            ticker.play();
        }
        transfer.result().whenComplete((sha, error) -> calls.post(() -> {
            job.running.set(false);
            if (error == null) {
                job.progress.set(1);
                job.status.set(transfer.unit() != LongJob.Unit.BYTES ? (sha.isEmpty() ? messages.get("jobs.doneSteps") : sha)
                        : messages.get("jobs.done", new ByteSize(transfer.done()).toHuman(), sha));
                done.accept(sha);
            } else {
                job.failed.set(true);
                job.progress.set(0);   // not an endless "working" bar for a job that ended
                job.status.set(messages.get("jobs.failed", FailureText.reason(error)));
            }
            finished.accept(job.title(), job.status.get());
            if (running.get() == 0 && ticker != null) {
                ticker.stop();
            }
        }));
        return job;
    }

    public void clearFinished() {
        jobs.removeIf(job -> !job.running.get());
    }

    /** Reads each running job's counters into its bar and words. */
    void tick() {
        for (Job job : jobs) {
            if (!job.running.get()) {
                continue;
            }
            long total = job.transfer.total();
            long done = job.transfer.done();
            if (job.transfer.unit() == LongJob.Unit.STEPS) {
                job.progress.set(total > 0 ? (double) done / (total + 1) : -1);
                job.status.set(total > 0 ? messages.get("jobs.step", done, total, job.transfer.note()) : job.transfer.note());
                continue;
            }
            if (job.transfer.unit() == LongJob.Unit.MIGRATION) {
                // libvirt's own figures: what is left shrinks, and may grow again while the guest dirties its memory
                job.progress.set(total > 0 ? (double) done / total : -1);
                job.status.set(job.transfer.note().isEmpty() ? messages.get("jobs.migrationStarting") : job.transfer.note());
                continue;
            }
            if (job.transfer.landed().isDone()) {
                job.progress.set(1);
                job.status.set(messages.get("jobs.checksum", new ByteSize(done).toHuman()));
                continue;
            }
            double seconds = Math.max(0.001, (System.nanoTime() - job.startedNanos) / 1e9);
            double rate = done / seconds;
            job.progress.set(total > 0 ? (double) done / total : -1);
            String left = rate > 0 && total > done ? messages.get("jobs.left", Math.round((total - done) / rate)) : "";
            job.status.set(messages.get("jobs.progress", new ByteSize(done).toHuman(), new ByteSize(total).toHuman(),
                    new ByteSize((long) rate).toHuman()) + left);
        }
    }
}
