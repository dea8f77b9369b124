package org.vireo.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.vireo.app.AppPaths;
import org.vireo.app.VireoApp;
import org.vireo.libvirt.LibvirtRuntime;

/** The real Vireo window, started in this JVM on its own data directory, for TestFX to drive. */
public final class RunningApp implements AutoCloseable {

    private final VireoApp app;
    private final AppPaths paths;

    private RunningApp(VireoApp app, AppPaths paths) {
        this.app = app;
        this.paths = paths;
    }

    public static RunningApp start(Path home, String... args) throws TimeoutException {
        AppPaths paths = new AppPaths(home.resolve("data"), home.resolve("state"));
        // Before the toolkit starts: from then on its GTK loop drives libvirt's events, and a
        // libvirt thread of an earlier, window-less test must not iterate the same GLib context.
        LibvirtRuntime.start(VireoApp.loopDriver());
        Stage primary = FxToolkit.registerPrimaryStage();
        VireoApp app = new VireoApp(paths, args);
        FxToolkit.setupApplication(() -> app);
        // TestFX remembers the last window it worked in across tests (a closed dialog, say): start from the main window.
        new FxRobot().targetWindow(primary);
        return new RunningApp(app, paths);
    }

    public VireoApp app() {
        return app;
    }

    public AppPaths paths() {
        return paths;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (!app.awaitShutdown(15_000)) {
            throw new IllegalStateException("Vireo did not shut down within 15 s");
        }
    }
}
