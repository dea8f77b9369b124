package org.vireo.ui.connection;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** Add or edit a connection: the URI is shown as it is built; OK only when every field is right. */
public final class ConnectionDialog {

    /** What the user chose; {@code peerAddress} is how other nodes reach this one for a migration (empty: its host). */
    public record Result(String name, String uri, boolean autoconnect, String peerAddress) {

        public Result(String name, String uri, boolean autoconnect) {
            this(name, uri, autoconnect, "");
        }
    }

    private ConnectionDialog() {
    }

    public static Optional<Result> show(Window owner, Messages messages, ConnectionDialogViewModel vm, boolean editing) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get(editing ? "connection.edit.title" : "connection.add.title"),
                messages.get(editing ? "connection.edit.header" : "connection.add.header"));
        Form form = new Form();
        form.field(messages.get("connection.hypervisor"), choice(messages, "conn-hypervisor", vm.hypervisor, "qemu", "lxc", "xen", "test"));
        form.field(messages.get("connection.transport"), choice(messages, "conn-transport", vm.transport, "local", "ssh", "tcp", "tls"));
        ChoiceBox<String> mode = choice(messages, "conn-mode", vm.mode, "system", "session");
        mode.disableProperty().bind(vm.hypervisor.isNotEqualTo("qemu"));
        form.field(messages.get("connection.mode"), mode);
        var remote = vm.transport.isEqualTo("local");
        TextField user = text("conn-user", vm.user);
        TextField host = text("conn-host", vm.host);
        TextField port = text("conn-port", vm.port);
        TextField key = text("conn-keyFile", vm.keyFile);
        user.disableProperty().bind(remote);
        host.disableProperty().bind(remote);
        port.disableProperty().bind(remote);
        key.disableProperty().bind(vm.transport.isNotEqualTo("ssh"));
        form.field(messages.get("connection.user"), user, vm.userError());
        form.field(messages.get("connection.host"), host, vm.hostError());
        form.field(messages.get("connection.port"), port, vm.portError());
        form.field(messages.get("connection.keyFile"), key, vm.keyFileError());
        form.field(messages.get("connection.custom"), text("conn-custom", vm.customUri), vm.customError());
        TextField name = text("conn-name", vm.name);
        name.promptTextProperty().bind(Bindings.createStringBinding(vm::effectiveName, vm.uriBinding(), vm.host));
        form.field(messages.get("connection.name"), name);
        TextField peer = text("conn-peerAddress", vm.peerAddress);
        peer.setPromptText(messages.get("connection.peerAddress.prompt"));
        form.field(messages.get("connection.peerAddress"), peer, vm.peerAddressError());
        CheckBox autoconnect = new CheckBox(messages.get("connection.autoconnect"));
        autoconnect.setId("conn-autoconnect");
        autoconnect.selectedProperty().bindBidirectional(vm.autoconnect);
        form.span(autoconnect);
        Label uri = new Label();
        uri.setId("conn-uri");
        uri.getStyleClass().add("monospace");
        uri.textProperty().bind(vm.uriBinding());
        form.value(messages.get("connection.uri"), uri);
        GridPane grid = form.grid();
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.valid(), vm.uriBinding(), vm.hostError(),
                vm.portError(), vm.userError(), vm.keyFileError(), vm.customError(), vm.peerAddressError()));
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new Result(vm.effectiveName(), vm.uriBinding().get(), vm.autoconnect.get(), vm.peerAddress.get().strip()));
    }

    private static TextField text(String id, Property<String> property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static ChoiceBox<String> choice(Messages messages, String id, Property<String> property, String... values) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(property);
        box.setConverter(new DisplayConverter<>(value -> value == null ? "" : messages.get(id.replace('-', '.') + "." + value)));
        return box;
    }
}
