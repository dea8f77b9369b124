package org.vireo.ui.details;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.DiskSpec;
import org.vireo.model.NicSpec;
import org.vireo.model.VmDevice;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;
import org.vireo.ui.network.NewNetworkFlow;
import org.vireo.ui.network.NewNetworkViewModel;

/** The Hardware tab's dialogs: a disk or drive, a network interface, the media of a drive. */
final class DeviceDialogs {

    private DeviceDialogs() {
    }

    static Optional<DiskSpec> disk(Window owner, DiskForm form, Messages messages) {
        String kind = form.editingExisting() ? "edit" : form.device().equals("cdrom") ? "addDrive" : "addDisk";
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("disk." + kind + ".title"), messages.get("disk." + kind + ".header"));
        dialog.getDialogPane().setId("diskDialog");
        Form grid = new Form();
        if (!form.editingExisting()) {
            sourceRows(grid, form, messages, form.device().equals("cdrom"));
        }
        ChoiceBox<String> bus = choice("diskBus", form.device().equals("cdrom") ? DiskForm.DRIVE_BUSES : DiskForm.BUSES, s -> s);
        bus.valueProperty().bindBidirectional(form.busProperty());
        TextField target = text("diskTarget", form.targetProperty());
        ChoiceBox<String> cache = choice("diskCache", DiskForm.CACHES,
                c -> c.isEmpty() ? messages.get("disk.cache.default") : c);
        cache.valueProperty().bindBidirectional(form.cacheProperty());
        CheckBox readOnly = new CheckBox(messages.get("disk.readOnly"));
        readOnly.setId("diskReadOnly");
        readOnly.selectedProperty().bindBidirectional(form.readOnlyProperty());
        CheckBox shareable = new CheckBox(messages.get("disk.shareable"));
        shareable.setId("diskShareable");
        shareable.selectedProperty().bindBidirectional(form.shareableProperty());
        grid.field(messages.get("disk.bus"), bus)
                .field(messages.get("disk.target"), target, form.targetErrorProperty());
        if (form.device().equals("disk")) {
            grid.field(messages.get("disk.cache"), cache).span(readOnly).span(shareable);
        }
        return show(dialog, grid.grid(), messages.get(form.editingExisting() ? "disk.apply" : form.device().equals("cdrom") ? "disk.addDrive" : "disk.add"), form.validProperty(),
                form::spec);
    }

    private static void sourceRows(Form grid, DiskForm form, Messages messages, boolean drive) {
        ToggleGroup group = new ToggleGroup();
        HBox kinds = new HBox(12);
        for (DiskForm.SourceKind kind : DiskForm.SourceKind.values()) {
            if (drive && kind == DiskForm.SourceKind.NEW_VOLUME || !drive && kind == DiskForm.SourceKind.NONE) {
                continue;
            }
            RadioButton radio = new RadioButton(messages.get("disk.source." + kind.name().toLowerCase(Locale.ROOT)));
            radio.setId("diskSource-" + kind.name().toLowerCase(Locale.ROOT));
            radio.setToggleGroup(group);
            radio.setUserData(kind);
            radio.setSelected(form.sourceKindProperty().get() == kind);
            kinds.getChildren().add(radio);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.sourceKindProperty().set((DiskForm.SourceKind) now.getUserData());
            }
        });
        grid.span(kinds);
        if (!drive) {
            ChoiceBox<String> pool = choice("diskPool", form.pools(), s -> s);
            pool.valueProperty().bindBidirectional(form.poolProperty());
            TextField name = text("diskName", form.nameProperty());
            TextField size = text("diskSize", form.sizeProperty());
            ChoiceBox<String> format = choice("diskFormat", DiskForm.FORMATS, s -> s);
            format.valueProperty().bindBidirectional(form.formatProperty());
            grid.field(messages.get("disk.pool"), pool)
                    .field(messages.get("disk.name"), name, form.nameErrorProperty())
                    .field(messages.get("disk.size"), size, form.sizeErrorProperty())
                    .field(messages.get("disk.format"), format);
            // Only the chosen kind's rows: a disabled field of another kind reads as one the user must fill.
            for (Control c : new Control[] {pool, name, size, format}) {
                grid.showWhen(c, form.sourceKindProperty().isEqualTo(DiskForm.SourceKind.NEW_VOLUME));
            }
        }
        volumeRows(grid, form, messages);
    }

    private static void volumeRows(Form grid, DiskForm form, Messages messages) {
        ComboBox<DiskForm.VolumeChoice> volume = new ComboBox<>(form.volumes());
        volume.setId("diskVolume");
        volume.setConverter(new DisplayConverter<>(v -> v == null ? "" : v.pool() + "/" + v.volume().name()
                + " (" + new ByteSize(v.volume().capacityBytes()).toHuman() + ")"
                + (v.usedBy().isEmpty() ? "" : " \u2014 " + messages.get("disk.usedBy", String.join(", ", v.usedBy())))));
        volume.valueProperty().bindBidirectional(form.volumeProperty());
        TextField path = text("diskPath", form.pathProperty());
        path.setPromptText("/var/lib/libvirt/images/debian-12.iso");
        grid.field(messages.get("disk.volume"), volume, form.volumeErrorProperty())
                .field(messages.get("disk.path"), path, form.pathErrorProperty())
                .showWhen(volume, form.sourceKindProperty().isEqualTo(DiskForm.SourceKind.EXISTING_VOLUME))
                .showWhen(path, form.sourceKindProperty().isEqualTo(DiskForm.SourceKind.PATH));
    }

    /** Insert media: an ISO volume of any pool of the node, or a path on it. */
    static Optional<DiskSpec.Source> media(Window owner, DiskForm form, VmDevice drive, Messages messages) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("media.title"), messages.get("media.header", drive.title()));
        dialog.getDialogPane().setId("mediaDialog");
        form.sourceKindProperty().set(DiskForm.SourceKind.EXISTING_VOLUME);
        form.volumes().sort((a, b) -> Boolean.compare(!a.volume().name().toLowerCase(Locale.ROOT).endsWith(".iso"),
                !b.volume().name().toLowerCase(Locale.ROOT).endsWith(".iso")));
        ToggleGroup group = new ToggleGroup();
        RadioButton fromVolume = new RadioButton(messages.get("disk.source.existing_volume"));
        fromVolume.setId("mediaFromVolume");
        fromVolume.setToggleGroup(group);
        fromVolume.setSelected(true);
        RadioButton fromPath = new RadioButton(messages.get("disk.source.path"));
        fromPath.setId("mediaFromPath");
        fromPath.setToggleGroup(group);
        group.selectedToggleProperty().addListener((obs, old, now) -> form.sourceKindProperty().set(
                now == fromPath ? DiskForm.SourceKind.PATH : DiskForm.SourceKind.EXISTING_VOLUME));
        Form grid = new Form().span(new HBox(12, fromVolume, fromPath));
        volumeRows(grid, form, messages);
        BooleanBinding valid = form.volumeErrorProperty().isEmpty().and(form.pathErrorProperty().isEmpty());
        return show(dialog, grid.grid(), messages.get("media.insert"), valid, () -> form.spec().source());
    }

    /**
     * The NIC dialog; with {@code networks} (may be null) it offers "New network…" on {@code nodeId} beside the
     * source, and the network made is chosen.
     */
    static Optional<NicSpec> nic(Window owner, NicForm form, Messages messages, NewNetworkViewModel networks, String nodeId) {
        String kind = form.editingExisting() ? "edit" : "add";
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("nic." + kind + ".title"), messages.get("nic." + kind + ".header"));
        dialog.getDialogPane().setId("nicDialog");
        ChoiceBox<String> type = choice("nicType", NicForm.TYPES, t -> messages.get("nic.type." + t));
        type.valueProperty().bindBidirectional(form.typeProperty());
        ComboBox<String> source = new ComboBox<>(FXCollections.observableArrayList(form.sources()));
        source.setId("nicSource");
        source.setEditable(true);
        source.getEditor().textProperty().bindBidirectional(form.sourceProperty());
        form.typeProperty().addListener((obs, old, now) -> source.getItems().setAll(form.sources()));
        source.disableProperty().bind(form.typeProperty().isEqualTo("user"));
        ChoiceBox<String> model = choice("nicModel", NicForm.MODELS, m -> m);
        model.valueProperty().bindBidirectional(form.modelProperty());
        TextField mac = text("nicMac", form.macProperty());
        mac.setEditable(!form.editingExisting());
        CheckBox link = new CheckBox(messages.get("nic.linkUp"));
        link.setId("nicLinkUp");
        link.selectedProperty().bindBidirectional(form.linkUpProperty());
        Form grid = new Form().field(messages.get("nic.type"), type)
                .field(messages.get("nic.source"), source, form.sourceErrorProperty());
        if (networks != null) {
            Button add = new Button(messages.get("network.new"));
            add.setId("nicNewNetwork");
            add.disableProperty().bind(form.typeProperty().isNotEqualTo("network"));
            add.setOnAction(e -> NewNetworkFlow.run(dialog.getDialogPane().getScene().getWindow(), messages, networks, nodeId, name -> {
                form.networkMade(name);
                source.getItems().setAll(form.sources());
                source.getEditor().setText(name);
            }));
            grid.span(add);
        }
        grid
                .field(messages.get("nic.model"), model)
                .field(messages.get("nic.mac"), mac, form.macErrorProperty())
                .span(link);
        return show(dialog, grid.grid(), messages.get(form.editingExisting() ? "nic.apply" : "nic.add"), form.validProperty(), form::spec);
    }

    private static <T> Optional<T> show(Dialog<ButtonType> dialog, Node content, String actionText, BooleanBinding valid,
            Supplier<T> result) {
        dialog.getDialogPane().setContent(content);
        ButtonType action = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(action, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(action);
        ok.setId("deviceOk");
        ok.disableProperty().bind(valid.not());
        dialog.getDialogPane().setPrefWidth(520);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == action ? Optional.of(result.get()) : Optional.empty();
    }

    private static <T> ChoiceBox<T> choice(String id, List<T> items, Function<T, String> words) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new DisplayConverter<>(v -> v == null ? "" : words.apply(v)));
        return box;
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
