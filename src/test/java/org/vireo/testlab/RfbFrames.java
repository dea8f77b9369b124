package org.vireo.testlab;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vireo.rfb.RfbClient;

/** Starts a VNC client's reader with no window behind it and waits for its first frame (tests and benchmarks). */
public final class RfbFrames implements RfbClient.Listener {

    private final CountDownLatch first = new CountDownLatch(1);

    private RfbFrames() {
    }

    public static RfbFrames start(RfbClient client) {
        RfbFrames frames = new RfbFrames();
        client.start(frames);
        return frames;
    }

    public boolean awaitFirst(long seconds) throws InterruptedException {
        return first.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void frameUpdated() {
        first.countDown();
    }

    @Override
    public void bell() {
    }

    @Override
    public void closed(Optional<Exception> error) {
    }
}
