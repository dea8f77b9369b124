package org.vireo.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.NodeRef;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * The wizard's Best fit among every connected node (the demo lab's and two test-driver nodes of 256 and 4 GiB): the
 * roomy one is chosen and the ranking is said; put in maintenance (Node menu), it is left out and said so.
 */
class BestFitTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void bestFitChoosesTheRoomiestNodeAndSkipsOneInMaintenance() throws Exception {
        String roomy = node("roomy", 256);
        String small = node("small", 4);
        try (RunningApp app = RunningApp.start(home.resolve("vireo"), "--connect", roomy, "--connect", small)) {
            page.waitUntil("every node connects", 30, () -> page.statusBar().startsWith("5 nodes (5 connected)"));
            assertEquals("roomy", bestFit());
            String ranking = text("#wizard-placement");
            System.out.println("best fit: " + ranking);
            // the wizard's default is 2 GiB: 254 GiB stay free on roomy, 2 GiB on small
            assertTrue(ranking.startsWith("Best fit: roomy — 254 GiB of memory free after this VM"), ranking);
            assertTrue(ranking.contains("\nsmall: 2 GiB of memory free after this VM"), ranking);
            robot.clickOn("#wizardClose");

            robot.interact(() -> page.selectTreeRow(nodeItem("roomy")));
            page.chooseFromMenu("#nodeMenu", "#menu-maintenance");
            assertNotEquals("roomy", bestFit());
            assertTrue(text("#wizard-placement").endsWith("Left out, in maintenance: roomy."), text("#wizard-placement"));
            robot.clickOn("#wizardClose");
        }
    }

    /** Opens the wizard, presses Best fit, and returns the chosen node's name. */
    private String bestFit() {
        robot.clickOn("#newVmButton");
        page.waitUntil("the wizard opens", 10, () -> !robot.lookup("#wizard-bestFit").queryAll().isEmpty());
        robot.clickOn("#wizard-bestFit");
        page.waitUntil("the ranking", 30, () -> !text("#wizard-placement").isEmpty());
        return MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<NodeRef> nodes = robot.lookup("#wizard-node").queryAs(ComboBox.class);
            return nodes.getValue().name();
        });
    }

    private TreeItem<Object> nodeItem(String name) {
        return page.nodeItems().stream().filter(i -> String.valueOf(i.getValue()).contains("name=" + name + ",")).findFirst().orElseThrow();
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private String node(String name, int gib) throws Exception {
        Path file = home.resolve("nodes/" + name + ".xml");
        String uri = NodeFiles.write(file);
        Files.writeString(file, Files.readString(file).replace("<memory>8388608</memory>", "<memory>" + (gib * 1048576L) + "</memory>"));
        return uri;
    }
}
