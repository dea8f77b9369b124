package org.vireo.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of the class-data-sharing archive this start was meant to use, said once in the log, and
 * an archive that could not be mapped made again for the next start without the user doing anything.
 *
 * <p>Three ways of starting carry an archive. {@code bin/vireo} (a build) keeps a per-user archive in the
 * cache directory and says so in {@code vireo.cds}: {@code record} (none yet, the JVM writes one as it
 * exits), {@code use} (the JVM's CDS warnings are in {@code vireo.cds.log}: a warning there means it was
 * not mapped, so it is deleted and the next start records a new one) or {@code none}. The app image and
 * the .deb ({@code jpackage.app-path} set) use {@code lib/vireo.jsa}; a copied or moved image no longer
 * matches it (the JVM checks the class path's absolute paths), so it is made again as the app exits, by
 * the image's own {@code vireo-cds}, where the image may be written. A plain {@code java -jar} has none.
 */
final class ClassSharing {

    private static final Logger LOG = LoggerFactory.getLogger(ClassSharing.class);

    enum Outcome { RECORDING, MAPPED, NOT_MAPPED, NONE, PLAIN_JAVA }

    private ClassSharing() {
    }

    /** Checks and logs; returns what it found. Reads a small file and asks the JVM one flag: not for the FX thread. */
    static Outcome check() {
        String launcher = System.getProperty("vireo.cds");
        String archive = System.getProperty("vireo.cds.archive", "");
        if ("record".equals(launcher)) {
            LOG.info("Class-data sharing: no archive for this build and JVM yet; one is recorded at exit into {} for the next start", archive);
            return Outcome.RECORDING;
        }
        if ("use".equals(launcher)) {
            return checkDynamic(Path.of(archive), Path.of(System.getProperty("vireo.cds.log", "")));
        }
        if ("none".equals(launcher)) {
            LOG.info("Class-data sharing: off for this start (the cache directory cannot be written or its path has characters the JVM's log option cannot take)");
            return Outcome.NONE;
        }
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null) {
            return checkImage(Path.of(appPath).toAbsolutePath().getParent().getParent().resolve("lib"));
        }
        LOG.info("Started by plain java, without Vireo's JVM options or a class-data-sharing archive: bin/vireo starts faster");
        return Outcome.PLAIN_JAVA;
    }

    private static Outcome checkDynamic(Path archive, Path cdsLog) {
        List<String> warnings;
        try {
            warnings = Files.exists(cdsLog) ? Files.readAllLines(cdsLog) : List.of();
        } catch (IOException e) {
            warnings = List.of();
        }
        Optional<String> failure = warnings.stream().filter(line -> line.contains("Unable to use shared archive")
                || line.contains("failed") || line.contains("mismatch") || line.contains("error")).findFirst();
        if (failure.isPresent()) {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                LOG.warn("Class-data sharing: the archive {} could not be mapped ({}) nor deleted: {}", archive, failure.get(), e.toString());
                return Outcome.NOT_MAPPED;
            }
            LOG.warn("Class-data sharing: the archive {} could not be mapped ({}); it is deleted and the next start records a new one",
                    archive, failure.get());
            return Outcome.NOT_MAPPED;
        }
        try {
            // The JVM writes its archives readable by all; the directory is private, the file is made so too.
            Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Class-data sharing: could not make {} readable by its owner alone (its directory is): {}", archive, e.toString());
        }
        LOG.info("Class-data sharing: archive {} mapped", archive);
        return Outcome.MAPPED;
    }

    private static Outcome checkImage(Path lib) {
        Path archive = lib.resolve("vireo.jsa");
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (Boolean.parseBoolean(vm.getVMOption("UseSharedSpaces").getValue())) {
            LOG.info("Class-data sharing: archive {} mapped", archive);
            return Outcome.MAPPED;
        }
        Path remake = lib.resolve("app").resolve("vireo-cds");
        if (!Boolean.parseBoolean(System.getProperty("vireo.cds.remake", "true"))) {
            LOG.info("Class-data sharing: no archive mapped ({} is being made by scripts/package)", archive);
        } else if (Files.isWritable(lib) && Files.isExecutable(remake)) {
            LOG.warn("Class-data sharing: the archive {} does not fit this image (moved or copied since it was made, or missing); "
                    + "a new one is made as Vireo exits", archive);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remake(remake), "vireo-cds"));
        } else {
            LOG.warn("Class-data sharing: the archive {} does not fit this image and {} cannot be written here: "
                    + "the app starts slower until its owner runs {}", archive, lib, remake);
        }
        return Outcome.NOT_MAPPED;
    }

    /** Started as the JVM ends and left running on its own, at the lowest priority: nobody waits for it. */
    private static void remake(Path script) {
        try {
            ProcessBuilder builder = new ProcessBuilder("nice", "-n", "19", script.toString());
            // Options meant for this JVM (a class-list dump, a benchmark's probe) are not the archive maker's.
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("Could not start {}: {}", script, e.toString());
        }
    }
}
