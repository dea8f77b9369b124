package org.vireo.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Node files for libvirt's test driver that tests connect to. */
public final class NodeFiles {

    private NodeFiles() {
    }

    /** Copies a bundled demo-lab node file into {@code dir} and returns its test:/// URI. */
    public static String demoNode(Path dir, String file) {
        try (InputStream in = NodeFiles.class.getResourceAsStream("/org/vireo/demo/" + file)) {
            Path target = dir.resolve(file);
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return "test://" + target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a node file with the given domain XML fragments inside. */
    public static String write(Path file, String... domainXml) {
        StringBuilder xml = new StringBuilder("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                + "<cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads>"
                + "<active>2</active><mhz>2000</mhz><model>x86_64</model></cpu><memory>8388608</memory>\n");
        for (String domain : domainXml) {
            xml.append(domain).append('\n');
        }
        xml.append("</node>\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "test://" + file.toAbsolutePath();
    }

    /** virt-manager 4.1's test-driver fixture from ../shared/fixtures, when this checkout has it beside it. */
    public static Optional<Path> peerFixture() {
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path candidate = base.resolve("shared/fixtures/virt-manager-4.1-testdriver.xml");
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
