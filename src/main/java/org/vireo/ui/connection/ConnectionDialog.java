package org.vireo.ui.connection;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.Property;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.Messages;

/** Add or edit a connection: the URI is shown as it is built; OK only when every field is right. */
public final class ConnectionDialog {

    /** What the user chose. */
    public record Result(String name, String uri, boolean autoconnect) {
    }

    private ConnectionDialog() {
    }

    public static Optional<Result> show(Window owner, Messages messages, ConnectionDialogViewModel vm, boolean editing) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get(editing ? "connection.edit.title" : "connection.add.title"));
        dialog.setHeaderText(messages.get(editing ? "connection.edit.header" : "connection.add.header"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        int[] row = {0};
        add(grid, row, messages.get("connection.hypervisor"), choice(messages, "conn-hypervisor", vm.hypervisor, "qemu", "lxc", "xen", "test"), null);
        add(grid, row, messages.get("connection.transport"), choice(messages, "conn-transport", vm.transport, "local", "ssh", "tcp", "tls"), null);
        ChoiceBox<String> mode = choice(messages, "conn-mode", vm.mode, "system", "session");
        mode.disableProperty().bind(vm.hypervisor.isNotEqualTo("qemu"));
        add(grid, row, messages.get("connection.mode"), mode, null);
        var remote = vm.transport.isEqualTo("local");
        TextField user = text("conn-user", vm.user);
        TextField host = text("conn-host", vm.host);
        TextField port = text("conn-port", vm.port);
        TextField key = text("conn-keyFile", vm.keyFile);
        user.disableProperty().bind(remote);
        host.disableProperty().bind(remote);
        port.disableProperty().bind(remote);
        key.disableProperty().bind(vm.transport.isNotEqualTo("ssh"));
        add(grid, row, messages.get("connection.user"), user, vm.userError());
        add(grid, row, messages.get("connection.host"), host, vm.hostError());
        add(grid, row, messages.get("connection.port"), port, vm.portError());
        add(grid, row, messages.get("connection.keyFile"), key, vm.keyFileError());
        add(grid, row, messages.get("connection.custom"), text("conn-custom", vm.customUri), vm.customError());
        TextField name = text("conn-name", vm.name);
        name.promptTextProperty().bind(Bindings.createStringBinding(vm::effectiveName, vm.uriBinding(), vm.host));
        add(grid, row, messages.get("connection.name"), name, null);
        CheckBox autoconnect = new CheckBox(messages.get("connection.autoconnect"));
        autoconnect.setId("conn-autoconnect");
        autoconnect.selectedProperty().bindBidirectional(vm.autoconnect);
        grid.add(autoconnect, 1, row[0]++);
        Label uri = new Label();
        uri.setId("conn-uri");
        uri.setStyle("-fx-font-family: monospace;");
        uri.textProperty().bind(vm.uriBinding());
        grid.add(new Label(messages.get("connection.uri")), 0, row[0]);
        grid.add(uri, 1, row[0]++);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.valid(), vm.uriBinding(), vm.hostError(),
                vm.portError(), vm.userError(), vm.keyFileError(), vm.customError()));
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new Result(vm.effectiveName(), vm.uriBinding().get(), vm.autoconnect.get()));
    }

    private static void add(GridPane grid, int[] row, String label, Control control, StringBinding error) {
        control.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(control, Priority.ALWAYS);
        grid.add(FieldLabel.of(label, control), 0, row[0]);
        grid.add(control, 1, row[0]++);
        if (error != null) {
            Label message = new Label();
            message.setId("error-" + control.getId());
            message.setStyle("-fx-text-fill: #c62828; -fx-font-size: 11px;");
            message.textProperty().bind(error);
            message.managedProperty().bind(error.isNotEmpty());
            message.visibleProperty().bind(error.isNotEmpty());
            grid.add(message, 1, row[0]++);
        }
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
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : messages.get(id.replace('-', '.') + "." + value);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        return box;
    }
}
