package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View › Reset demo lab puts back all node files or none. */
class DemoLabTest {

    @TempDir
    Path dir;

    @Test
    void aResetThatCannotWriteEveryFileChangesNone() throws IOException {
        DemoLab.install(dir);
        Path first = dir.resolve(DemoLab.NODES.get(0).file());
        Files.writeString(first, "<node>what the user left</node>");
        // A real fault: the last file's staging place is taken by a directory, so it cannot be written.
        Path blocker = Files.createDirectories(dir.resolve(DemoLab.NODES.get(2).file() + ".part/taken"));

        assertThrows(IOException.class, () -> DemoLab.reset(dir));
        assertEquals("<node>what the user left</node>", Files.readString(first), "the first node's file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> parts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
            assertEquals(List.of(DemoLab.NODES.get(2).file() + ".part"), parts, "no half-made files left but the blocker");
        }

        Files.delete(blocker);
        Files.delete(blocker.getParent());
        DemoLab.reset(dir);
        assertTrue(Files.readString(first).contains("<domain"), "a reset that can write puts the shipped file back");
    }
}
