package org.vireo.ui.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.PoolSpec;
import org.vireo.service.device.DeviceRules;
import org.vireo.service.device.PoolRules;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/**
 * The New pool dialog: a type, then only the fields that type needs, each checked as typed; build, start
 * and autostart; and the XML libvirt will be given, as a preview (editable for a custom pool).
 */
final class NewPoolDialog {

    private static final List<String> TYPES = List.of("dir", "fs", "netfs", "logical", "iscsi", "custom");

    private NewPoolDialog() {
    }

    static Optional<PoolSpec> show(Window owner, StorageViewModel viewModel, Messages messages) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("storage.newPool.title"), messages.get("storage.newPool.header"));
        dialog.getDialogPane().setId("newPoolDialog");
        ChoiceBox<String> type = new ChoiceBox<>(FXCollections.observableArrayList(TYPES));
        type.setId("poolType");
        type.setConverter(new DisplayConverter<>(t -> t == null ? "" : messages.get("storage.newPool.type." + t)));
        type.setValue("dir");
        TextField name = field("poolName");
        TextField target = field("poolTarget");
        TextField host = field("poolHost");
        TextField sourcePath = field("poolSourcePath");
        TextField device = field("poolDevice");
        TextField group = field("poolGroup");
        TextArea customXml = new TextArea("<pool type='dir'>\n  <name></name>\n  <target>\n    <path></path>\n  </target>\n</pool>");
        customXml.setId("poolCustomXml");
        customXml.setPrefRowCount(8);
        customXml.getStyleClass().add("monospace");
        CheckBox build = new CheckBox(messages.get("storage.newPool.build"));
        build.setId("poolBuild");
        build.setSelected(true);
        build.setWrapText(true);
        CheckBox start = new CheckBox(messages.get("storage.newPool.start"));
        start.setId("poolStart");
        start.setSelected(true);
        CheckBox autostart = new CheckBox(messages.get("storage.newPool.autostart"));
        autostart.setId("poolAutostartNew");
        autostart.setSelected(true);

        Observable[] all = {type.valueProperty(), name.textProperty(), target.textProperty(), host.textProperty(),
                sourcePath.textProperty(), device.textProperty(), group.textProperty(), customXml.textProperty()};
        StringBinding nameError = check(() -> custom(type) ? "" : PoolRules.nameProblem(name.getText(), viewModel.poolNames()), all);
        StringBinding targetError = check(() -> uses(type, "dir", "fs", "netfs") ? DeviceRules.pathProblem(target.getText()) : "", all);
        StringBinding hostError = check(() -> uses(type, "netfs", "iscsi") ? PoolRules.hostProblem(host.getText()) : "", all);
        StringBinding sourcePathError = check(() -> uses(type, "netfs") ? DeviceRules.pathProblem(sourcePath.getText())
                : uses(type, "iscsi") ? PoolRules.iqnProblem(sourcePath.getText()) : "", all);
        StringBinding deviceError = check(() -> uses(type, "fs") || uses(type, "logical") && !device.getText().isBlank()
                ? PoolRules.deviceProblem(device.getText()) : "", all);
        StringBinding groupError = check(() -> uses(type, "logical") ? PoolRules.volumeGroupProblem(group.getText()) : "", all);
        StringBinding xmlError = check(() -> custom(type) ? PoolRules.xmlProblem(customXml.getText()) : "", all);

        Form form = new Form()
                .field(messages.get("storage.newPool.type"), type)
                .field(messages.get("storage.newPool.name"), name, nameError, "poolNameError")
                .field(messages.get("storage.newPool.host"), host, hostError, "poolHostError")
                .field(messages.get("storage.newPool.sourcePath"), sourcePath, sourcePathError, "poolSourcePathError")
                .field(messages.get("storage.newPool.device"), device, deviceError, "poolDeviceError")
                .field(messages.get("storage.newPool.group"), group, groupError, "poolGroupError")
                .field(messages.get("storage.newPool.target"), target, targetError, "poolTargetError")
                .field(messages.get("storage.newPool.xml"), customXml, xmlError, "poolCustomXmlError")
                .span(build).span(start).span(autostart);
        // Only the fields the type needs are shown (with their labels and messages).
        showFor(form, type, name, List.of("dir", "fs", "netfs", "logical", "iscsi"));
        showFor(form, type, host, List.of("netfs", "iscsi"));
        showFor(form, type, sourcePath, List.of("netfs", "iscsi"));
        showFor(form, type, device, List.of("fs", "logical"));
        showFor(form, type, group, List.of("logical"));
        showFor(form, type, target, List.of("dir", "fs", "netfs"));
        showFor(form, type, customXml, List.of("custom"));
        type.valueProperty().addListener((obs, old, now) -> {
            String sourcePrompt = "iscsi".equals(now) ? "storage.newPool.iqnPrompt" : "storage.newPool.exportPrompt";
            String devicePrompt = "logical".equals(now) ? "storage.newPool.pvPrompt" : "storage.newPool.devicePrompt";
            sourcePath.setPromptText(messages.get(sourcePrompt));
            device.setPromptText(messages.get(devicePrompt));
            build.setSelected(!"iscsi".equals(now) && !"netfs".equals(now));
        });
        target.setPromptText("/var/lib/libvirt/images/pool");

        TextArea preview = new TextArea();
        preview.setId("poolXmlPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(7);
        preview.getStyleClass().add("monospace");
        preview.setAccessibleText(messages.get("storage.newPool.preview"));
        preview.visibleProperty().bind(type.valueProperty().isNotEqualTo("custom"));
        preview.managedProperty().bind(preview.visibleProperty());
        preview.textProperty().bind(Bindings.createStringBinding(() -> viewModel.poolXml(spec(type, name, target, host, sourcePath,
                device, group, customXml, build, start, autostart)), all));
        Label previewLabel = new Label(messages.get("storage.newPool.preview"));
        previewLabel.visibleProperty().bind(preview.visibleProperty());
        previewLabel.managedProperty().bind(preview.visibleProperty());
        VBox content = new VBox(8, form.grid(), previewLabel, preview);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType(messages.get("storage.newPool.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(create);
        ok.setId("poolOk");
        BooleanBinding wrong = Bindings.createBooleanBinding(() -> List.of(nameError, targetError, hostError, sourcePathError, deviceError,
                groupError, xmlError).stream().anyMatch(e -> !e.get().isEmpty()), nameError, targetError, hostError, sourcePathError,
                deviceError, groupError, xmlError);
        ok.disableProperty().bind(wrong);
        return dialog.showAndWait().filter(b -> b == create)
                .map(b -> spec(type, name, target, host, sourcePath, device, group, customXml, build, start, autostart));
    }

    private static PoolSpec spec(ChoiceBox<String> type, TextField name, TextField target, TextField host, TextField sourcePath,
                                 TextField device, TextField group, TextArea customXml, CheckBox build, CheckBox start, CheckBox autostart) {
        return new PoolSpec(type.getValue(), name.getText(), target.getText(), host.getText(), sourcePath.getText(), device.getText(),
                group.getText(), build.isSelected(), start.isSelected(), autostart.isSelected(), customXml.getText());
    }

    private static boolean custom(ChoiceBox<String> type) {
        return "custom".equals(type.getValue());
    }

    private static boolean uses(ChoiceBox<String> type, String... types) {
        return List.of(types).contains(type.getValue());
    }

    private static StringBinding check(Callable<String> rule, Observable... dependencies) {
        return Bindings.createStringBinding(rule, dependencies);
    }

    /** The control's row only for the given types. */
    private static void showFor(Form form, ChoiceBox<String> type, Control control, List<String> types) {
        form.showWhen(control, Bindings.createBooleanBinding(() -> types.contains(type.getValue()), type.valueProperty()));
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }
}
