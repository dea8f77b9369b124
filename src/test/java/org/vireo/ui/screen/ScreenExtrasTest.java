package org.vireo.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.TestRfbServer;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;
import org.vireo.ui.main.MainViewModel;

/**
 * What a screen tab does beyond showing the screen, against the small RFB server in the test (TestRfbServer: QEMU cannot
 * be told to copy text or to want a password its XML hides) behind a test-driver VM whose XML names its port:
 * the password asked (never from the XML), a wrong one said and asked again; the clipboard both ways and not when
 * sharing is off; Type clipboard as key strokes with Shift where a US keyboard needs it, asking first when long; full
 * screen with F11, its bar at the top edge, the main window sampling nothing meanwhile, and back.
 */
class ScreenExtrasTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void passwordClipboardTypingAndFullScreen() throws Exception {
        try (TestRfbServer server = new TestRfbServer("pw-1234")) {
            String uri = NodeFiles.write(home.resolve("screens.xml"), "<domain type='test'><name>rfb-vm</name><uuid>"
                    + UUID.nameUUIDFromBytes("rfb-vm".getBytes()) + "</uuid><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                    + "<os><type>hvm</type></os><devices><graphics type='vnc' port='" + server.port()
                    + "' autoport='no' listen='127.0.0.1'/></devices></domain>");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the VM is listed", 30, () -> page.tableNamesAndStates().containsKey("rfb-vm"));
                robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("rfb-vm"));
                page.waitUntil("rfb-vm alone is listed", 10, () -> page.table().getItems().size() == 1);
                robot.interact(() -> page.table().getSelectionModel().select(0));
                page.chooseFromMenu("#vmMenu", "#menu-graphics");

                // The XML carries no password: it is asked; a wrong one is said and asked again.
                answerPassword("nope", "Password for the VNC display of rfb-vm");
                answerPassword("pw-1234", "not accepted: try again");
                GraphicsConsoleTab screen = MainWindowPage.onFx(() -> app.app().view().terminals().openScreens().get(0));
                page.waitUntil("the screen shows after the second try", 20, () -> MainWindowPage.onFx(() -> screen.framesApplied() > 0));
                assertEquals(2, server.passwordTries());

                // Desktop → guest: text on the clipboard goes as the user clicks into the screen.
                setClipboard("from the desktop, caf\u00e9");
                robot.clickOn("#vnc-screen");
                page.waitUntil("the guest got the desktop's text", 10, () -> server.cutTexts().contains("from the desktop, caf\u00e9"));
                // Guest → desktop.
                server.sendCutText("from the guest");
                page.waitUntil("the desktop got the guest's text", 10, () -> "from the guest".equals(clipboardText()));
                // Sharing off: nothing crosses.
                robot.clickOn("#vnc-clipboard");
                server.sendCutText("not shared");
                Thread.sleep(1000);
                assertEquals("from the guest", clipboardText());
                robot.clickOn("#vnc-clipboard");

                // Type clipboard: key strokes, Shift held for capitals and shifted symbols, Return for a newline.
                setClipboard("Ab$1\n");
                int before = server.keys().size();
                robot.clickOn("#vnc-typeClipboard");
                List<String> expected = List.of("+ffe1", "+41", "-41", "-ffe1", "+62", "-62", "+ffe1", "+24", "-24", "-ffe1",
                        "+31", "-31", "+ff0d", "-ff0d");
                page.waitUntil("the keys arrived", 10, () -> server.keys().size() >= before + expected.size());
                assertEquals(expected, server.keys().subList(before, before + expected.size()));
                assertEquals("Typed 5 characters", MainWindowPage.onFx(() -> robot.lookup("#vnc-status").queryAs(Label.class).getText()));
                // Long text asks first; Cancel types nothing.
                setClipboard("x".repeat(GraphicsConsoleTab.TYPE_WITHOUT_ASKING + 1));
                int beforeLong = server.keys().size();
                robot.clickOn("#vnc-typeClipboard");
                page.waitUntil("typing a long text asks first", 10, () -> !robot.lookup("#typeClipboardDialog").queryAll().isEmpty());
                DialogPane ask = robot.lookup("#typeClipboardDialog").queryAs(DialogPane.class);
                assertTrue(MainWindowPage.onFx(ask::getHeaderText).contains("201 characters"), MainWindowPage.onFx(ask::getHeaderText));
                robot.type(KeyCode.ESCAPE);
                page.waitUntil("the question is gone", 10, () -> robot.lookup("#typeClipboardDialog").queryAll().isEmpty());
                Thread.sleep(500);
                assertEquals(beforeLong, server.keys().size(), "nothing typed after Cancel");

                // Full screen with F11: the screen alone, the bar at the top edge, no statistics for the covered window.
                MainViewModel viewModel = app.app().viewModel();
                robot.interact(() -> viewModel.setStatsInterval(1));
                page.waitUntil("statistics flow", 10, () -> {
                    long now = viewModel.statsHandOvers();
                    Thread.sleep(1500);
                    return viewModel.statsHandOvers() > now;
                });
                robot.clickOn("#vnc-screen");
                robot.type(KeyCode.F11);
                page.waitUntil("the screen is full screen", 10, () -> MainWindowPage.onFx(() -> screen.fullScreenStage()
                        .map(stage -> stage.isShowing() && stage.isFullScreen()).orElse(false)));
                Stage full = MainWindowPage.onFx(() -> screen.fullScreenStage().orElseThrow());
                assertFalse(MainWindowPage.onFx(() -> robot.lookup("#vnc-fullScreenBar").queryAll().stream().anyMatch(n -> n.isVisible())),
                        "the bar hides until the pointer touches the top edge");
                robot.moveTo(full.getX() + full.getWidth() / 2, full.getY() + 1);
                page.waitUntil("the bar shows at the top edge", 10, () -> robot.lookup("#vnc-fullScreenBar").queryAll().stream()
                        .anyMatch(n -> MainWindowPage.onFx(n::isVisible)));
                Thread.sleep(1500);
                long covered = viewModel.statsHandOvers();
                Thread.sleep(3500);
                assertEquals(covered, viewModel.statsHandOvers(), "no statistics while a full-screen console covers the window");
                System.out.println("full screen: " + MainWindowPage.onFx(() -> full.getWidth() + "x" + full.getHeight()));
                robot.clickOn("#vnc-leaveFullScreen");
                page.waitUntil("back in the tab", 10, () -> MainWindowPage.onFx(() -> !screen.isFullScreen() && !full.isShowing()
                        && robot.lookup("#vnc-screen").queryAll().stream().anyMatch(n -> n.getScene() != null && n.getScene().getWindow() != full)));
                page.waitUntil("statistics come back", 10, () -> viewModel.statsHandOvers() > covered);
            }
        }
    }

    private void answerPassword(String password, String headerPart) {
        page.waitUntil("the password is asked (" + headerPart + ")", 20, () -> robot.lookup("#sshSecret").queryAll().stream()
                .anyMatch(field -> MainWindowPage.onFx(() -> ((DialogPane) field.getParent().getParent()).getHeaderText().contains(headerPart))));
        PasswordField field = robot.lookup("#sshSecret").queryAs(PasswordField.class);
        robot.interact(() -> field.setText(password));
        robot.interact(() -> ((Button) ((DialogPane) field.getParent().getParent()).lookupButton(ButtonType.OK)).fire());
    }

    private void setClipboard(String text) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private static String clipboardText() {
        return MainWindowPage.onFx(() -> Clipboard.getSystemClipboard().getString());
    }
}
