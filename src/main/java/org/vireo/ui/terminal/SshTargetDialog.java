package org.vireo.ui.terminal;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.vireo.ssh.SshTarget;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.Messages;

/** Asks where to log in: the guest's address (a choice when libvirt knows several), user and port. */
public final class SshTargetDialog {

    private SshTargetDialog() {
    }

    public static Optional<SshTarget> ask(Window owner, Messages messages, String vmName, List<String> addresses,
                                          String user, int port, Optional<SshTarget> jump) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("ssh.title"), messages.get("ssh.header", vmName));
        ComboBox<String> host = new ComboBox<>();
        host.setId("sshHost");
        host.setEditable(true);
        host.getItems().setAll(addresses);
        if (!addresses.isEmpty()) {
            host.setValue(addresses.get(0));
        }
        TextField userField = new TextField(user);
        userField.setId("sshUser");
        TextField portField = new TextField(Integer.toString(port));
        portField.setId("sshPort");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, FieldLabel.of(messages.get("ssh.host"), host), host);
        grid.addRow(1, FieldLabel.of(messages.get("ssh.user"), userField), userField);
        grid.addRow(2, FieldLabel.of(messages.get("ssh.port"), portField), portField);
        jump.ifPresent(j -> grid.add(new Label(messages.get("ssh.via", j.label())), 0, 3, 2, 1));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> ok.setDisable(parse(host.getEditor().getText(), userField.getText(), portField.getText(), jump).isEmpty());
        host.getEditor().textProperty().addListener((o, a, b) -> check.run());
        userField.textProperty().addListener((o, a, b) -> check.run());
        portField.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .flatMap(b -> parse(host.getEditor().getText(), userField.getText(), portField.getText(), jump));
    }

    static Optional<SshTarget> parse(String host, String user, String port, Optional<SshTarget> jump) {
        String h = host == null ? "" : host.strip();
        String u = user == null ? "" : user.strip();
        if (h.isEmpty() || u.isEmpty() || !h.matches("[A-Za-z0-9.:_\\[\\]-]+") || !u.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(port.strip());
            return p < 1 || p > 65535 ? Optional.empty() : Optional.of(new SshTarget(u, h, p, jump));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
