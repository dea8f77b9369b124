package org.vireo.ui.rename;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** The Rename dialog; it stays open when libvirt refuses, with the name as typed and libvirt's reason below it. */
public final class RenameDialog {

    private RenameDialog() {
    }

    public static void show(Window owner, RenameViewModel viewModel, Messages messages) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("rename.title"), messages.get("rename.header", viewModel.vm().name()));
        dialog.getDialogPane().setId("renameDialog");
        TextField name = new TextField();
        name.setId("renameField");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        name.setPrefColumnCount(28);
        Label refusal = new Label();
        refusal.setId("renameRefusal");
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.getStyleClass().add("field-error-text");
        refusal.textProperty().bind(viewModel.refusalProperty());
        refusal.visibleProperty().bind(viewModel.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        Label about = Dialogs.wrapped(messages.get("rename.text"));
        VBox content = new VBox(10, new Form().field(messages.get("rename.name"), name, viewModel.nameErrorProperty(), "renameError").grid(),
                about, refusal);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        ButtonType renameButton = new ButtonType(messages.get("rename.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(renameButton, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(renameButton);
        ok.setId("renameOk");
        ok.disableProperty().bind(viewModel.busyProperty().or(viewModel.nameErrorProperty().isNotEmpty()).or(viewModel.changedProperty().not()));
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();   // closes once libvirt renamed it; a refusal stays in view with the name as typed
            viewModel.rename().thenAccept(renamed -> {
                if (renamed) {
                    dialog.close();
                }
            });
        });
        dialog.showingProperty().addListener((obs, was, showing) -> {
            if (showing) {
                name.requestFocus();
                name.selectAll();
            }
        });
        dialog.show();
    }
}
