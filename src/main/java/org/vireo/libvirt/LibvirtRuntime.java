package org.vireo.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's process-wide parts: its error printing (routed to our log instead of stderr) and
 * its event loop (one daemon thread for the whole app; callbacks only enqueue work).
 *
 * <p>Both are global in libvirt itself, so they are set up once per process and never torn
 * down: libvirt cannot re-initialise its default event implementation, and a JVM that opens
 * the window twice (tests do) must not try.
 */
public final class LibvirtRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtRuntime.class);
    private static final Logger LIBVIRT_LOG = LoggerFactory.getLogger("libvirt");

    private static final Object LOCK = new Object();
    private static LibvirtRuntime started;

    // Held for the life of the process: JNA would otherwise let the callback be collected.
    private final Libvirt.VirErrorCallback errorRouter = LibvirtRuntime::logLibvirtError;
    private final boolean eventsRunning;

    private LibvirtRuntime() {
        boolean events = false;
        try {
            Connect.setErrorCallback(errorRouter);
            // Must come before any listener is registered, or libvirt cannot set its event timer.
            Library.initEventLoop();
            Thread loop = new Thread(LibvirtRuntime::runEventLoop, "libvirt-events");
            loop.setDaemon(true);
            loop.start();
            events = true;
        } catch (LibvirtException | UnsatisfiedLinkError e) {
            LOG.error("libvirt's event loop could not start; VM states will not follow live changes", e);
        }
        this.eventsRunning = events;
    }

    /** Sets up libvirt for this process, once, and returns the same runtime on every later call. */
    public static LibvirtRuntime start() {
        synchronized (LOCK) {
            if (started == null) {
                started = new LibvirtRuntime();
            }
            return started;
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
    // no metadata, no such source of guest addresses); the callers that care log them with context.
    private static final java.util.Set<Integer> QUIET_CODES = java.util.Set.of(
            3 /* NO_SUPPORT */, 42 /* NO_DOMAIN */, 55 /* OPERATION_INVALID */, 80 /* NO_DOMAIN_METADATA */,
            84 /* OPERATION_UNSUPPORTED */, 86 /* AGENT_UNRESPONSIVE */);

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
