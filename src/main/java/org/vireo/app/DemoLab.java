package org.vireo.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.PrivateFiles;

/**
 * The built-in demo lab: libvirt test-driver node files shipped as resources. libvirt needs a
 * real file path, so they are copied into the data directory and connected as {@code test:///PATH}.
 * Each connection gets its own in-memory copy of the node; at close the window writes each demo
 * node's state back into its file ({@link #save}), so what the user did is there at the next start.
 * A file the user changed is kept until they reset the lab, or until a new Vireo ships a changed
 * lab (its {@code .origin} beside the file records which shipped version the file started from).
 */
final class DemoLab {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLab.class);

    record DemoNode(String file, String displayName) {
    }

    static final List<DemoNode> NODES = List.of(
            new DemoNode("workstation.xml", "Workstation (demo)"),
            new DemoNode("lab-server.xml", "Lab server (demo)"),
            new DemoNode("edge-box.xml", "Edge box (demo)"));

    private DemoLab() {
    }

    /**
     * Copies the node files (refreshing any that changed) and returns name and URI of each that is
     * there. A file that cannot be written (a read-only or full disk) is skipped with a warning, never
     * fatal: an older copy is used as it is, and a half-written one is never left (each file is written
     * beside its place and moved there whole).
     */
    static List<String[]> install(Path dir) {
        try {
            PrivateFiles.directory(dir);
        } catch (IOException e) {
            LOG.warn("The demo lab cannot be set up in {}: {}", dir, e.toString());
            return List.of();
        }
        List<String[]> installed = new ArrayList<>();
        for (DemoNode node : NODES) {
            Path target = dir.resolve(node.file());
            try {
                refresh(node, target);
            } catch (IOException e) {
                LOG.warn("Could not refresh the demo node file {}: {}{}", target, e.toString(),
                        Files.exists(target) ? "; using the copy there" : "; the node is left out");
            }
            if (Files.isRegularFile(target)) {
                installed.add(new String[] {node.displayName(), uriOf(target)});
            }
        }
        return installed;
    }

    private static void refresh(DemoNode node, Path target) throws IOException {
        byte[] content = shipped(node);
        Path origin = originOf(target);
        String shippedHash = sha256(content);
        if (Files.exists(target) && Files.exists(origin) && Files.readString(origin).strip().equals(shippedHash)) {
            return;   // started from this version's lab: keeps what the user did
        }
        if (Files.exists(target) && !Arrays.equals(Files.readAllBytes(target), content)) {
            LOG.info("The demo lab changed in this version of Vireo: {} starts afresh", target);
        }
        writeShipped(target, content);
    }

    /** Puts every demo node file back as shipped. */
    /**
     * Puts every node file back as shipped, all or none: each is written beside its place first, and only
     * when all are written are they moved over the user's files (a full disk leaves the lab as it was).
     */
    static void reset(Path dir) throws IOException {
        PrivateFiles.directory(dir);
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (DemoNode node : NODES) {
                Path target = dir.resolve(node.file());
                byte[] content = shipped(node);
                staged.put(stage(target, content), target);
                staged.put(stage(originOf(target), sha256(content).getBytes(StandardCharsets.UTF_8)), originOf(target));
            }
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path part : staged.keySet()) {
                Files.deleteIfExists(part);
            }
        }
    }

    private static Path stage(Path target, byte[] content) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(PrivateFiles.file(part), content);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return part;
    }

    /** The node file as shipped, and beside it which shipped version it started from. */
    private static void writeShipped(Path target, byte[] content) throws IOException {
        writeWhole(target, content);
        writeWhole(originOf(target), sha256(content).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a demo node's state (as libvirt dumped it) into its file, whole or not at all. */
    static void save(Path target, String nodeXml) throws IOException {
        writeWhole(target, nodeXml.getBytes(StandardCharsets.UTF_8));
    }

    /** The demo node file {@code uri} names in {@code dir}, if it is one. */
    static Optional<Path> fileOf(Path dir, String uri) {
        for (DemoNode node : NODES) {
            Path file = dir.resolve(node.file());
            if (uri.equals(uriOf(file))) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static byte[] shipped(DemoNode node) throws IOException {
        try (InputStream in = DemoLab.class.getResourceAsStream("/org/vireo/demo/" + node.file())) {
            if (in == null) {
                throw new IOException("demo node file missing from the build: " + node.file());
            }
            return in.readAllBytes();
        }
    }

    private static Path originOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".origin");
    }

    private static void writeWhole(Path target, byte[] content) throws IOException {
        Path part = stage(target, content);
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uriOf(Path nodeFile) {
        return "test://" + nodeFile.toAbsolutePath();
    }
}
