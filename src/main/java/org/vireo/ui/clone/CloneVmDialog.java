package org.vireo.ui.clone;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.service.CloneService.DiskMode;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.Notices;

/** The Clone dialog; it stays open while the clone runs and shows each step, and closes once it is done. */
public final class CloneVmDialog {

    private final CloneVmViewModel viewModel;
    private final Messages messages;
    private final GridPane diskGrid = new GridPane();

    public CloneVmDialog(CloneVmViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Window owner) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("clone.title"), messages.get("clone.header", viewModel.source().name()));
        dialog.getDialogPane().setId("cloneDialog");
        TextField name = new TextField();
        name.setId("cloneName");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        Label progress = new Label();
        progress.setId("cloneProgress");
        progress.setWrapText(true);
        progress.textProperty().bind(viewModel.progressProperty());
        diskGrid.setHgap(10);
        diskGrid.setVgap(6);
        // The target and both choices keep their size; the volume's name wraps instead of ending in "...".
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints volume = new ColumnConstraints();
        volume.setHgrow(Priority.ALWAYS);
        diskGrid.getColumnConstraints().setAll(fixed, volume, fixed, fixed);
        viewModel.disks().addListener((ListChangeListener<CloneVmViewModel.DiskRow>) c -> {
            layoutDisks();
            // The disks arrive after the dialog is shown: grow it so the buttons stay in view.
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        layoutDisks();
        GridPane top = new Form().field(messages.get("clone.name"), name, viewModel.nameErrorProperty(), "cloneNameError").grid();
        VBox content = new VBox(10, top, new Label(messages.get("clone.disks")), diskGrid, progress);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        ButtonType cloneButton = new ButtonType(messages.get("clone.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(cloneButton, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(cloneButton);
        ok.setId("cloneOk");
        ok.disableProperty().bind(viewModel.busyProperty().or(viewModel.nameErrorProperty().isNotEmpty()));
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).disableProperty().bind(viewModel.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();   // stay open and show progress; close when the clone is done
            viewModel.cloneVm().thenAccept(uuid -> {
                dialog.close();
                Notices.done(owner, messages.get("clone.title"), viewModel.progressProperty().get());
            });
        });
        dialog.show();
    }

    private void layoutDisks() {
        diskGrid.getChildren().clear();
        int row = 0;
        for (CloneVmViewModel.DiskRow disk : viewModel.disks()) {
            String where = disk.item().volume().isEmpty() ? disk.item().path() : disk.item().volume();
            String size = disk.item().capacityBytes() > 0 ? " (" + new ByteSize(disk.item().capacityBytes()).toHuman() + ")" : "";
            ChoiceBox<DiskMode> mode = new ChoiceBox<>();
            mode.setId("cloneMode-" + disk.item().target());
            mode.getItems().addAll(disk.cloneable() ? DiskMode.values() : new DiskMode[] {DiskMode.SHARE, DiskMode.SKIP});
            mode.setConverter(new DisplayConverter<>(m -> m == null ? "" : messages.get("clone.mode." + m.name().toLowerCase(Locale.ROOT))));
            mode.valueProperty().bindBidirectional(disk.mode());
            mode.disableProperty().bind(viewModel.busyProperty());
            ChoiceBox<String> pool = new ChoiceBox<>(viewModel.pools());
            pool.setId("clonePool-" + disk.item().target());
            pool.valueProperty().bindBidirectional(disk.pool());
            pool.disableProperty().bind(viewModel.busyProperty().or(disk.mode().isNotEqualTo(DiskMode.CLONE)));
            mode.setAccessibleText(messages.get("clone.mode.accessible", disk.item().target()));
            pool.setAccessibleText(messages.get("clone.pool.accessible", disk.item().target()));
            Label volume = new Label(where + size);
            volume.setWrapText(true);
            mode.setMinWidth(Region.USE_PREF_SIZE);
            pool.setMinWidth(Region.USE_PREF_SIZE);
            diskGrid.addRow(row++, new Label(disk.item().target()), volume, mode, pool);
        }
    }
}
