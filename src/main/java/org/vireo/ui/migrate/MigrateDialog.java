package org.vireo.ui.migrate;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.vireo.model.LibvirtUri;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** VM › Migrate…: every connected node with its answer, the chosen one's reasons, and how the VM goes. */
public final class MigrateDialog {

    private static final double FIELD_WIDTH = 380;

    private final MigrateViewModel viewModel;
    private final Messages messages;

    public MigrateDialog(MigrateViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Window owner) {
        String name = viewModel.vm().name();
        String source = viewModel.sourceName();
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("migrate.title"),
                messages.get(viewModel.live() ? "migrate.header.live" : "migrate.header.offline", name, source));
        dialog.getDialogPane().setId("migrateDialog");

        ListView<MigrateViewModel.Destination> nodes = new ListView<>(viewModel.destinations());
        nodes.setId("migrateDestinations");
        nodes.setPrefHeight(Math.min(5, Math.max(2, viewModel.destinations().size())) * 28 + 4);
        nodes.setCellFactory(list -> new ListCell<>() {
            {
                // wraps at the list's width instead of widening it (a reason can be a sentence)
                setWrapText(true);
                setPrefWidth(0);
            }


            @Override
            protected void updateItem(MigrateViewModel.Destination item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(item.summaryProperty());
                }
            }
        });
        viewModel.destinationProperty().addListener((obs, old, now) -> {
            nodes.getSelectionModel().select(now);
            nodes.scrollTo(now);
        });
        nodes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.destinationProperty().set(now);
            }
        });
        nodes.setAccessibleText(messages.get("migrate.destination"));

        Label problems = new Label();
        problems.setId("migrateProblems");
        problems.getStyleClass().addAll("field-error-text", "field-message");
        fieldWide(problems);
        problems.textProperty().bind(viewModel.problemsProperty());
        Form.refitWhen(problems, problems.textProperty());

        Label storage = fieldWide(new Label());
        storage.setId("migrateStorage");
        storage.textProperty().bind(viewModel.storageProperty());
        CheckBox copy = check("migrateCopyStorage", messages.get(viewModel.live() ? "migrate.copyStorage" : "migrate.moveDisks", source),
                viewModel.copyStorageProperty());
        ChoiceBox<String> pool = new ChoiceBox<>(viewModel.pools());
        pool.setId("migratePool");
        pool.valueProperty().bindBidirectional(viewModel.targetPoolProperty());
        pool.setConverter(new DisplayConverter<>(p -> p == null || p.isEmpty() ? messages.get("migrate.pool.same") : p));
        pool.disableProperty().bind(viewModel.copyStorageProperty().not());
        CheckBox persistent = check("migratePersistent", messages.get("migrate.persistent", source), viewModel.persistentProperty());
        CheckBox deleteSource = check("migrateDeleteSourceDisks", messages.get("migrate.deleteSourceDisks", source),
                viewModel.deleteSourceDisksProperty());
        deleteSource.disableProperty().bind(viewModel.copyStorageProperty().not().or(viewModel.persistentProperty().not()));
        TextField bandwidth = new TextField();
        bandwidth.setId("migrateBandwidth");
        bandwidth.setPromptText(messages.get("migrate.bandwidth.prompt"));
        bandwidth.textProperty().bindBidirectional(viewModel.bandwidthProperty());
        CheckBox tunnelled = check("migrateTunnelled", messages.get("migrate.tunnelled"), viewModel.tunnelledProperty());
        TextField peer = new TextField();
        peer.setId("migratePeerAddress");
        peer.textProperty().bindBidirectional(viewModel.peerAddressProperty());
        peer.promptTextProperty().bind(Bindings.createStringBinding(() -> viewModel.destinationProperty().get() == null ? ""
                : LibvirtUri.tryParse(viewModel.destinationProperty().get().node().uri()).map(LibvirtUri::host).orElse(""),
                viewModel.destinationProperty()));
        Label peerUri = new Label();
        peerUri.setId("migratePeerUri");
        peerUri.getStyleClass().add("monospace");
        peerUri.textProperty().bind(viewModel.peerUriProperty());

        Form form = new Form();
        form.field(messages.get("migrate.destination"), nodes);
        form.span(problems);
        form.value(messages.get("migrate.storage"), storage);
        form.span(copy);
        form.field(messages.get("migrate.pool"), pool);
        if (viewModel.live()) {
            form.span(persistent);
            form.span(deleteSource);
            form.field(messages.get("migrate.bandwidth"), bandwidth, viewModel.bandwidthErrorProperty(), "migrateBandwidthError");
            form.span(tunnelled);
            form.field(messages.get("migrate.peerAddress", source), peer, viewModel.peerAddressErrorProperty(), "migratePeerAddressError");
            form.value(messages.get("migrate.peerUri"), peerUri);
            form.span(fieldWide(new Label(messages.get("migrate.howDataFlows", source))));
        } else {
            form.span(fieldWide(new Label(messages.get("migrate.howOfflineMoves", source))));
        }
        form.showWhen(copy, viewModel.hasLocalDisksProperty());
        form.showWhen(pool, viewModel.hasLocalDisksProperty());
        form.showWhen(deleteSource, viewModel.hasLocalDisksProperty());
        Form.refitWhen(storage, storage.textProperty());
        dialog.getDialogPane().setContent(form.grid());
        nodes.setPrefWidth(FIELD_WIDTH);

        ButtonType migrate = new ButtonType(messages.get("migrate.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(migrate, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(migrate);
        ok.setId("migrateOk");
        ok.disableProperty().bind(viewModel.canMigrateProperty().not());
        dialog.setResultConverter(button -> button);
        // the first size too: text that wraps at the dialog's width is taller than JavaFX's first guess
        dialog.getDialogPane().getScene().getWindow().showingProperty().addListener((obs, was, now) -> {
            if (now) {
                Form.fitWindow(form.grid());
            }
        });
        viewModel.checkAll();
        dialog.showAndWait().filter(b -> b == migrate).ifPresent(b -> viewModel.migrate());
    }

    /** Wraps at the field column's width, and says so in its preferred size, so the dialog is tall enough from the start. */
    private static <T extends Labeled> T fieldWide(T labeled) {
        labeled.setWrapText(true);
        labeled.setPrefWidth(FIELD_WIDTH);
        labeled.setMinHeight(Region.USE_PREF_SIZE);
        return labeled;
    }

    private static CheckBox check(String id, String text, BooleanProperty property) {
        CheckBox box = fieldWide(new CheckBox(text));
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }
}
