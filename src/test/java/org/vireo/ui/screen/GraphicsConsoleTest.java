package org.vireo.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.VmDevice;
import org.vireo.rfb.RfbClient;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.testlab.FakeRemoteViewer;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.RfbFrames;
import org.vireo.testlab.ThrottlingProxy;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * The graphical console against QEMU's own VNC server: a TCG guest with no disk sits in its
 * firmware's "Press ESC for boot menu" prompt. QEMU's screenshot (virsh screenshot) is the
 * oracle: the tab's first frame has its size and pixels, and ESC typed in the tab opens the
 * boot menu, which both then show. A VM without a display gets a message, and a display with a
 * password in its XML opens without asking.
 */
class GraphicsConsoleTest {


    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void showsTheGuestScreenAndTypesIntoIt() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            define(uri, "vnc-vm", "<graphics type='vnc' autoport='yes' listen='127.0.0.1'/>");
            define(uri, "headless-vm", "");
            define(uri, "locked-vm", "<graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='s3cretpw'/>");
            Virsh.run(uri, "start", "vnc-vm");
            Virsh.run(uri, "start", "locked-vm");
            Virsh.run(uri, "start", "headless-vm");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("both VMs are listed", 30, () -> page.tableNamesAndStates().keySet()
                        .containsAll(List.of("vnc-vm", "headless-vm")));
                GraphicsConsoleTab screen = open(app, "vnc-vm", 0);
                page.waitUntil("the first frame arrives", 20, () -> MainWindowPage.onFx(() -> screen.framesApplied() > 0));
                BufferedImage first = screenshot(uri);
                WritableImage image = MainWindowPage.onFx(screen::image);
                assertEquals(first.getWidth(), (int) image.getWidth(), "frame width as QEMU's");
                assertEquals(first.getHeight(), (int) image.getHeight(), "frame height as QEMU's");

                // The firmware's prompt, stable: the tab shows what QEMU shows.
                page.waitUntil("the tab shows QEMU's screen", 30, () -> differingShare(screen, screenshot(uri)) < 0.005
                        && nonBlackShare(screenshot(uri)) > 0.001);
                BufferedImage prompt = screenshot(uri);
                eachEncodingShowsQemusScreen(uri);
                robot.clickOn("#vnc-screen");
                robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
                page.waitUntil("ESC reached the guest: its screen changed", 20, () -> differingRgb(prompt, screenshot(uri)) > 0.002);
                page.waitUntil("the tab shows the boot menu too", 20, () -> differingShare(screen, screenshot(uri)) < 0.005);
                assertTrue(MainWindowPage.onFx(() -> robot.lookup("#vnc-status").queryAs(Label.class)
                        .getText()).contains("Ctrl+Alt releases"));

                // Screenshot: the screen as a PNG of the guest's size, written off the FX thread.
                Path png = home.resolve("screen.png");
                MainWindowPage.onFx(() -> screen.saveScreenshot(png)).get(10, TimeUnit.SECONDS);
                BufferedImage saved = ImageIO.read(png.toFile());
                assertEquals(first.getWidth(), saved.getWidth());
                assertTrue(differingRgb(saved, screenshot(uri)) < 0.005, "the file holds what QEMU shows");

                // The guest goes away: the tab says so and offers Reconnect.
                Virsh.run(uri, "destroy", "vnc-vm");
                page.waitUntil("the tab reports the end", 20, () -> MainWindowPage.onFx(() ->
                        screen.messageText().startsWith("The connection to the screen ended") && screen.canReconnect()));

                GraphicsConsoleTab headless = open(app, "headless-vm", 1);
                page.waitUntil("the headless VM's tab explains", 20, () -> MainWindowPage.onFx(headless::messageText)
                        .startsWith("headless-vm has no graphical display."));

