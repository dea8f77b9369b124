package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.ui.RunningApp;

/** A timer on libvirt's event loop ticks on the FX thread once the window's toolkit drives that loop. */
class MainLoopTimerTest {

    @TempDir
    Path home;

    @Test
    void ticksOnTheFxThreadWhileTheWindowRuns() throws Exception {
        try (RunningApp app = RunningApp.start(home)) {
            List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
            CountDownLatch ticks = new CountDownLatch(5);
            long started = System.nanoTime();
            try (MainLoopTimer timer = MainLoopTimer.onToolkitLoop(20, () -> {
                onFxThread.add(Platform.isFxApplicationThread());
                ticks.countDown();
            }).orElseThrow(() -> new AssertionError("the toolkit drives libvirt's loop in the app"))) {
                assertTrue(ticks.await(5, TimeUnit.SECONDS), "five ticks");
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(onFxThread.stream().allMatch(b -> b), onFxThread.toString());
            assertTrue(elapsedMs >= 80, "ticks 20 ms apart, not all at once: " + elapsedMs + " ms");
            int seen = onFxThread.size();
            Thread.sleep(200);
            assertTrue(onFxThread.size() == seen, "no tick after close");
        }
    }
}
