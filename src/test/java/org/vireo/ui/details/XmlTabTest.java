package org.vireo.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** The XML tab as a user drives it: read-only until allowed, edits typed, refusals where they point, virsh the oracle. */
class XmlTabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void editsAreCheckedAsTypedRefusedWithTheirLineAndAppliedWhenLibvirtAgrees() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            setup.define("<domain type='test'><name>xml-vm</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            Virsh.run(uri, "metadata", "xml-vm", "https://vireo.dev/xmlns/tags/1.0", "--key", "vireo", "--set",
                    "<tags><tag>keep</tag></tags>", "--config");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("xml-vm is listed", 30, () -> page.tableNamesAndStates().containsKey("xml-vm"));
                robot.interact(() -> page.table().getSelectionModel().select(page.table().getItems().stream()
                        .filter(v -> v.name().equals("xml-vm")).findFirst().orElseThrow()));
                page.waitUntil("its details", 10, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty());
                selectTab("xmlTab");
                page.waitUntil("the saved XML shows", 10, () -> editorText().contains("<name>xml-vm</name>"));
                assertTrue(text("#xmlReadOnly").startsWith("Read-only."), "read-only until Preferences allow it");
                assertFalse(MainWindowPage.onFx(() -> editor().isEditable()));

                // Allowed in Preferences; the tab follows when it is shown again.
                page.chooseFromMenu("#viewMenu", "#preferencesItem");
                page.dialog();
                robot.interact(() -> robot.lookup("#allowXmlEditing").queryAs(CheckBox.class).setSelected(true));
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("OK")).queryButton());
                selectTab("overviewTab");
                selectTab("xmlTab");
                page.waitUntil("editable", 5, () -> MainWindowPage.onFx(() -> editor().isEditable()));
                String before = dump(uri);

                // <vcpu>abc</vcpu>, typed: libvirt refuses, the message names the line and the caret goes there.
                type("1</vcpu>", 1, "abc");
                page.waitUntil("Apply is offered", 5, () -> page.isEnabled("#applyXml"));
                robot.clickOn("#applyXml");
                page.waitUntil("refused", 10, () -> text("#xmlMessage").startsWith("Line "));
                int vcpuLine = lineOf("<vcpu");
                assertTrue(text("#xmlMessage").startsWith("Line " + vcpuLine + ": "), text("#xmlMessage"));
                assertEquals(vcpuLine - 1, (int) MainWindowPage.onFx(() -> editor().getCurrentParagraph()), "the caret is on that line");
                assertEquals(before, dump(uri), "refused: nothing changed");

                // A new UUID is refused as it is typed, before anything could be sent.
                robot.interact(() -> robot.lookup("#revertXml").queryButton().fire());
                String uuid = MainWindowPage.onFx(() -> editor().getText().replaceAll("(?s).*<uuid>([^<]+)</uuid>.*", "$1"));
                type(uuid, uuid.length(), "00000000-0000-0000-0000-000000000001");
                page.waitUntil("the problem shows", 5, () -> text("#xmlProblem").contains("The UUID cannot change"));
                assertTrue(page.isDisabledNow("#applyXml"));

                // Leaving the tab with the edit asks; Cancel (the default) stays, Discard lets it go.
                leaveForOverview();
                assertEquals("discardXmlDialog", page.dialog().getId());
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
                page.waitUntil("still on the XML tab", 5, () -> "xmlTab".equals(selectedTab()));
                assertTrue(editorText().contains("00000000-0000-0000-0000-000000000001"), "the edit is still there");
                leaveForOverview();
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Discard changes")).queryButton());
                selectTab("xmlTab");
                page.waitUntil("the edit is gone", 5, () -> editorText().contains("<uuid>" + uuid + "</uuid>"));

                // A valid edit: restart on a crash, and a watchdog. It lands; the tags are still there.
                type("<on_crash>destroy", "<on_crash>".length(), "destroy".length(), "restart");
                type("</devices>", 0, "<watchdog model='i6300esb' action='reset'/>\n  ");
                robot.clickOn("#applyXml");
                page.waitUntil("applied", 10, () -> text("#xmlMessage").equals("Applied."));
                String after = dump(uri);
                assertTrue(after.contains("<on_crash>restart</on_crash>") && after.contains("<watchdog model='i6300esb' action='reset'"), after);
                assertTrue(String.join("\n", Virsh.run(uri, "metadata", "xml-vm", "https://vireo.dev/xmlns/tags/1.0")).contains("keep"));

                // Running: the live definition beside the saved one, and an edit waits for the next start.
                Virsh.run(uri, "start", "xml-vm");
                page.waitUntil("the live XML shows", 10, () -> !robot.lookup("#xmlLive").queryAll().isEmpty()
                        && MainWindowPage.onFx(() -> robot.lookup("#xmlLive").queryAs(CodeArea.class).getText()).contains("<name>xml-vm"));
                assertEquals("Saved definition (applies at the next start)", text("#xmlSavedTitle"));
                type("<on_reboot>restart", "<on_reboot>".length(), "restart".length(), "destroy");
                robot.clickOn("#applyXml");
                page.waitUntil("saved for the next start", 10, () -> text("#xmlMessage").startsWith("Saved: it applies at the next start"));
                assertTrue(dump(uri).contains("<on_reboot>destroy</on_reboot>"));
                assertFalse(String.join("\n", Virsh.run(uri, "dumpxml", "xml-vm")).contains("<on_reboot>destroy</on_reboot>"),
                        "the running definition is as it was");
            }
        }
    }

    /** Selects {@code length} characters at {@code offset} after the first {@code anchor} in the editor, and types {@code text}. */
    private void type(String anchor, int offset, int length, String text) {
        robot.interact(() -> {
            CodeArea area = editor();
            int at = area.getText().indexOf(anchor) + offset;
            area.requestFocus();
            area.selectRange(at, at + length);
        });
        robot.write(text);
    }

    /** Selects the first {@code length} characters of {@code anchor} (0: none, the caret before it) and types {@code text}. */
    private void type(String anchor, int length, String text) {
        type(anchor, 0, length, text);
    }

    private int lineOf(String text) {
        List<String> lines = editorText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    private CodeArea editor() {
        return robot.lookup("#xmlEditor").queryAs(CodeArea.class);
    }

    private String editorText() {
        return MainWindowPage.onFx(() -> editor().getText());
    }

    private void selectTab(String id) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#detailsTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    /** Clicks the Overview tab's header as a user would (the question it may raise is modal: nothing waits on it here). */
    private void leaveForOverview() {
        robot.clickOn(MainWindowPage.onFx(() -> robot.lookup("#detailsTabs .tab-header-area .tab").queryAll().stream()
                .filter(n -> n.lookup(".tab-label") instanceof Label l && "Overview".equals(l.getText())).findFirst().orElseThrow()));
    }

    private String selectedTab() {
        return MainWindowPage.onFx(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId());
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(Label.class).stream().findFirst().map(Label::getText).orElse(""));
    }

    private static String dump(String uri) {
        return String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "xml-vm"));
    }
}
