package org.vireo.libvirt;

/** Closes removed nodes in the background: shutting a worker down waits for it. */
final class RemovalThreads {

    private static final java.util.concurrent.ExecutorService CLOSING = java.util.concurrent.Executors.newCachedThreadPool(r -> {
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
