package org.vireo.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.LocalLibvirtd;

/**
 * A private libvirtd with its shared test node, a second libvirt client on that node (the "other
 * admin" whose changes Vireo must follow, and virsh's view of it), and Vireo's window connected to
 * it: what the TestFX tests of the details, clone, actions and wizard screens each set up by hand.
 * Everything is closed after each test, the window first.
 *
 * <pre>{@code @RegisterExtension final TestNodeWindow lab = new TestNodeWindow();
 * lab.other().define(xml); RunningApp app = lab.openWindow(); Virsh.run(lab.uri(), "dumpxml", "db-1");}</pre>
 */
public final class TestNodeWindow implements BeforeEachCallback, AfterEachCallback {

    private Path home;
    private LocalLibvirtd daemon;
    private TestDriverClient other;
    private final List<AutoCloseable> windows = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("vireo-test-node-");
        daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
        other = new TestDriverClient(daemon.sharedTestNode());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable window : windows) {
                window.close();
            }
        } finally {
            windows.clear();
            try {
                other.close();
            } finally {
                daemon.close();
                try (var files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** The shared test node's URI, for Vireo and for virsh. */
    public String uri() {
        return daemon.sharedTestNode();
    }

    /** Another client on the node, as a second admin or script would be. */
    public TestDriverClient other() {
        return other;
    }

    public LocalLibvirtd daemon() {
        return daemon;
    }

    /** Vireo's data and state live here. */
    public Path home() {
        return home;
    }

    /** Opens Vireo's window connected to the node (plus {@code args}); closed after the test. */
    public RunningApp openWindow(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--connect";
        all[1] = uri();
        System.arraycopy(args, 0, all, 2, args.length);
        RunningApp app = RunningApp.start(home, all);
        windows.add(app);
        return app;
    }
}
