package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.store.Database;

/** Vireo's directories are 0700 and its files 0600, new or found wider, whatever the umask. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void newAndExistingFilesAreTheUsersAlone() throws Exception {
        Path file = PrivateFiles.file(dir.resolve("data/vireo/known_hosts"));
        assertEquals("rwx------", mode(dir.resolve("data/vireo")));
        assertEquals("rw-------", mode(file));

        Path wide = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = Files.writeString(wide.resolve("vireo.log"), "kept\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.file(log);
        assertEquals("rwx------", mode(wide));
        assertEquals("rw-------", mode(log));
        assertEquals("kept\n", Files.readString(log), "tightening keeps the content");
    }

    @Test
    void theStoreIsCreatedPrivate() throws Exception {
        Path db = dir.resolve("share/vireo/vireo.db");
        Database.open(db).close();
        assertEquals("rw-------", mode(db));
        assertEquals("rwx------", mode(db.getParent()));
    }
}
