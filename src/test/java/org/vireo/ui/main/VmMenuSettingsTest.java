package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** Autostart as a bulk action, its column and filter, and Rename, through the VM menu; virsh is the oracle. */
class VmMenuSettingsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void autostartForTenVmsAtOnceAndRenameKeepsTags() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient other = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            for (int i = 1; i <= 10; i++) {
                other.define("<domain type='test'><name>srv-" + String.format("%02d", i) + "</name><memory>262144</memory>"
                        + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            }
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the ten are listed", 30, () -> page.tableNamesAndStates().containsKey("srv-10"));
                robot.interact(() -> page.table().getColumns().stream().filter(c -> "autostartColumn".equals(c.getId()))
                        .findFirst().orElseThrow().setVisible(true));
                filter("srv-", 10);
                robot.interact(() -> page.table().getSelectionModel().selectAll());
                page.waitUntil("the ten are selected", 5, () -> page.isEnabled("#button-start"));
                assertTrue(page.menuItemDisabled("menu-autostartOff"), "none starts with its host yet");

                page.chooseFromMenu("#vmMenu", "#menu-autostartOn");
                page.waitUntil("all ten start with the host", 20, () -> page.actionSummary().contains("10 start with their host"));
                for (int i = 1; i <= 10; i++) {
                    String name = "srv-" + String.format("%02d", i);
                    assertTrue(Virsh.run(uri, "dominfo", name).stream().anyMatch(l -> l.matches("Autostart:\\s+enable")), name);
                }
                page.waitUntil("the column follows", 10, () -> page.renderedColumn("autostartColumn").stream()
                        .filter("Yes"::equals).count() == 10);
                filter("autostart:yes", 10);
                long others = Virsh.names(uri).size() - 10;
                filter("autostart:no", (int) others);   // the node's own domains besides the ten
                filter("autostart:maybe", 0);
                assertEquals("autostart:maybe is neither yes nor no — try autostart:yes or autostart:no.",
                        MainWindowPage.onFx(() -> robot.lookup("#filterField").queryAs(TextField.class).getTooltip().getText()));

                // Off again for two of them.
                filter("srv-01", 1);
                robot.interact(() -> page.table().getSelectionModel().selectAll());
                page.chooseFromMenu("#vmMenu", "#menu-autostartOff");
                page.waitUntil("srv-01 no longer starts with its host", 10, () -> Virsh.run(uri, "dominfo", "srv-01").stream()
                        .anyMatch(l -> l.matches("Autostart:\\s+disable")));
                page.waitUntil("its row says so", 10, () -> page.renderedColumn("autostartColumn").equals(List.of("No")));

                // Rename: checked as typed, libvirt does it, the row follows by events.
                robot.interact(() -> page.table().getSelectionModel().select(0));
                Virsh.run(uri, "desc", "srv-01", "--title", "kept title");
                Virsh.run(uri, "snapshot-create-as", "srv-01", "before-rename");
                page.chooseFromMenu("#vmMenu", "#menu-tags");
                robot.interact(() -> robot.lookup("#tagsField").queryAs(TextField.class).setText("keep"));
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                page.waitUntil("tagged", 10, () -> page.table().getItems().get(0).tags().equals(List.of("keep")));

                page.chooseFromMenu("#vmMenu", "#menu-rename");
                page.dialog();
                // It opens on the name it has: no error before anything is typed, and nothing to apply.
                assertEquals("", text("#renameError"));
                assertTrue(page.isDisabledNow("#renameOk"));
                robot.interact(() -> robot.lookup("#renameField").queryAs(TextField.class).setText("srv-02"));
                assertEquals("This node already has a VM called srv-02.", text("#renameError"));
                assertTrue(page.isDisabledNow("#renameOk"));
                robot.interact(() -> robot.lookup("#renameField").queryAs(TextField.class).setText("bad name!"));
                assertTrue(!text("#renameError").isEmpty() && page.isDisabledNow("#renameOk"), text("#renameError"));
                robot.interact(() -> robot.lookup("#renameField").queryAs(TextField.class).setText("db-primary"));
                assertEquals("", text("#renameError"));
                robot.clickOn("#renameOk");
                page.waitUntil("the dialog closes", 10, () -> robot.lookup("#renameDialog").queryAll().isEmpty());
                assertEquals(List.of(), Virsh.names(uri).stream().filter("srv-01"::equals).toList());
                assertTrue(Virsh.names(uri).contains("db-primary"));
                assertTrue(String.join("\n", Virsh.run(uri, "dumpxml", "db-primary")).contains("<vireo:tag>keep</vireo:tag>"));
                assertTrue(String.join("\n", Virsh.run(uri, "snapshot-list", "db-primary", "--name")).contains("before-rename"),
                        "its snapshot goes with it");
                filter("db-primary", 1);
                assertEquals(List.of("keep"), MainWindowPage.onFx(() -> page.table().getItems().get(0).tags()));
                filter("srv-01", 0);
            }
        }
    }

    private void filter(String text, int expected) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(text));
        page.waitUntil(expected + " rows match " + text, 10, () -> page.table().getItems().size() == expected);
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(Label.class).stream().findFirst().map(Label::getText).orElse(""));
    }
}
