package org.vireo.libvirt;

import com.sun.jna.Pointer;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's process-wide parts: its error printing (routed to our log instead of stderr) and
 * its event loop.
 *
 * <p>libvirt's default event loop is GLib's default main context, and so is the one JavaFX's
 * GTK toolkit runs on the FX thread. Two threads iterating one context would each dispatch the
 * other's sources (JavaFX runnables ran on our thread: seen as "Not on FX application
 * thread"). So when the GTK toolkit runs, it drives libvirt's sources and our callbacks, which
 * only enqueue work, run on the FX thread; without a toolkit (scripts, headless tests) one
 * daemon thread of ours drives the loop.
 *
 * <p>Both are global in libvirt itself, so they are set up once per process and never torn down.
 */
public final class LibvirtRuntime {

    /** Who iterates libvirt's event loop. */
    public enum LoopDriver {
        /** A daemon thread of ours: no GLib main loop runs in this process. */
        OWN_THREAD,
        /** The GTK main loop of the JavaFX toolkit, which iterates the same GLib context. */
        TOOLKIT_MAIN_LOOP
    }

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtRuntime.class);
    private static final Logger LIBVIRT_LOG = LoggerFactory.getLogger("libvirt");

    private static final Object LOCK = new Object();
    private static LibvirtRuntime started;

    // Held for the life of the process: JNA would otherwise let the callback be collected.
    private final Libvirt.VirErrorCallback errorRouter = LibvirtRuntime::logLibvirtError;
    private final boolean eventsRunning;
    private Thread loop;

    private LibvirtRuntime() {
        boolean events = false;
        try {
            Connect.setErrorCallback(errorRouter);
            // Must come before any listener is registered, or libvirt cannot set its event timer.
            Library.initEventLoop();
            events = true;
        } catch (LibvirtException | UnsatisfiedLinkError e) {
            LOG.error("libvirt's event loop could not start; VM states will not follow live changes", e);
        }
        this.eventsRunning = events;
    }

    /** Sets up libvirt for this process, once, with our own loop thread unless a toolkit already drives it. */
    public static LibvirtRuntime start() {
        return start(LoopDriver.OWN_THREAD);
    }

    /**
     * Sets up libvirt for this process once and arranges who drives its event loop. Asking for
     * the toolkit's loop stops our own thread if one runs; asking for our thread after the
     * toolkit took over changes nothing (the toolkit still runs).
     */
    public static LibvirtRuntime start(LoopDriver driver) {
        synchronized (LOCK) {
            if (started == null) {
                started = new LibvirtRuntime();
            }
            started.drive(driver);
            return started;
        }
    }

    private static boolean toolkitDrives;

    private void drive(LoopDriver driver) {
        if (!eventsRunning) {
            return;
        }
        if (driver == LoopDriver.TOOLKIT_MAIN_LOOP) {
            toolkitDrives = true;
            stopOwnThread();
        } else if (!toolkitDrives && loop == null) {
            loop = new Thread(LibvirtRuntime::runEventLoop, "libvirt-events");
            loop.setDaemon(true);
            loop.start();
        }
    }

    private void stopOwnThread() {
        if (loop == null) {
            return;
        }
        try {
            Library.stopEventLoop();   // wakes the loop, which then returns
            loop.join(2000);
            if (loop.isAlive()) {
                LOG.warn("libvirt's event thread did not stop within 2 s");
            }
        } catch (LibvirtException e) {
            LOG.warn("Could not stop libvirt's event thread", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    /** True once the JavaFX toolkit's main loop dispatches libvirt's events (and timers). */
    static boolean toolkitDrivesEvents() {
        synchronized (LOCK) {
            return started != null && started.eventsRunning && toolkitDrives;
        }
    }

    boolean eventsRunning() {
        return eventsRunning;
    }
    private static void runEventLoop() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            LOG.error("libvirt's event loop stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // virErrorNumber values that answer a question rather than report a problem (no such domain,
    // no metadata, no such source of guest addresses, a lease asked of a network the node lacks, a
    // disk that is not a volume); the callers that care log them with context. Logged at INFO, the
    // address polling of the VMs on screen wrote lines every few seconds.
    private static final Set<Integer> QUIET_CODES = Set.of(
            3 /* NO_SUPPORT */, 42 /* NO_DOMAIN */, 43 /* NO_NETWORK */, 50 /* NO_STORAGE_VOL */,
            55 /* OPERATION_INVALID */, 80 /* NO_DOMAIN_METADATA */, 84 /* OPERATION_UNSUPPORTED */,
            86 /* AGENT_UNRESPONSIVE */);

    private static void logLibvirtError(Pointer userData, virError error) {
        // libvirt reports every failed call here, including expected ones (a lookup of a domain
        // that was just undefined); the caller decides what is a real problem.
        if (QUIET_CODES.contains(error.code)) {
            LIBVIRT_LOG.debug("libvirt: {}", error.message);
            return;
        }
        LIBVIRT_LOG.info("libvirt error {} (domain {}): {}", error.code, error.domain, error.message);
    }
}
