package org.vireo.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.PrivateFiles;

/**
 * The built-in demo lab: libvirt test-driver node files shipped as resources. libvirt needs a
 * real file path, so they are copied into the data directory and connected as {@code test:///PATH}.
 * Each connection gets its own in-memory copy of the node: nothing is ever written back.
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
        byte[] content;
        try (InputStream in = DemoLab.class.getResourceAsStream("/org/vireo/demo/" + node.file())) {
            if (in == null) {
                throw new IOException("demo node file missing from the build: " + node.file());
            }
            content = in.readAllBytes();
        }
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(PrivateFiles.file(part), content);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    static String uriOf(Path nodeFile) {
        return "test://" + nodeFile.toAbsolutePath();
    }
}
