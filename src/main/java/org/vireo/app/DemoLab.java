package org.vireo.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vireo.model.PrivateFiles;
import org.vireo.model.Texts;

/**
 * The built-in demo lab: libvirt test-driver node files shipped as resources. libvirt needs a
 * real file path, so they are copied into the data directory and connected as {@code test:///PATH}.
 * Each connection gets its own in-memory copy of the node: nothing is ever written back.
 */
final class DemoLab {

    record DemoNode(String file, String displayName) {
    }

    static final List<DemoNode> NODES = List.of(
            new DemoNode("workstation.xml", "Workstation (demo)"),
            new DemoNode("lab-server.xml", "Lab server (demo)"),
            new DemoNode("edge-box.xml", "Edge box (demo)"));

    private DemoLab() {
    }

    /** Copies the node files (refreshing any that changed) and returns name and URI of each. */
    static List<String[]> install(Path dir) {
        try {
            PrivateFiles.directory(dir);
            List<String[]> installed = new ArrayList<>();
            for (DemoNode node : NODES) {
                Path target = dir.resolve(node.file());
                byte[] content;
                try (InputStream in = DemoLab.class.getResourceAsStream("/org/vireo/demo/" + node.file())) {
                    if (in == null) {
                        throw new IOException("demo node file missing from the build: " + node.file());
                    }
                    content = in.readAllBytes();
                }
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                    Files.write(PrivateFiles.file(target), content);
                }
                installed.add(new String[] {node.displayName(), uriOf(target)});
            }
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException(Texts.get("demo.installFailed", dir), e);
        }
    }

    static String uriOf(Path nodeFile) {
        return "test://" + nodeFile.toAbsolutePath();
    }
}
