package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.LogCapture;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** virt-manager 4.1's own test-driver fixture: every odd state and device kind, listed without a complaint. */
class PeerFixtureTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void everyDomainOfThePeerFixtureIsListedWithoutErrors() throws Exception {
        Optional<Path> fixture = NodeFiles.peerFixture();
        assumeTrue(fixture.isPresent(), "../shared/fixtures/virt-manager-4.1-testdriver.xml is not beside this checkout");
        String uri = "test://" + fixture.get();
        Map<String, String> oracle = new TreeMap<>(Virsh.listAll(uri));
        assertEquals(14, oracle.size(), "the fixture holds 14 domains: " + oracle.keySet());

        try (LogCapture log = new LogCapture(); RunningApp app = RunningApp.start(home, "--connect", uri)) {
            page.waitUntil("the fixture node connects", 30, () -> page.statusBar().startsWith("4 nodes (4 connected)"));
            // --connect opens the window on the node it adds.
            page.waitUntil("the table shows the fixture's domains", 5, () -> page.table().getItems().size() == oracle.size());
            assertEquals(oracle, new TreeMap<>(page.tableNamesAndStates()));
            assertEquals(1, MainWindowPage.onFx(() -> Window.getWindows().size()), "no error dialog");
            assertEquals(List.of(), log.problems());
        }
    }
}
