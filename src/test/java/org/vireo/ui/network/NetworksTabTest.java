package org.vireo.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.model.DhcpHost;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/** The host pane's Networks tab driven as a user would, virsh the oracle. */
class NetworksTabTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void networksAreMadeCheckedPinnedStoppedWithWarningAndDeleted() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            setup.define("<domain type='test'><name>net-user</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
                    + "<devices><interface type='network'><mac address='52:54:00:aa:00:01'/><source network='default'/></interface>"
                    + "</devices></domain>");
            Virsh.run(uri, "start", "net-user");
            try (RunningApp app = RunningApp.start(home, "--connect", uri)) {
                page.waitUntil("the node connects", 30, () -> page.tableNamesAndStates().containsKey("net-user"));
                robot.interact(() -> page.selectTreeRow(page.nodeItems().get(page.nodeItems().size() - 1)));
                page.waitUntil("the host pane shows", 10, () -> !robot.lookup("#hostPane").queryAll().isEmpty());
                robot.interact(() -> {
                    TabPane tabs = robot.lookup("#hostPane").queryAs(TabPane.class);
                    tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "networksTab".equals(t.getId())).findFirst().orElseThrow());
                });
                // The driver's own "test" VM is on it too.
                page.waitUntil("default is listed with its users", 20, () -> network("default") != null
                        && network("default").usedBy().equals(List.of("net-user", "test"))
                        && network("default").runningUsers().equals(List.of("net-user", "test")));
                VirtualNetworkInfo def = network("default");
                assertEquals(List.of("192.168.122.1/24"), def.ipv4());
                assertTrue(def.active() && def.persistent() && def.mode().equals("nat"), def.toString());

                // A new network: a taken name and an overlapping subnet are refused where they are typed.
                robot.clickOn("#newNetwork");
                assertEquals("newNetworkDialog", page.dialog().getId());
                robot.interact(() -> {
                    field("#networkName").setText("default");
                    field("#networkSubnet").setText("192.168.122.0/25");
                });
                assertEquals("This node already has a network called default.", text("#networkNameError"));
                assertEquals("Overlaps the network default (192.168.122.0/24) of this node.", text("#networkSubnetError"));
                assertTrue(page.isDisabledNow("#networkOk"));
                robot.interact(() -> {
                    field("#networkName").setText("lab-iso");
                    robot.lookup("#networkMode").queryAs(ChoiceBox.class).setValue("isolated");
                    field("#networkSubnet").setText("10.77.0.0/24");
                    field("#networkDomain").setText("lab.test");
                });
                // The addresses left as proposed follow the subnet.
                assertEquals("10.77.0.1", MainWindowPage.onFx(() -> field("#networkGateway").getText()));
                assertEquals("10.77.0.128", MainWindowPage.onFx(() -> field("#networkDhcpStart").getText()));
                robot.interact(() -> field("#networkDhcpEnd").setText("10.78.0.20"));
                assertEquals("10.78.0.20 is outside 10.77.0.0/24.", text("#networkDhcpEndError"));
                robot.interact(() -> field("#networkDhcpEnd").setText("10.77.0.200"));
                assertEquals("", text("#networkDhcpEndError"));
                String preview = MainWindowPage.onFx(() -> robot.lookup("#networkXmlPreview").queryAs(TextArea.class).getText());
                assertTrue(preview.contains("<name>lab-iso</name>") && !preview.contains("<forward") && preview.contains("10.77.0.200"), preview);
                robot.clickOn("#networkOk");
                page.waitUntil("created", 15, () -> message().equals("The network lab-iso was created and started."));
                String xml = String.join("\n", Virsh.run(uri, "net-dumpxml", "lab-iso"));
                assertTrue(xml.contains("<ip address='10.77.0.1' prefix='24'>") && xml.contains("<range start='10.77.0.128' end='10.77.0.200'")
                        && xml.contains("<domain name='lab.test'/>") && !xml.contains("<forward"), xml);
                assertTrue(netLine(uri, "lab-iso").matches("lab-iso\\s+active\\s+yes\\s+yes"), netLine(uri, "lab-iso"));
                page.waitUntil("the new network is chosen", 10, () -> selected() != null && selected().name().equals("lab-iso"));

                // Pin an address: outside the subnet and the host's own address are refused where typed.
                robot.clickOn("#pinAddress");
                assertEquals("pinDialog", page.dialog().getId());
                robot.interact(() -> {
                    robot.lookup("#pinMac").queryAs(ComboBox.class).getEditor().setText("52:54:00:aa:00:01");
                    field("#pinIp").setText("10.77.1.5");
                });
                assertEquals("10.77.1.5 is outside the network's subnets (10.77.0.0/24).", text("#pinIpError"));
                robot.interact(() -> field("#pinIp").setText("10.77.0.1"));
                assertEquals("10.77.0.1 is the host's own address on this network.", text("#pinIpError"));
                assertTrue(page.isDisabledNow("#pinOk"));
                robot.interact(() -> {
                    field("#pinIp").setText("10.77.0.50");
                    field("#pinName").setText("web");
                });
                robot.clickOn("#pinOk");
                page.waitUntil("pinned", 10, () -> message().equals("52:54:00:aa:00:01 is pinned to 10.77.0.50 on lab-iso."));
                String pinned = String.join("\n", Virsh.run(uri, "net-dumpxml", "lab-iso"));
                assertTrue(pinned.contains("<host mac='52:54:00:aa:00:01' name='web' ip='10.77.0.50'/>"), pinned);
                page.waitUntil("listed", 10, () -> hosts().equals(List.of(new DhcpHost("52:54:00:aa:00:01", "10.77.0.50", "web"))));
                // The same address again is refused, naming who holds it.
                robot.clickOn("#pinAddress");
                page.dialog();
                robot.interact(() -> {
                    robot.lookup("#pinMac").queryAs(ComboBox.class).getEditor().setText("52:54:00:aa:00:02");
                    field("#pinIp").setText("10.77.0.50");
                });
                assertEquals("10.77.0.50 is already pinned to 52:54:00:aa:00:01.", text("#pinIpError"));
                assertEquals("", text("#pinMacError"));
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Cancel")).queryButton());
                robot.interact(() -> robot.lookup("#staticHostTable").queryAs(TableView.class).getSelectionModel().select(0));
                robot.clickOn("#unpinAddress");
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Unpin")).queryButton());
                page.waitUntil("unpinned", 10, () -> !String.join("\n", Virsh.run(uri, "net-dumpxml", "lab-iso")).contains("<host "));

                // Stopping the network a running VM uses says so, naming it.
                select("default");
                robot.clickOn("#stopNetwork");
                assertEquals("stopNetworkDialog", page.dialog().getId());
                String warning = MainWindowPage.onFx(() -> page.dialog().getContentText() + page.dialog().lookupAll(".label").stream()
                        .map(n -> ((Label) n).getText()).reduce("", String::concat));
                assertTrue(warning.contains("net-user"), warning);
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Stop network")).queryButton());
                page.waitUntil("stopped", 10, () -> netLine(uri, "default").matches("default\\s+inactive.*"));
                robot.clickOn("#startNetwork");
                page.waitUntil("started again", 10, () -> netLine(uri, "default").matches("default\\s+active.*"));
                robot.clickOn("#networkAutostart");
                page.waitUntil("autostarts", 10, () -> netLine(uri, "default").matches("default\\s+active\\s+yes.*"));

                // The new network goes after its confirmation.
                select("lab-iso");
                robot.clickOn("#deleteNetwork");
                assertEquals("deleteNetworkDialog", page.dialog().getId());
                robot.clickOn(robot.from(page.dialog()).lookup((Button b) -> b.getText().equals("Delete network")).queryButton());
                page.waitUntil("deleted", 10, () -> netLine(uri, "lab-iso").isEmpty() && network("lab-iso") == null);

                // A network made by someone else (virsh) shows up by libvirt's event, no Refresh pressed.
                Path other = home.resolve("other.xml");
                Files.writeString(other, "<network><name>elsewhere</name><bridge name='virbr9'/>"
                        + "<ip address='10.79.0.1' prefix='24'/></network>");
                Virsh.run(uri, "net-define", other.toString());
                page.waitUntil("the other's network is listed", 10, () -> network("elsewhere") != null);
                Virsh.run(uri, "net-undefine", "elsewhere");
                page.waitUntil("and gone again", 10, () -> network("elsewhere") == null);
            }
        }
    }

    private TextField field(String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private void select(String name) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<VirtualNetworkInfo> table = robot.lookup("#networkTable").queryAs(TableView.class);
            table.getSelectionModel().select(table.getItems().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private VirtualNetworkInfo network(String name) {
        return MainWindowPage.onFx(() -> ((TableView<VirtualNetworkInfo>) robot.lookup("#networkTable").queryAs(TableView.class))
                .getItems().stream().filter(n -> n.name().equals(name)).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    private VirtualNetworkInfo selected() {
        return MainWindowPage.onFx(() -> ((TableView<VirtualNetworkInfo>) robot.lookup("#networkTable").queryAs(TableView.class))
                .getSelectionModel().getSelectedItem());
    }

    @SuppressWarnings("unchecked")
    private List<DhcpHost> hosts() {
        return MainWindowPage.onFx(() -> List.copyOf(robot.lookup("#staticHostTable").queryAs(TableView.class).getItems()));
    }

    private String message() {
        return text("#networkMessage");
    }

    private String text(String id) {
        return MainWindowPage.onFx(() -> robot.lookup(id).queryAllAs(Label.class).stream().findFirst().map(Label::getText).orElse(""));
    }

    private static String netLine(String uri, String name) {
        return Virsh.run(uri, "net-list", "--all").stream().map(String::strip).filter(l -> l.startsWith(name + " "))
                .findFirst().orElse("");
    }
}
