package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.LogCapture;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * State changes made by another libvirt client reach the table through libvirt's lifecycle
 * events alone: nobody clicks refresh, and Vireo does not poll states.
 */
class LiveEventsTest {

    private static final String SHARED_NODE = "test:///default";

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void suspendDestroyDefineAndUndefineByAnotherClientShowUpByThemselves() throws Exception {
        try (LogCapture log = new LogCapture();
             RunningApp app = RunningApp.start(home, "--connect", SHARED_NODE);
             TestDriverClient other = new TestDriverClient(SHARED_NODE)) {
            page.waitUntil("test:///default is listed with its running domain", 30,
                    () -> "running".equals(page.tableNamesAndStates().get("test")));

            other.suspend("test");
            page.waitUntil("the suspend shows as paused", 10,
                    () -> "paused".equals(page.tableNamesAndStates().get("test")));

            other.destroy("test");
            page.waitUntil("the destroy shows as shut off", 10,
                    () -> "shut off".equals(page.tableNamesAndStates().get("test")));

            other.define("""
                    <domain type='test'>
                      <name>born-elsewhere &amp; &lt;shown&gt;</name>
                      <memory unit='MiB'>256</memory>
                      <vcpu>3</vcpu>
                      <os><type>hvm</type></os>
                    </domain>""");
            page.waitUntil("a domain defined elsewhere appears", 10,
                    () -> page.tableNamesAndStates().containsKey("born-elsewhere & <shown>"));
            other.start("born-elsewhere & <shown>");
            page.waitUntil("it shows as running once started", 10,
                    () -> "running".equals(page.tableNamesAndStates().get("born-elsewhere & <shown>")));
            other.destroy("born-elsewhere & <shown>");
            other.undefine("born-elsewhere & <shown>");
            page.waitUntil("an undefined domain disappears", 10,
                    () -> !page.tableNamesAndStates().containsKey("born-elsewhere & <shown>"));

            Map<String, String> shared = page.tableNamesAndStates();
            assertEquals("shut off", shared.get("test"));
            assertEquals(List.of(), log.problems());
        }
    }
}
