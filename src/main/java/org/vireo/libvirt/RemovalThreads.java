package org.vireo.libvirt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Closes removed nodes in the background: shutting a worker down waits for it. */
final class RemovalThreads {

    private static final ExecutorService CLOSING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "node-removal");
        t.setDaemon(true);
        return t;
    });

    private RemovalThreads() {
    }

    static void run(Runnable work) {
        CLOSING.execute(work);
    }
}
