package org.vireo.ui.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.NetworkSpec;
import org.vireo.service.device.NetworkRules;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/**
 * The New network dialog: a name and a mode, then what the mode needs (a subnet with its gateway, DHCP range,
 * IPv6 and DNS domain; or the host bridge to join), each field checked as typed, and the XML libvirt will be
 * given as a preview. Proposes a free name and a /24 that overlaps none of the node's networks.
 */
public final class NewNetworkDialog {

    private static final List<String> MODES = List.of("nat", "route", "isolated", "open", "bridge");

    private NewNetworkDialog() {
    }

    public static Optional<NetworkSpec> show(Window owner, Messages messages, NewNetworkViewModel viewModel, NewNetworkViewModel.Facts facts) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("network.new.title"), messages.get("network.new.header"));
        dialog.getDialogPane().setId("newNetworkDialog");
        TextField name = field("networkName", facts.freeName());
        ChoiceBox<String> mode = new ChoiceBox<>(FXCollections.observableArrayList(MODES));
        mode.setId("networkMode");
        mode.setConverter(new DisplayConverter<>(m -> m == null ? "" : messages.get("network.mode." + m)));
        mode.setValue("nat");
        ComboBox<String> device = editable("networkDevice", facts.interfaces());
        device.setPromptText(messages.get("network.new.anyDevice"));
        ComboBox<String> bridge = editable("networkBridge", facts.bridges());
        if (!facts.bridges().isEmpty()) {
            bridge.setValue(facts.bridges().get(0));
        }
        String subnetText = facts.freeSubnet();
        NetworkRules.Suggestion suggested = NetworkRules.suggestion(subnetText).orElseThrow();
        TextField subnet = field("networkSubnet", subnetText);
        TextField gateway = field("networkGateway", suggested.gateway());
        CheckBox dhcp = new CheckBox(messages.get("network.new.dhcp"));
        dhcp.setId("networkDhcp");
        dhcp.setSelected(true);
        TextField start = field("networkDhcpStart", suggested.dhcpStart());
        TextField end = field("networkDhcpEnd", suggested.dhcpEnd());
        // Addresses the user left as suggested follow a new subnet; ones they typed stay.
        NetworkRules.Suggestion[] last = {suggested};
        subnet.textProperty().addListener((obs, old, now) -> NetworkRules.suggestion(now).ifPresent(fresh -> {
            follow(gateway, last[0].gateway(), fresh.gateway());
            follow(start, last[0].dhcpStart(), fresh.dhcpStart());
            follow(end, last[0].dhcpEnd(), fresh.dhcpEnd());
            last[0] = fresh;
        }));
        start.disableProperty().bind(dhcp.selectedProperty().not());
        end.disableProperty().bind(dhcp.selectedProperty().not());
        TextField ipv6 = field("networkIpv6", "");
        ipv6.setPromptText("fd00:" + subnetText.split("\\.")[2] + "::/64");
        ChoiceBox<String> ipv6Mode = new ChoiceBox<>(FXCollections.observableArrayList("none", "ra", "dhcp"));
        ipv6Mode.setId("networkIpv6Mode");
        ipv6Mode.setConverter(new DisplayConverter<>(m -> m == null ? "" : messages.get("network.ipv6." + m)));
        ipv6Mode.setValue("ra");
        ipv6Mode.disableProperty().bind(ipv6.textProperty().isEmpty());
        TextField domain = field("networkDomain", "");
        domain.setPromptText(messages.get("network.new.domainPrompt"));
        CheckBox autostart = new CheckBox(messages.get("network.new.autostart"));
        autostart.setId("networkAutostartNew");
        autostart.setSelected(true);

        Observable[] all = {name.textProperty(), mode.valueProperty(), device.valueProperty(), device.getEditor().textProperty(),
                bridge.valueProperty(), bridge.getEditor().textProperty(), subnet.textProperty(), gateway.textProperty(),
                dhcp.selectedProperty(), start.textProperty(), end.textProperty(), ipv6.textProperty(), ipv6Mode.valueProperty(),
                domain.textProperty(), autostart.selectedProperty()};
        ObjectBinding<NetworkSpec> spec = Bindings.createObjectBinding(() -> new NetworkSpec(name.getText().strip(), mode.getValue(),
                text(device), text(bridge), subnet.getText().strip(), gateway.getText().strip(), dhcp.isSelected(), start.getText().strip(),
                end.getText().strip(), ipv6.getText().strip(), ipv6.getText().isBlank() ? "none" : ipv6Mode.getValue(),
                domain.getText().strip(), autostart.isSelected()), all);
        ObjectBinding<NetworkRules.SpecProblems> problems = Bindings.createObjectBinding(
                () -> NetworkRules.problems(spec.get(), facts.names(), facts.subnets()), spec);
        Form form = new Form()
                .field(messages.get("network.new.name"), name, problem(problems, NetworkRules.SpecProblems::name), "networkNameError")
                .field(messages.get("network.new.mode"), mode)
                .field(messages.get("network.new.device"), device, problem(problems, NetworkRules.SpecProblems::forwardDevice),
                        "networkDeviceError")
                .field(messages.get("network.new.bridge"), bridge, problem(problems, NetworkRules.SpecProblems::bridge), "networkBridgeError")
                .field(messages.get("network.new.subnet"), subnet, problem(problems, NetworkRules.SpecProblems::subnet), "networkSubnetError")
                .field(messages.get("network.new.gateway"), gateway, problem(problems, NetworkRules.SpecProblems::gateway),
                        "networkGatewayError")
                .span(dhcp)
                .field(messages.get("network.new.dhcpStart"), start)
                .field(messages.get("network.new.dhcpEnd"), end, problem(problems, NetworkRules.SpecProblems::dhcpRange), "networkDhcpEndError")
                .field(messages.get("network.new.ipv6"), ipv6, problem(problems, NetworkRules.SpecProblems::ipv6), "networkIpv6Error")
                .field(messages.get("network.new.ipv6Mode"), ipv6Mode)
                .field(messages.get("network.new.domain"), domain, problem(problems, NetworkRules.SpecProblems::domain), "networkDomainError")
                .span(autostart);
        var routed = Bindings.createBooleanBinding(() -> List.of("nat", "route").contains(mode.getValue()), mode.valueProperty());
        var bridged = mode.valueProperty().isEqualTo("bridge");
        form.showWhen(device, routed).showWhen(bridge, bridged);
        for (var ip : List.of(subnet, gateway, start, end, ipv6, domain)) {
            form.showWhen(ip, bridged.not());
        }
        form.showWhen(ipv6Mode, bridged.not());
        dhcp.visibleProperty().bind(bridged.not());
        dhcp.managedProperty().bind(dhcp.visibleProperty());

        TextArea preview = new TextArea();
        preview.setId("networkXmlPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(6);
        preview.getStyleClass().add("monospace");
        preview.setAccessibleText(messages.get("network.new.preview"));
        preview.textProperty().bind(Bindings.createStringBinding(() -> problems.get().any() ? messages.get("network.new.previewWaits")
                : viewModel.xml(spec.get()), problems));
        VBox content = new VBox(8, form.grid(), new Label(messages.get("network.new.preview")), preview);
        content.setPrefWidth(580);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType(messages.get("network.new.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(create);
        ok.setId("networkOk");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> problems.get().any(), problems));
        return dialog.showAndWait().filter(b -> b == create).map(b -> spec.get());
    }

    /** Replaces the field's text with {@code fresh} unless the user typed something other than {@code suggested}. */
    private static void follow(TextField field, String suggested, String fresh) {
        String typed = field.getText().strip();
        if (typed.isEmpty() || typed.equals(suggested) || NetworkRules.ipv4(typed).isEmpty()) {
            field.setText(fresh);
        }
    }

    private static StringBinding problem(ObjectBinding<NetworkRules.SpecProblems> problems, Function<NetworkRules.SpecProblems, String> field) {
        return Bindings.createStringBinding(() -> field.apply(problems.get()), problems);
    }

    /** An editable combo's value as typed (the editor's text until it is committed). */
    private static String text(ComboBox<String> box) {
        String typed = box.getEditor().getText();
        return typed == null ? "" : typed.strip();
    }

    private static ComboBox<String> editable(String id, List<String> items) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setEditable(true);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        return field;
    }
}