                // VNC authentication with the password from the domain XML, asked of nobody.
                GraphicsConsoleTab locked = open(app, "locked-vm", 2);
                page.waitUntil("the password-protected screen shows", 20, () -> MainWindowPage.onFx(() -> locked.framesApplied() > 0
                        && locked.messageText().isEmpty()));
            }
        }
    }

    /**
     * The Windows 11 preset made by Vireo (UEFI with Secure Boot and enrolled keys, SMM, TPM 2.0 on swtpm) boots its
     * firmware under plain emulation, and the graphics tab shows the firmware's screen as QEMU does.
     */
    @Test
    void theWindows11PresetShowsItsFirmwareScreen() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path pool = daemon.dirPool("vms", home.resolve("pool"));
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                fleet.connectAndWait(new NodeRef("n", "node", uri), Duration.ofSeconds(20));
                NodeFacts facts = fleet.facts("n").get(20, TimeUnit.SECONDS);
                SpecValidator.Result result = new SpecValidator(password -> "").validate(new SpecDraft("win-screen", OsVariant.WINDOWS_11,
                        "none", "", "", "", "", "2", "1G", "new", "vms", "16M", "qcow2", "", "user", "", "", false, "", "", "", "", true), facts);
                assertTrue(result.ok(), result.errors().toString());
                fleet.create("n", result.spec().orElseThrow(), facts, step -> { }).get(120, TimeUnit.SECONDS);
            } finally {
                fleet.close();
            }
            String xml = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "win-screen"));
            assertTrue(xml.contains("<os firmware='efi'>") && xml.contains("<tpm model='tpm-crb'>"), xml);
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the VM is listed", 30, () -> page.tableNamesAndStates().containsKey("win-screen"));
                GraphicsConsoleTab screen = open(app, "win-screen", 0);
                page.waitUntil("the firmware draws, and the tab shows what QEMU shows", 120, () -> {
                    BufferedImage shot = screenshot(uri, "win-screen");
                    return nonBlackShare(shot) > 0.001 && differingShare(screen, shot) < 0.01;
                });
                // kept for whoever reviews a run: what the firmware showed
                Files.copy(home.resolve("shot.png"), Path.of("target/windows11-preset-firmware.png"), StandardCopyOption.REPLACE_EXISTING);
                System.out.println("Windows 11 preset: firmware screen " + MainWindowPage.onFx(() -> (int) screen.image().getWidth() + "x"
                        + (int) screen.image().getHeight()));
            }
        }
    }

    /**
     * A display as virt-manager makes it (SPICE, QXL, the agent's spicevmc channel, two USB redirections, SPICE audio)
     * switched to VNC through the Hardware tab after a confirmation that lists each change; virsh shows VNC on 127.0.0.1,
     * virtio video and no SPICE device; started, the VM's screen opens in a tab as QEMU shows it; shut off again,
     * Switch back saves the old definition, byte for byte as virsh printed it before.
     */
    @Test
    void aSpiceDisplaySwitchesToVncAndBack() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            define(uri, "vnc-vm", "<graphics type='spice' autoport='yes'><listen type='address'/><image compression='off'/></graphics>"
                    + "<video><model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/></video>"
                    + "<channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>"
                    + "<redirdev bus='usb' type='spicevmc'/><redirdev bus='usb' type='spicevmc'/><audio id='1' type='spice'/>");
            String original = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "vnc-vm"));
            assertTrue(original.contains("<graphics type='spice'") && original.contains("type='qxl'"), original);
            Path bin = FakeRemoteViewer.install(home.resolve("bin")).getParent();
            System.setProperty("vireo.viewerPath", bin.toString());
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the VM is listed", 30, () -> page.tableNamesAndStates().containsKey("vnc-vm"));
                // Running, its screen is offered in the external viewer (a fake recording what it was given) in one more click.
                Virsh.run(uri, "start", "vnc-vm");
                GraphicsConsoleTab spice = open(app, "vnc-vm", 0);
                page.waitUntil("the tab says SPICE only", 30, () -> MainWindowPage.onFx(spice::messageText).contains("only over SPICE"));
                for (String tool : List.of("#vnc-fullScreen", "#vnc-sendKey", "#vnc-typeClipboard", "#vnc-screenshot")) {
                    assertTrue(MainWindowPage.onFx(() -> robot.lookup(tool).query().isDisabled()), tool + " is off with no screen");
                }
                robot.clickOn("#vnc-openViewer");
                page.waitUntil("the viewer ran", 60, () -> FakeRemoteViewer.recorded(bin).isPresent());
                FakeRemoteViewer.Record seen = FakeRemoteViewer.recorded(bin).orElseThrow();
                assertEquals("REDQ", seen.greeting(), "QEMU's SPICE server answered: " + seen.text());
                assertEquals(Optional.of("vnc-vm"), seen.value("title"));
                page.waitUntil("the connection file is gone", 10, () -> !Files.exists(seen.file()));
                page.waitUntil("a notice says it is opening", 10, () -> !robot.lookup((Node n) -> n instanceof Labeled l
                        && l.getText() != null && l.getText().contains("vnc-vm is opening in remote-viewer (SPICE).")).queryAll().isEmpty());
                Virsh.run(uri, "destroy", "vnc-vm");
                page.waitUntil("it is shut off", 20, () -> "shut off".equals(Virsh.listAll(uri).get("vnc-vm")));
                robot.interact(() -> app.app().view().terminals().closeSelected());

                showDisplay("SPICE");
                robot.clickOn("#switchToVnc");
                DialogPane confirm = page.dialog();
                assertEquals("switchDisplayDialog", confirm.getId());
                String listed = MainWindowPage.onFx(() -> MainWindowPage.labelled(confirm).stream().map(l -> l.getText()).toList()).toString();
                for (String change : List.of("SPICE display → VNC display on 127.0.0.1", "Video QXL → virtio", "SPICE channel com.redhat.spice.0 removed",
                        "USB redirection over SPICE (usb) removed", "Audio backend SPICE → none")) {
                    assertTrue(listed.contains(change), change + " in " + listed);
                }
                assertEquals(List.of(), MainWindowPage.truncated(confirm), "nothing cut off in the confirmation");
                robot.clickOn("Switch to VNC");
                page.waitUntil("the switch is done", 20, () -> deviceMessage().startsWith("The display is VNC now"));
                String switched = String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "vnc-vm"));
                assertTrue(switched.contains("<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>"), switched);
                assertTrue(switched.contains("<model type='virtio' heads='1' primary='yes'/>"), switched);
                assertFalse(switched.toLowerCase(Locale.ROOT).contains("spice"), switched);
                assertFalse(switched.contains("redirdev"), switched);

                Virsh.run(uri, "start", "vnc-vm");
                GraphicsConsoleTab screen = open(app, "vnc-vm", 0);
                page.waitUntil("the switched VM's screen shows what QEMU shows", 30, () -> differingShare(screen, screenshot(uri)) < 0.005
                        && nonBlackShare(screenshot(uri)) > 0.001);
                Virsh.run(uri, "destroy", "vnc-vm");
                page.waitUntil("it is shut off", 20, () -> "shut off".equals(Virsh.listAll(uri).get("vnc-vm")));
                robot.interact(() -> screen.tab().getTabPane().getSelectionModel().select(0));   // back to the VMs and their details

                showDisplay("VNC");
                page.waitUntil("Switch back is offered", 10, () -> !robot.lookup("#switchBack").queryAll().isEmpty());
                robot.clickOn("#switchBack");
                for (long until = System.currentTimeMillis() + 20_000; !deviceMessage().startsWith("The display is as it was")
                        && System.currentTimeMillis() < until; ) {
                    Thread.sleep(100);
                }
                assertEquals("The display is as it was before the switch.", deviceMessage());
                assertEquals(original, String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "vnc-vm")), "the old definition, byte for byte");
            } finally {
                System.clearProperty("vireo.viewerPath");
            }
        }
    }

    /** Selects vnc-vm alone, its Hardware tab and its display device titled {@code title}. */
    private void showDisplay(String title) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("vnc-vm"));
        page.waitUntil("vnc-vm alone is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
        page.waitUntil("its details", 10, () -> !robot.lookup("#detailsTabs").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        page.waitUntil("the display " + title + " is listed", 10, () -> MainWindowPage.onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = robot.lookup("#deviceTree").queryAs(TreeView.class);
            for (TreeItem<Object> group : tree.getRoot().getChildren()) {
                for (TreeItem<Object> item : group.getChildren()) {
                    if (item.getValue() instanceof VmDevice d && d.title().equals(title)) {
                        tree.getSelectionModel().select(item);
                        return true;
                    }
                }
            }
            return false;
        }));
        page.waitUntil(title + " is shown", 10, () -> MainWindowPage.onFx(() -> robot.lookup("#deviceTitle").queryAs(Label.class).getText()).equals(title));
    }

    private String deviceMessage() {
        return MainWindowPage.onFx(() -> robot.lookup("#deviceMessage").queryAll().isEmpty() ? ""
                : robot.lookup("#deviceMessage").queryAs(Label.class).getText());
    }

    /**
     * Raw, Hextile, ZRLE and Tight (lossless: no JPEG quality level sent), each asked for alone of QEMU's VNC server
     * through a 2 Mbit/s throttling proxy (bench/screen's slow link): the server uses it (the client counts the rectangles
     * per encoding) and the first full frame is QEMU's screenshot, pixel for pixel. The compressed ones carry the same full-screen change in far fewer bytes: bench/screen
     * reports 193 KiB a frame for Raw, 5.8 for Hextile and 2.7 for ZRLE on a changing text console.
     */
    private void eachEncodingShowsQemusScreen(String uri) throws Exception {
        String display = Virsh.run(uri, "domdisplay", "vnc-vm").get(0).strip();   // vnc://127.0.0.1:N
        int port = 5900 + Integer.parseInt(display.substring(display.lastIndexOf(':') + 1));
        Map<RfbClient.Encoding, Long> bytes = new EnumMap<>(RfbClient.Encoding.class);
        Map<RfbClient.Encoding, Long> millis = new EnumMap<>(RfbClient.Encoding.class);
        for (RfbClient.Encoding encoding : List.of(RfbClient.Encoding.RAW, RfbClient.Encoding.HEXTILE, RfbClient.Encoding.ZRLE,
                RfbClient.Encoding.TIGHT)) {
            ThrottlingProxy link = new ThrottlingProxy(port, 2_000_000);
            Socket socket = new Socket("127.0.0.1", link.port());
            long start = System.nanoTime();
            RfbClient client = RfbClient.handshake(socket.getInputStream(), socket.getOutputStream(), socket, Optional::empty, List.of(encoding));
            long before = client.bytesReceived();
            RfbFrames frames = RfbFrames.start(client);
            try {
                assertTrue(frames.awaitFirst(30), encoding + ": a first frame");
                millis.put(encoding, (System.nanoTime() - start) / 1_000_000);
                bytes.put(encoding, client.bytesReceived() - before);
                assertTrue(client.rectanglesByEncoding().get(encoding) > 0, encoding + " was used: " + client.rectanglesByEncoding());
                // The text cursor blinks: the frame and QEMU's screenshot agree once both caught the same phase.
                int differing = Integer.MAX_VALUE;
                for (long until = System.currentTimeMillis() + 10_000; differing > 0 && System.currentTimeMillis() < until; ) {
                    int[] pixels = client.framebuffer().copyPixels();
                    BufferedImage shot = screenshot(uri);
                    differing = 0;
                    for (int y = 0; y < shot.getHeight(); y++) {
                        for (int x = 0; x < shot.getWidth(); x++) {
                            if ((pixels[y * shot.getWidth() + x] & 0xffffff) != (shot.getRGB(x, y) & 0xffffff)) {
                                differing++;
                            }
                        }
                    }
                }
                assertEquals(0, differing, encoding + ": the frame is QEMU's screenshot");
            } finally {
                client.close();
                link.close();
            }
        }
        System.out.println("first full frame over 2 Mbit/s, bytes per encoding: " + bytes + ", ms to it: " + millis);
        assertTrue(bytes.get(RfbClient.Encoding.ZRLE) * 30 < bytes.get(RfbClient.Encoding.RAW), "ZRLE sends a 30th of Raw or less: " + bytes);
        assertTrue(bytes.get(RfbClient.Encoding.HEXTILE) * 15 < bytes.get(RfbClient.Encoding.RAW), "Hextile a 15th or less: " + bytes);
        assertTrue(bytes.get(RfbClient.Encoding.TIGHT) * 30 < bytes.get(RfbClient.Encoding.RAW), "Tight a 30th or less: " + bytes);
    }

    private GraphicsConsoleTab open(RunningApp app, String vm, int index) {
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(vm));
        page.waitUntil(vm + " alone is listed", 10, () -> page.table().getItems().size() == 1);
        robot.interact(() -> page.table().getSelectionModel().select(0));
        page.chooseFromMenu("#vmMenu", "#menu-graphics");
        page.waitUntil("the screen tab opens", 10, () -> MainWindowPage.onFx(() -> app.app().view().terminals().openScreens().size()) > index);
        return MainWindowPage.onFx(() -> app.app().view().terminals().openScreens().get(index));
    }

    private void define(String uri, String name, String graphics) throws IOException {
        Path xml = Files.writeString(home.resolve(name + ".xml"), "<domain type='qemu'><name>" + name + "</name>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type>"
                + "<bootmenu enable='yes' timeout='60000'/></os><devices>" + graphics + "</devices></domain>");
        Virsh.run(uri, "define", xml.toString());
    }

    /** QEMU's own view of the screen (virsh screenshot writes a PNG here), as RGB pixels. */
    private BufferedImage screenshot(String uri) throws IOException {
        return screenshot(uri, "vnc-vm");
    }

    private BufferedImage screenshot(String uri, String vm) throws IOException {
        Path file = home.resolve("shot.png");
        Virsh.run(uri, "screenshot", vm, file.toString());
        return ImageIO.read(file.toFile());
    }

    /** The share of pixels where the tab's image and QEMU's screenshot differ. */
    private static double differingShare(GraphicsConsoleTab screen, BufferedImage shot) {
        return MainWindowPage.onFx(() -> {
            WritableImage image = screen.image();
            if (image == null || (int) image.getWidth() != shot.getWidth() || (int) image.getHeight() != shot.getHeight()) {
                return 1.0;
            }
            int differing = 0;
            var reader = image.getPixelReader();
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    if ((reader.getArgb(x, y) & 0xffffff) != (shot.getRGB(x, y) & 0xffffff)) {
                        differing++;
                    }
                }
            }
            return differing / (double) (shot.getWidth() * shot.getHeight());
        });
    }

    private static double differingRgb(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 1.0;
        }
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
                    differing++;
                }
            }
        }
        return differing / (double) (a.getWidth() * a.getHeight());
    }

    private static double nonBlackShare(BufferedImage shot) {
        int lit = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getRGB(x, y) & 0xffffff) != 0) {
                    lit++;
                }
            }
        }
        return lit / (double) (shot.getWidth() * shot.getHeight());
    }
}
