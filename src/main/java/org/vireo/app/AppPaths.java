package org.vireo.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.vireo.model.PrivateFiles;
import org.vireo.model.Texts;

/**
 * Where Vireo keeps its files, after the XDG base directory spec: data (the SQLite store, the
 * demo lab's node files) under {@code $XDG_DATA_HOME/vireo}, logs under {@code $XDG_STATE_HOME/vireo}.
 * The system properties {@code vireo.dataDir} and {@code vireo.stateDir} override both (tests, benchmarks).
 */
public record AppPaths(Path dataDir, Path stateDir) {

    public static AppPaths fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"),
                System.getProperty("vireo.dataDir"), System.getProperty("vireo.stateDir"));
    }

    static AppPaths from(Map<String, String> env, String home, String dataOverride, String stateOverride) {
        Path data = dataOverride != null ? Path.of(dataOverride)
                : xdg(env, "XDG_DATA_HOME", home, ".local/share").resolve("vireo");
        Path state = stateOverride != null ? Path.of(stateOverride)
                : xdg(env, "XDG_STATE_HOME", home, ".local/state").resolve("vireo");
        return new AppPaths(data.toAbsolutePath(), state.toAbsolutePath());
    }

    private static Path xdg(Map<String, String> env, String variable, String home, String fallback) {
        String value = env.get(variable);
        // The spec says a relative value is invalid and must be ignored.
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home).resolve(fallback);
    }

    /**
     * Data and state directories 0700 and the log file 0600, before anything is written: what Vireo
     * keeps (connections, host keys, logs) is its user's alone, whatever the umask. A directory that
     * cannot be made is left to the part that needs it to report.
     */
    static void makePrivate(AppPaths paths) {
        try {
            PrivateFiles.directory(paths.dataDir());
            PrivateFiles.file(paths.logFile());
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println(Texts.get("app.privateFiles", paths.stateDir(), String.valueOf(e.getMessage())));
        }
    }

    public Path database() {
        return dataDir.resolve("vireo.db");
    }

    public Path demoLabDir() {
        return dataDir.resolve("demo-lab");
    }

    public Path logFile() {
        return stateDir.resolve("vireo.log");
    }
}
