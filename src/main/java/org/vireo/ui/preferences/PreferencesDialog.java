package org.vireo.ui.preferences;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.vireo.ui.common.Messages;

/** The preferences dialog: statistics interval and which actions ask first. */
public final class PreferencesDialog {

    private PreferencesDialog() {
    }

    public static void show(Window owner, PreferencesViewModel viewModel, Messages messages) {
        viewModel.reload();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("prefs.title"));
        Spinner<Integer> interval = new Spinner<>(1, 60, viewModel.statsIntervalProperty().get());
        interval.setId("statsInterval");
        interval.setEditable(true);
        CheckBox forceOff = new CheckBox(messages.get("prefs.confirm.forceOff"));
        forceOff.setId("confirmForceOff");
        forceOff.selectedProperty().bindBidirectional(viewModel.confirmForceOffProperty());
        CheckBox delete = new CheckBox(messages.get("prefs.confirm.delete"));
        delete.setId("confirmDelete");
        delete.selectedProperty().bindBidirectional(viewModel.confirmDeleteProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("prefs.statsInterval")), interval);
        grid.add(forceOff, 0, 1, 2, 1);
        grid.add(delete, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            viewModel.statsIntervalProperty().set(interval.getValue());
            viewModel.save();
        });
    }
}
