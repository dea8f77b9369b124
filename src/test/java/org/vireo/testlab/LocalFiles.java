package org.vireo.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What tests check of local files and commands: a file's SHA-256, the space it takes (du), a command's output. */
public final class LocalFiles {

    private LocalFiles() {
    }

    public static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The KiB the file takes on disk ({@code du -k}): small for a sparse file. */
    public static long allocatedKiB(Path file) throws IOException, InterruptedException {
        return Long.parseLong(run("du", "-k", file.toString()).split("\\s+")[0]);
    }

    /** Runs a command; what it printed, or an exception with it when it failed. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** An ISO 9660 image at {@code out} made by xorriso with these mkisofs options (-V volume id, -publisher …). */
    public static Path iso(Path out, String... mkisofsOptions) throws IOException, InterruptedException {
        Path content = Files.createTempDirectory("vireo-iso-content");
        Files.writeString(content.resolve("readme.txt"), "made by a test\n");
        List<String> command = new ArrayList<>(List.of("xorriso", "-as", "mkisofs"));
        command.addAll(List.of(mkisofsOptions));
        command.addAll(List.of("-o", out.toString(), content.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("xorriso failed: " + output);
        }
        Files.delete(content.resolve("readme.txt"));
        Files.delete(content);
        return out;
    }
}
