package org.vireo.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vireo.model.OperationException;
import org.vireo.service.LongJob;
import org.vireo.ui.FxQueue;
import org.vireo.ui.common.Messages;

/**
 * The Jobs list over real {@link LongJob}s, advanced here the way a transfer thread advances them:
 * progress and words, the outcome, Cancel reaching the transfer, clearing.
 */
class JobsViewModelTest {

    private final FxQueue fx = new FxQueue();
    private final JobsViewModel jobs = new JobsViewModel(new Messages(Locale.ENGLISH), fx);

    /** A VM being created: counted in steps, its words the step under way, no Cancel, "Done." at the end. */
    @Test
    void aJobOfStepsShowsItsStepAndOffersNoCancel() {
        LongJob create = LongJob.steps("create story-vm");
        JobsViewModel.Job job = jobs.add(create, outcome -> { });
        assertFalse(job.cancellable());
        jobs.tick();
        assertEquals(-1, job.progressProperty().get(), 1e-9);
        create.step(1, 3, "Creating the disk");
        jobs.tick();
        assertEquals(0.25, job.progressProperty().get(), 1e-9);
        assertEquals("Step 1 of 3: Creating the disk", job.statusProperty().get());
        create.result().complete("");
        fx.drainUntil("the job ends", 5, () -> !job.runningProperty().get());
        assertEquals("Done.", job.statusProperty().get());
        assertTrue(new LongJob("upload").cancellable());
    }

    @Test
    void progressOutcomeCancelAndClear() throws Exception {
        List<String> notified = new ArrayList<>();
        jobs.setOnFinished((title, outcome) -> notified.add(title + ": " + outcome));
        LongJob upload = new LongJob("upload debian.iso to isos");
        List<String> hashes = new ArrayList<>();
        JobsViewModel.Job job = jobs.add(upload, hashes::add);
        assertEquals("Upload debian.iso to isos", job.title());
        assertEquals(1, jobs.runningProperty().get());

        upload.setTotal(4L << 20);
        upload.add(1L << 20);
        jobs.tick();
        assertEquals(0.25, job.progressProperty().get(), 1e-9);
        assertTrue(job.statusProperty().get().startsWith("1 MiB of 4 MiB at "), job.statusProperty().get());

        upload.add(3L << 20);
        // Every byte in place, the checksum still being computed: said so, not "0 s left" at 100 %.
        upload.markLanded();
        jobs.tick();
        assertEquals(1.0, job.progressProperty().get(), 1e-9);
        assertEquals("All 4 MiB in place; computing its SHA-256…", job.statusProperty().get());
        assertTrue(job.runningProperty().get());
        upload.result().complete("ab12");
        fx.drainUntil("the job ends", 5, () -> !job.runningProperty().get());
        assertEquals(1.0, job.progressProperty().get(), 1e-9);
        assertEquals("Done: 4 MiB, SHA-256 ab12", job.statusProperty().get());
        assertEquals(List.of("ab12"), hashes);
        assertEquals(List.of("Upload debian.iso to isos: Done: 4 MiB, SHA-256 ab12"), notified);

        // Cancel reaches the transfer; its failure is said, the bar stops.
        LongJob download = new LongJob("download /isos/debian.iso");
        JobsViewModel.Job second = jobs.add(download, sha -> { });
        second.cancel();
        assertTrue(download.isCancelled());
        download.result().completeExceptionally(new OperationException("download", "Cancelled; what was transferred so far was deleted."));
        fx.drainUntil("the second ends", 5, () -> !second.runningProperty().get());
        assertTrue(second.failedProperty().get());
        assertEquals(0, second.progressProperty().get(), 1e-9);
        assertTrue(second.statusProperty().get().startsWith("Failed: "), second.statusProperty().get());
        assertEquals(0, jobs.runningProperty().get());

        jobs.clearFinished();
        assertTrue(jobs.jobs().isEmpty());
        assertFalse(notified.isEmpty());
    }
}
