package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

    @Test
    void followsXdgWithHomeFallbacks() {
        AppPaths defaults = AppPaths.from(Map.of(), "/home/ada", null, null);
        assertEquals(Path.of("/home/ada/.local/share/vireo"), defaults.dataDir());
        assertEquals(Path.of("/home/ada/.local/state/vireo"), defaults.stateDir());
        assertEquals(Path.of("/home/ada/.local/share/vireo/vireo.db"), defaults.database());

        AppPaths xdg = AppPaths.from(Map.of("XDG_DATA_HOME", "/data", "XDG_STATE_HOME", "/state"), "/home/ada", null, null);
        assertEquals(Path.of("/data/vireo"), xdg.dataDir());
        assertEquals(Path.of("/state/vireo/vireo.log"), xdg.logFile());
    }

    @Test
    void relativeXdgValuesAreIgnoredAsTheSpecSays() {
        AppPaths paths = AppPaths.from(Map.of("XDG_DATA_HOME", "relative/dir"), "/home/ada", null, null);
        assertEquals(Path.of("/home/ada/.local/share/vireo"), paths.dataDir());
    }

    @Test
    void systemPropertiesOverrideBoth() {
        AppPaths paths = AppPaths.from(Map.of("XDG_DATA_HOME", "/data"), "/home/ada", "/tmp/d", "/tmp/s");
        assertEquals(Path.of("/tmp/d"), paths.dataDir());
        assertEquals(Path.of("/tmp/s"), paths.stateDir());
    }

    @Test
    void commandLineNodesAreNamedAfterTheirHostOrNodeFile() {
        assertEquals("lab1.example.org", AppContext.displayNameFor("qemu+ssh://root@lab1.example.org/system"));
        assertEquals("edge-box", AppContext.displayNameFor("test:///srv/nodes/edge-box.xml"));
        assertEquals("qemu:///system", AppContext.displayNameFor("qemu:///system"));
        assertEquals("test+unix:///default", AppContext.displayNameFor("test+unix:///default?socket=/tmp/x/libvirt-sock"));
        assertEquals("not a uri ^", AppContext.displayNameFor("not a uri ^"));
    }
}
