package org.vireo.ui.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.service.device.DeviceRules;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.ListControls;
import org.vireo.ui.common.Messages;

/** The Storage tab: pools above (with a used/free bar), the chosen pool's volumes below, each with its actions. */
public final class StorageView {

    private final StorageViewModel viewModel;
    private final Messages messages;
    private final TableView<StoragePoolInfo> poolTable = new TableView<>();
    private final TableView<StorageVolumeInfo> volumeTable = new TableView<>();

    private final FilePicker files;

    public StorageView(StorageViewModel viewModel, Messages messages, FilePicker files) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.files = files;
    }

    public Node root() {
        poolTable.setId("poolTable");
        poolTable.setAccessibleText(messages.get("storage.pools"));
        poolTable.setItems(viewModel.pools());
        poolTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        poolTable.getColumns().setAll(List.of(
                column("storage.pool.name", StoragePoolInfo::name, 140),
                column("storage.pool.type", StoragePoolInfo::type, 70),
                column("storage.pool.state", p -> messages.get(p.active() ? "storage.active" : "storage.inactive"), 80),
                column("storage.pool.autostart", p -> messages.get(p.autostart() ? "table.autostart.yes" : "table.autostart.no"), 80),
                column("storage.pool.capacity", p -> p.active() ? new ByteSize(p.capacityBytes()).toHuman() : "", 90),
                usageColumn(),
                column("storage.pool.path", StoragePoolInfo::path, 200)));
        poolTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedPoolProperty().set(now);
            }
        });
        viewModel.selectedPoolProperty().addListener((obs, old, now) -> {
            if (now != null && poolTable.getSelectionModel().getSelectedItem() != now) {
                poolTable.getSelectionModel().select(now);
            }
        });

        Button start = button("startPool", "storage.start", viewModel::startPool);
        start.disableProperty().bind(viewModel.selectedPoolProperty().isNull().or(viewModel.poolActive()).or(viewModel.busyProperty()));
        Button stop = button("stopPool", "storage.stop", viewModel::stopPool);
        stop.disableProperty().bind(viewModel.poolActive().not().or(viewModel.busyProperty()));
        CheckBox autostart = new CheckBox(messages.get("storage.autostart"));
        autostart.setId("poolAutostart");
        viewModel.selectedPoolProperty().addListener((obs, old, now) -> autostart.setSelected(now != null && now.autostart()));
        autostart.setOnAction(e -> viewModel.setPoolAutostart(autostart.isSelected()));
        autostart.disableProperty().bind(viewModel.selectedPoolProperty().isNull().or(viewModel.busyProperty()));
        Button refresh = button("refreshPool", "storage.refresh", () -> {
            if (viewModel.poolActive().get()) {
                viewModel.refreshPool();
            } else {
                viewModel.refresh();
            }
        });
        Button deletePool = button("deletePool", "storage.deletePool", this::confirmDeletePool);
        deletePool.disableProperty().bind(viewModel.selectedPoolProperty().isNull().or(viewModel.busyProperty()));
        Button newPool = button("newPool", "storage.newPool", () -> NewPoolDialog.show(window(), viewModel, messages)
                .ifPresent(viewModel::createPool));
        newPool.disableProperty().bind(viewModel.nodeIdProperty().isNull().or(viewModel.busyProperty()));
        ToolBar poolBar = new ToolBar(newPool, start, stop, autostart, refresh, deletePool);

        volumeTable.setId("volumeTable");
        volumeTable.setAccessibleText(messages.get("storage.volumes"));
        volumeTable.setItems(viewModel.volumes());
        volumeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StorageVolumeInfo, String> usedBy = column("storage.volume.usedBy", v -> String.join(", ", v.usedBy()), 140);
        volumeTable.getColumns().setAll(List.of(
                column("storage.volume.name", StorageVolumeInfo::name, 180),
                column("storage.volume.format", StorageVolumeInfo::format, 60),
                sizeColumn("storage.volume.capacity", StorageVolumeInfo::capacityBytes),
                sizeColumn("storage.volume.allocation", StorageVolumeInfo::allocationBytes),
                usedBy,
                column("storage.volume.path", StorageVolumeInfo::path, 240)));
        volumeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedVolumeProperty().set(now));
        TextField filter = new TextField();
        filter.setId("volumeFilter");
        filter.setPromptText(messages.get("storage.volume.filter"));
        filter.setAccessibleText(messages.get("storage.volume.filter"));
        filter.textProperty().bindBidirectional(viewModel.volumeFilterProperty());
        Button newVolume = button("newVolume", "storage.newVolume", this::newVolume);
        newVolume.disableProperty().bind(viewModel.poolActive().not().or(viewModel.busyProperty()));
        Button resize = button("resizeVolume", "storage.resize", this::resize);
        Button deleteVolume = button("deleteVolume", "storage.deleteVolume", this::confirmDeleteVolume);
        Button cloneVolume = button("cloneVolume", "storage.clone", this::cloneVolume);
        for (Button b : List.of(resize, deleteVolume, cloneVolume)) {
            b.disableProperty().bind(viewModel.selectedVolumeProperty().isNull().or(viewModel.busyProperty()));
        }
        Button upload = button("uploadVolume", "storage.upload", this::upload);
        upload.disableProperty().bind(viewModel.poolActive().not());
        Button download = button("downloadVolume", "storage.download", this::download);
        download.disableProperty().bind(viewModel.selectedVolumeProperty().isNull());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ToolBar volumeBar = new ToolBar(newVolume, upload, download, cloneVolume, resize, deleteVolume, filter);

        Label message = new Label();
        message.setId("storageMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        BorderPane pools = new BorderPane(poolTable);
        pools.setTop(poolBar);
        BorderPane volumes = new BorderPane(volumeTable);
        volumes.setTop(volumeBar);
        SplitPane split = new SplitPane(pools, volumes);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox box = new VBox(4, message, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        box.setId("storagePane");
        return box;
    }

    private Button button(String id, String key, Runnable action) {
        return ListControls.button(messages, id, key, action);
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> text, double width) {
        return ListControls.textColumn(messages, key, text, width);
    }

    private TableColumn<StorageVolumeInfo, ByteSize> sizeColumn(String key, Function<StorageVolumeInfo, Long> bytes) {
        TableColumn<StorageVolumeInfo, ByteSize> column = new TableColumn<>(messages.get(key));
        column.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(new ByteSize(bytes.apply(c.getValue()))));
        column.getStyleClass().add("numeric");
        column.setPrefWidth(90);
        return column;
    }

    /** Used and free as a bar with the figures on it. */
    private TableColumn<StoragePoolInfo, StoragePoolInfo> usageColumn() {
        TableColumn<StoragePoolInfo, StoragePoolInfo> column = new TableColumn<>(messages.get("storage.pool.used"));
        column.setId("usedColumn");
        column.setPrefWidth(220);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label words = new Label();
            private final HBox both = new HBox(6, bar, words);

            {
                bar.setPrefWidth(60);
                bar.setMinWidth(60);
                both.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(StoragePoolInfo pool, boolean empty) {
                super.updateItem(pool, empty);
                if (empty || pool == null || !pool.active()) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(pool.usedFraction());
                words.setText(messages.get("storage.pool.usedWords", new ByteSize(pool.allocationBytes()).toHuman(),
                        new ByteSize(pool.availableBytes()).toHuman()));
                setGraphic(both);
            }
        });
        return column;
    }

    private Window window() {
        return poolTable.getScene().getWindow();
    }

    private void confirmDeletePool() {
        StoragePoolInfo pool = viewModel.selectedPoolProperty().get();
        CheckBox contents = new CheckBox(messages.get("storage.deletePool.contents", pool.path().isEmpty() ? pool.name() : pool.path()));
        contents.setId("deletePoolContents");
        contents.setWrapText(true);
        VBox content = new VBox(8, Dialogs.wrapped(messages.get("storage.deletePool.text")), contents);
        StringBinding action = Bindings.createStringBinding(() -> messages.get(contents.isSelected()
                ? "storage.deletePool.withContents" : "storage.deletePool.ok"), contents.selectedProperty());
        if (Dialogs.confirm(window(), "deletePoolDialog", messages.get("storage.deletePool.title"),
                messages.get("storage.deletePool.header", pool.name()), content, action)) {
            viewModel.deletePool(contents.isSelected());
        }
    }

    private void confirmDeleteVolume() {
        StorageVolumeInfo volume = viewModel.selectedVolumeProperty().get();
        if (Dialogs.confirm(window(), "deleteVolumeDialog", messages.get("storage.deleteVolume.title"),
                messages.get("storage.deleteVolume.header", volume.name()), messages.get("storage.deleteVolume.text", volume.path()),
                messages.get("storage.deleteVolume.ok"))) {
            viewModel.deleteVolume(volume);
        }
    }

    /** The pool as the device rules see it: its free space and the names taken. */
    private NodeFacts.Pool rulesPool() {
        StoragePoolInfo pool = viewModel.selectedPoolProperty().get();
        return new NodeFacts.Pool(pool.name(), pool.active(), pool.capacityBytes(), pool.availableBytes(), pool.path(),
                viewModel.volumes().stream().map(v -> new NodeFacts.Volume(v.name(), v.path(), v.capacityBytes())).toList());
    }

    private void newVolume() {
        NodeFacts.Pool pool = rulesPool();
        Dialog<ButtonType> dialog = Dialogs.form(window(), messages.get("storage.newVolume.title"),
                messages.get("storage.newVolume.header", pool.name()));
        dialog.getDialogPane().setId("newVolumeDialog");
        TextField name = new TextField();
        name.setId("volumeName");
        ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("qcow2", "raw"));
        format.setId("volumeFormat");
        format.setValue("qcow2");
        TextField size = new TextField("10");
        size.setId("volumeSize");
        CheckBox preallocate = new CheckBox(messages.get("storage.newVolume.preallocate"));
        preallocate.setId("volumePreallocate");
        ChoiceBox<String> backing = new ChoiceBox<>();
        backing.setId("volumeBacking");
        backing.getItems().add("");
        backing.getItems().addAll(viewModel.volumes().stream().map(StorageVolumeInfo::path).toList());
        backing.setValue("");
        backing.setConverter(new DisplayConverter<>(p -> p == null || p.isEmpty() ? messages.get("storage.newVolume.noBacking") : p));
        backing.disableProperty().bind(format.valueProperty().isNotEqualTo("qcow2"));
        StringBinding nameError = Bindings.createStringBinding(() -> DeviceRules.volumeNameProblem(name.getText(), pool), name.textProperty());
        StringBinding sizeError = Bindings.createStringBinding(() -> DeviceRules.sizeProblem(size.getText(), pool, format.getValue()),
                size.textProperty(), format.valueProperty());
        dialog.getDialogPane().setContent(new Form()
                .field(messages.get("storage.newVolume.name"), name, nameError, "volumeNameError")
                .field(messages.get("storage.newVolume.format"), format)
                .field(messages.get("storage.newVolume.size"), size, sizeError, "volumeSizeError")
                .span(preallocate)
                .field(messages.get("storage.newVolume.backing"), backing)
                .grid());
        ButtonType create = new ButtonType(messages.get("storage.newVolume.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(create);
        ok.setId("volumeOk");
        ok.disableProperty().bind(nameError.isNotEmpty().or(sizeError.isNotEmpty()));
        dialog.showAndWait().filter(b -> b == create).ifPresent(b -> viewModel.createVolume(name.getText().strip(), format.getValue(),
                DeviceRules.size(size.getText()).orElseThrow(), preallocate.isSelected(), "qcow2".equals(format.getValue())
                        ? Optional.ofNullable(backing.getValue()).orElse("") : ""));
    }

    /** A local file into the chosen pool: its volume name asked, then the upload shows in the Jobs window. */
    private void upload() {
        files.open(window(), messages.get("storage.upload.title")).ifPresent(file -> {
            NodeFacts.Pool pool = rulesPool();
            viewModel.sizeOf(file, size -> UploadDialog.ask(window(), messages, file, size, List.of(pool), pool.name())
                    .ifPresent(choice -> viewModel.upload(file, choice.volumeName())),
                    why -> Dialogs.error(window(), messages.get("storage.upload.title"), why, "").showAndWait());
        });
    }

    /** A copy of the chosen volume in its pool under a new name, checked as typed; the copy shows in the Jobs window. */
    private void cloneVolume() {
        StorageVolumeInfo volume = viewModel.selectedVolumeProperty().get();
        NodeFacts.Pool pool = rulesPool();
        Dialog<ButtonType> dialog = Dialogs.form(window(), messages.get("storage.clone.title"),
                messages.get("storage.clone.header", volume.name(), new ByteSize(volume.capacityBytes()).toHuman(), pool.name()));
        dialog.getDialogPane().setId("cloneVolumeDialog");
        int dot = volume.name().lastIndexOf('.');
        TextField name = new TextField(dot > 0 ? volume.name().substring(0, dot) + "-clone" + volume.name().substring(dot)
                : volume.name() + "-clone");
        name.setId("cloneVolumeName");
        StringBinding nameError = Bindings.createStringBinding(() -> DeviceRules.volumeNameProblem(name.getText(), pool), name.textProperty());
        Form form = new Form().field(messages.get("storage.clone.name"), name, nameError, "cloneVolumeNameError");
        if (!volume.usedBy().isEmpty()) {
            Label warning = Dialogs.wrapped(messages.get("storage.clone.inUse", String.join(", ", volume.usedBy())));
            warning.getStyleClass().add("field-warning-text");
            form.span(warning);
        }
        dialog.getDialogPane().setContent(form.grid());
        ButtonType go = new ButtonType(messages.get("storage.clone.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(go);
        ok.setId("cloneVolumeOk");
        ok.disableProperty().bind(nameError.isNotEmpty());
        dialog.showAndWait().filter(b -> b == go).ifPresent(b -> viewModel.cloneVolume(volume, name.getText().strip()));
    }

    private void download() {
        StorageVolumeInfo volume = viewModel.selectedVolumeProperty().get();
        files.save(window(), messages.get("storage.download"), volume.name()).ifPresent(file -> viewModel.download(volume, file));
    }

    private void resize() {
        StorageVolumeInfo volume = viewModel.selectedVolumeProperty().get();
        NodeFacts.Pool pool = rulesPool();
        Dialog<ButtonType> dialog = Dialogs.form(window(), messages.get("storage.resize.title"),
                messages.get("storage.resize.header", volume.name(), new ByteSize(volume.capacityBytes()).toHuman()));
        dialog.getDialogPane().setId("resizeDialog");
        TextField size = new TextField(new ByteSize(volume.capacityBytes()).toHuman());
        size.setId("resizeSize");
        CheckBox shrink = new CheckBox(messages.get("storage.resize.shrink"));
        shrink.setId("resizeShrink");
        shrink.setWrapText(true);
        StringBinding sizeError = Bindings.createStringBinding(() -> {
            Optional<Long> bytes = DeviceRules.size(size.getText());
            if (bytes.isEmpty()) {
                return DeviceRules.sizeProblem(size.getText(), pool, volume.format());
            }
            long grow = bytes.get() - volume.capacityBytes();
            if (grow > 0 && "raw".equals(volume.format()) && pool.availableBytes() >= 0 && grow > pool.availableBytes()) {
                return messages.get("storage.resize.noRoom", new ByteSize(pool.availableBytes()).toHuman());
            }
            return bytes.get() == volume.capacityBytes() ? messages.get("storage.resize.same") : "";
        }, size.textProperty());
        shrink.visibleProperty().bind(Bindings.createBooleanBinding(() -> DeviceRules.size(size.getText())
                .map(b -> b < volume.capacityBytes()).orElse(false), size.textProperty()));
        shrink.managedProperty().bind(shrink.visibleProperty());
        dialog.getDialogPane().setContent(new Form()
                .field(messages.get("storage.resize.size"), size, sizeError, "resizeSizeError")
                .span(shrink)
                .grid());
        ButtonType apply = new ButtonType(messages.get("storage.resize.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(apply);
        ok.setId("resizeOk");
        // Shrinking loses what lies past the new end: only once that is ticked.
        ok.disableProperty().bind(sizeError.isNotEmpty().or(shrink.visibleProperty().and(shrink.selectedProperty().not())));
        dialog.showAndWait().filter(b -> b == apply).ifPresent(b -> viewModel.resizeVolume(volume,
                DeviceRules.size(size.getText()).orElseThrow(), shrink.isVisible() && shrink.isSelected()));
    }
}
