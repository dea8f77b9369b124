package org.vireo.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread (Linux: nice 10 for that thread alone). Node
 * workers run this way: reading 5000 domains is a second of CPU, and on a two-core machine it
 * would otherwise take the core the FX thread and the JIT need while the window is being built.
 * Under no contention it changes nothing; any failure leaves the thread as it was.
 */
final class BackgroundPriority {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int NICE = 10;
    /** Linux: per-thread nice values and lseek(SEEK_DATA/SEEK_HOLE) (FileExtents) are Linux calls. */
    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private interface CLibrary extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private static final class Holder {
        static final CLibrary C = Native.load("c", CLibrary.class);
    }

    private BackgroundPriority() {
    }

    /** A thread that runs {@code task} at background priority. */
    static Thread newThread(Runnable task, String name) {
        Thread t = new Thread(() -> {
            lowerCurrentThread();
            task.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    static void lowerCurrentThread() {
        if (!LINUX) {
            return;
        }
        try {
            // On Linux each thread has its own nice value; the tid addresses only this one.
            if (Holder.C.setpriority(PRIO_PROCESS, Holder.C.gettid(), NICE) != 0) {
                LOG.debug("setpriority failed for {}", Thread.currentThread().getName());
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("Thread priorities are not available here", e);
        }
    }
}
