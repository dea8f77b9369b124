package org.vireo.ui.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.service.device.DeviceRules;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/**
 * Where a local file goes before it is uploaded: a pool of the node (with its free space) and the new
 * volume's name, both checked as typed. The Storage tab offers its selected pool; the wizard every active one.
 */
public final class UploadDialog {

    /** The user's answer. */
    public record Choice(String pool, String volumeName) {
    }

    private UploadDialog() {
    }

    public static Optional<Choice> ask(Window owner, Messages messages, Path file, long fileBytes, List<NodeFacts.Pool> pools,
                                       String preferredPool) {
        List<NodeFacts.Pool> active = pools.stream().filter(NodeFacts.Pool::active).toList();
        if (active.isEmpty()) {
            Dialogs.error(owner, messages.get("storage.upload.title"), messages.get("storage.upload.noPool"), "").showAndWait();
            return Optional.empty();
        }
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("storage.upload.title"),
                messages.get("storage.upload.header", file.getFileName(), new ByteSize(fileBytes).toHuman()));
        dialog.getDialogPane().setId("uploadDialog");
        ChoiceBox<NodeFacts.Pool> pool = new ChoiceBox<>(FXCollections.observableArrayList(active));
        pool.setId("uploadPool");
        pool.setConverter(new DisplayConverter<>(p -> p == null ? "" : messages.get("storage.upload.poolEntry", p.name(),
                new ByteSize(Math.max(0, p.availableBytes())).toHuman())));
        pool.setValue(active.stream().filter(p -> p.name().equals(preferredPool)).findFirst()
                .orElse(active.stream().filter(p -> p.availableBytes() >= fileBytes).findFirst().orElse(active.get(0))));
        TextField name = new TextField(file.getFileName().toString());
        name.setId("uploadName");
        StringBinding poolError = Bindings.createStringBinding(() -> DeviceRules.uploadProblem(fileBytes, pool.getValue()),
                pool.valueProperty());
        StringBinding nameError = Bindings.createStringBinding(() -> DeviceRules.volumeNameProblem(name.getText(), pool.getValue()),
                name.textProperty(), pool.valueProperty());
        dialog.getDialogPane().setContent(new Form()
                .field(messages.get("storage.upload.pool"), pool, poolError, "uploadPoolError")
                .field(messages.get("storage.upload.name"), name, nameError, "uploadNameError")
                .grid());
        ButtonType go = new ButtonType(messages.get("storage.upload.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(go);
        ok.setId("uploadOk");
        ok.disableProperty().bind(nameError.isNotEmpty().or(poolError.isNotEmpty()));
        return dialog.showAndWait().filter(b -> b == go).map(b -> new Choice(pool.getValue().name(), name.getText().strip()));
    }
}
