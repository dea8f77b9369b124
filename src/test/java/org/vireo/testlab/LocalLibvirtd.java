package org.vireo.testlab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real libvirtd of our own, with its socket in a private directory. Its test driver's
 * {@code default} node is shared by every client connected at the same time, so Vireo and
 * {@code virsh} see the same domains: virsh is then a real oracle for what Vireo did.
 */
public final class LocalLibvirtd implements AutoCloseable {

    private final Path dir;
    private long pid;

    private LocalLibvirtd(Path dir, long pid) {
        this.dir = dir;
        this.pid = pid;
    }

    public static LocalLibvirtd start(Path dir) throws IOException, InterruptedException {
        return new LocalLibvirtd(dir, launch(dir));
    }

    /** Starts the daemon again on the same socket, as an admin restarting it would. */
    public void restart() throws IOException, InterruptedException {
        Files.deleteIfExists(dir.resolve("run/libvirt-sock"));
        pid = launch(dir);
    }

    /** Sends a signal to the daemon: STOP (hang it), CONT (resume it), KILL. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    private static long launch(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("run"));
        Path conf = dir.resolve("libvirtd.conf");
        Files.writeString(conf, String.join("\n",
                "unix_sock_dir = \"" + dir.resolve("run") + "\"",
                "unix_sock_rw_perms = \"0700\"",
                "auth_unix_rw = \"none\"",
                "auth_unix_ro = \"none\"",
                "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"", ""));
        // libvirt's state drivers lock pid files under /run/libvirt: a second daemon next to the
        // system's (or another test's) needs its own, so it runs in a private mount namespace
        // with empty state and configuration directories (nothing it defines outlives it or reaches the
        // machine's own /etc/libvirt). Its socket lives in our directory, visible outside.
        // /dev/kvm is hidden from it too: KVM opens here but is unusable, and a libvirtd that sees
        // /dev/kvm while its QEMU probe found no KVM probes QEMU again at every define (70 s each).
        // Guests run under emulation (type='qemu'); virtlogd collects their console logs.
        Files.createDirectories(dir.resolve("dev"));
        stopVirtlogd(dir);
        Process process = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--",
                "sh", "-c", "set -e; for d in /etc/libvirt /run/libvirt /var/lib/libvirt /var/cache/libvirt; do "
                        + "mkdir -p \"$d\"; mount -t tmpfs tmpfs \"$d\"; done; "
                        // QEMU runs as root without confinement: test images live in root's private temp dirs.
                        + "printf 'user = \"root\"\\ngroup = \"root\"\\nsecurity_driver = \"none\"\\n' > /etc/libvirt/qemu.conf; "
                        + "mount --bind /dev \"$3\"; mount -t tmpfs -o mode=755 tmpfs /dev; "
                        + "for n in null zero full random urandom tty; do touch /dev/$n; mount --bind \"$3/$n\" /dev/$n; done; "
                        // Loop devices attached before it starts (a filesystem pool's device) are seen too.
                        + "for p in \"$3\"/loop[0-9]*; do [ -b \"$p\" ] || continue; n=${p##*/}; touch /dev/$n; mount --bind \"$p\" /dev/$n; done; "
                        + "mkdir /dev/pts /dev/shm; mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts; ln -s pts/ptmx /dev/ptmx; "
                        + "mount -t tmpfs tmpfs /dev/shm; "
                        + "if command -v virtlogd >/dev/null; then virtlogd -d -p \"$4\"; fi; "
                        + "exec libvirtd --config \"$1\" --pid-file \"$2\"",
                "libvirtd-for-tests", conf.toString(), dir.resolve("libvirtd.pid").toString(), dir.resolve("dev").toString(),
                dir.resolve("virtlogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("libvirtd.out").toFile()).start();
        Path socket = dir.resolve("run/libvirt-sock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The socket file appears when libvirtd binds it, a moment before it listens: wait until a client gets in
        // (a test that connected in between was refused).
        while (!accepts(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("libvirtd did not start (it needs root, unshare and the libvirt-daemon-system "
                        + "package): " + Files.readString(dir.resolve("libvirtd.out")) + " / see " + dir.resolve("libvirtd.log"));
            }
            Thread.sleep(20);
        }
        return process.pid();
    }

    private static boolean accepts(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The shared test-driver node behind this daemon. */
    public String sharedTestNode() {
        return "test+unix:///default?socket=" + dir.resolve("run/libvirt-sock");
    }

    /** The daemon's system URI: real storage (dir pools on disk, uploads) and, with QEMU installed, real guests. */
    public String systemNode() {
        return "qemu:///system?socket=" + dir.resolve("run/libvirt-sock");
    }

    /** A running directory pool {@code name} of the system node at {@code dir} (made if missing); returns {@code dir}. */
    public Path dirPool(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Virsh.run(systemNode(), "pool-define-as", name, "dir", "--target", dir.toString());
        Virsh.run(systemNode(), "pool-start", name);
        return dir;
    }

    /** The previous run's virtlogd lives in the previous mount namespace: a restarted daemon gets its own. */
    private static void stopVirtlogd(Path dir) {
        try {
            Path logd = dir.resolve("virtlogd.pid");
            if (Files.exists(logd)) {
                ProcessHandle.of(Long.parseLong(Files.readString(logd).strip())).ifPresent(p -> {
                    p.destroy();
                    p.onExit().join();
                });
                Files.deleteIfExists(logd);
            }
        } catch (IOException | NumberFormatException e) {
            // virtlogd was not started or is gone already
        }
    }

    /** Running QEMU guests would outlive the daemon (they are not its children once started): destroyed first. */
    private void destroyGuests() {
        if (!Files.exists(dir.resolve("run/libvirt-sock"))) {
            return;
        }
        try {
            for (String name : Virsh.run(systemNode(), "list", "--name")) {
                if (!name.isBlank()) {
                    Virsh.run(systemNode(), "destroy", name.strip());
                }
            }
        } catch (RuntimeException noQemuHere) {
            // Without QEMU there is no qemu driver and nothing runs.
        }
    }

    @Override
    public void close() throws InterruptedException {
        destroyGuests();
        stopVirtlogd(dir);
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }
}
