package org.vireo.ui.details;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vireo.model.VmDetails;
import org.vireo.model.VmSettings;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** The Processor, Memory and Boot options pages of the Hardware tab, over {@link SettingsViewModel}. */
final class SettingsPages {

    private final SettingsViewModel viewModel;
    private final Messages messages;
    private final ReadOnlyObjectProperty<VmDetails> details;

    SettingsPages(SettingsViewModel viewModel, ReadOnlyObjectProperty<VmDetails> details, Messages messages) {
        this.viewModel = viewModel;
        this.details = details;
        this.messages = messages;
    }

    Node processor() {
        TextField vcpus = field("vcpusField", viewModel.vcpusProperty(), 6);
        TextField maxVcpus = field("maxVcpusField", viewModel.maxVcpusProperty(), 6);
        ChoiceBox<String> mode = new ChoiceBox<>();
        mode.setId("cpuMode");
        mode.setConverter(new DisplayConverter<>(m -> m == null ? "" : m.isEmpty() ? messages.get("settings.cpu.mode.default")
                : messages.get("settings.cpu.mode." + m)));
        ComboBox<String> model = new ComboBox<>();
        model.setId("cpuModel");
        model.setEditable(true);
        model.setVisibleRowCount(14);
        model.disableProperty().bind(viewModel.cpuModeProperty().isNotEqualTo("custom"));
        Label modelsFrom = note("cpuModelsFrom");
        viewModel.settingsProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            List<String> modes = new ArrayList<>(List.of(""));
            modes.addAll(now.limits().cpuModes());
            if (!modes.contains(viewModel.cpuModeProperty().get())) {
                modes.add(viewModel.cpuModeProperty().get());   // what the VM has, even where the node would not offer it
            }
            mode.getItems().setAll(modes);
            mode.setValue(viewModel.cpuModeProperty().get());
            model.getItems().setAll(now.limits().cpuModels());
            modelsFrom.setText(now.limits().modelsFrom());
        });
        mode.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.cpuModeProperty().set(now);
            }
        });
        viewModel.cpuModeProperty().addListener((obs, old, now) -> mode.setValue(now));
        model.valueProperty().addListener((obs, old, now) -> viewModel.cpuModelProperty().set(now == null ? "" : now));
        model.getEditor().textProperty().addListener((obs, old, now) -> viewModel.cpuModelProperty().set(now == null ? "" : now));
        viewModel.cpuModelProperty().addListener((obs, old, now) -> {
            if (!now.equals(model.getEditor().getText())) {
                model.setValue(now);
            }
        });
        TextField sockets = field("socketsField", viewModel.socketsProperty(), 4);
        TextField cores = field("coresField", viewModel.coresProperty(), 4);
        TextField threads = field("threadsField", viewModel.threadsProperty(), 4);
        Form form = new Form()
                .field(messages.get("settings.cpu.vcpus"), vcpus, viewModel.vcpusErrorProperty(), "vcpusError")
                .field(messages.get("settings.cpu.maxVcpus"), maxVcpus, errorOrWarning(viewModel.maxVcpusErrorProperty(),
                        viewModel.maxVcpusWarningProperty()), "maxVcpusError")
                .field(messages.get("settings.cpu.mode"), mode)
                .field(messages.get("settings.cpu.model"), model, viewModel.modelErrorProperty(), "cpuModelError")
                .span(modelsFrom)
                .field(messages.get("settings.cpu.sockets"), sockets)
                .field(messages.get("settings.cpu.cores"), cores)
                .field(messages.get("settings.cpu.threads"), threads, viewModel.topologyErrorProperty(), "topologyError");
        return page("processor", messages.get("settings.cpu.hint"), form, viewModel.cpuPendingProperty(),
                viewModel.cpuMessageProperty(), "Cpu", viewModel.canApplyCpu(), viewModel::applyCpu, viewModel::revertCpu);
    }

    Node memory() {
        TextField current = field("memoryCurrentField", viewModel.memoryCurrentProperty(), 10);
        TextField maximum = field("memoryMaxField", viewModel.memoryMaximumProperty(), 10);
        Form form = new Form()
                .field(messages.get("settings.memory.current"), current, viewModel.memoryCurrentErrorProperty(), "memoryCurrentError")
                .field(messages.get("settings.memory.maximum"), maximum, viewModel.memoryMaximumErrorProperty(), "memoryMaxError");
        return page("memory", messages.get("settings.memory.hint"), form, viewModel.memoryPendingProperty(),
                viewModel.memoryMessageProperty(), "Memory", viewModel.canApplyMemory(), viewModel::applyMemory, viewModel::revertMemory);
    }

    Node boot() {
        ListView<SettingsViewModel.BootRow> list = new ListView<>(viewModel.bootRows());
        list.setId("bootList");
        list.setAccessibleText(messages.get("settings.boot.list"));
        list.setPrefHeight(180);
        list.setCellFactory(l -> new BootCell());
        Button up = new Button(messages.get("settings.boot.up"));
        up.setId("bootUp");
        Button down = new Button(messages.get("settings.boot.down"));
        down.setId("bootDown");
        Runnable moveUp = () -> move(list, -1);
        Runnable moveDown = () -> move(list, 1);
        up.setOnAction(e -> moveUp.run());
        down.setOnAction(e -> moveDown.run());
        up.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(1));
        down.disableProperty().bind(Bindings.createBooleanBinding(() -> list.getSelectionModel().getSelectedIndex() < 0
                || list.getSelectionModel().getSelectedIndex() >= viewModel.bootRows().size() - 1,
                list.getSelectionModel().selectedIndexProperty(), viewModel.bootRows()));
        // The keyboard moves them too: Alt+Up, Alt+Down; Space ticks and unticks.
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                moveUp.run();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                moveDown.run();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && list.getSelectionModel().getSelectedItem() != null) {
                SettingsViewModel.BootRow row = list.getSelectionModel().getSelectedItem();
                row.enabledProperty().set(!row.enabledProperty().get());
                e.consume();
            }
        });
        VBox buttons = new VBox(6, up, down);
        HBox order = new HBox(8, list, buttons);
        HBox.setHgrow(list, Priority.ALWAYS);
        CheckBox menu = new CheckBox(messages.get("settings.boot.menu"));
        menu.setId("bootMenu");
        menu.selectedProperty().bindBidirectional(viewModel.bootMenuProperty());
        TextField seconds = field("bootMenuSeconds", viewModel.menuSecondsProperty(), 4);
        seconds.disableProperty().bind(viewModel.bootMenuProperty().not());
        Label firmware = note("bootFirmware");
        firmware.textProperty().bind(Bindings.createStringBinding(() -> firmwareWords(details.get()), details));
        Form form = new Form()
                .value(messages.get("settings.boot.firmware"), firmware)
                .span(new Label(messages.get("settings.boot.order")))
                .span(order)
                .span(menu)
                .field(messages.get("settings.boot.menuSeconds"), seconds, viewModel.menuSecondsErrorProperty(), "bootMenuSecondsError");
        return page("boot", messages.get("settings.boot.hint"), form, viewModel.bootPendingProperty(),
                viewModel.bootMessageProperty(), "Boot", viewModel.canApplyBoot(), viewModel::applyBoot, viewModel::revertBoot);
    }

    private void move(ListView<SettingsViewModel.BootRow> list, int by) {
        int index = list.getSelectionModel().getSelectedIndex();
        viewModel.move(index, by);
        int to = Math.max(0, Math.min(viewModel.bootRows().size() - 1, index + by));
        list.getSelectionModel().clearAndSelect(to);
        list.requestFocus();
    }

    private String firmwareWords(VmDetails loaded) {
        if (loaded == null) {
            return "";
        }
        VmDetails.Platform p = loaded.platform();
        StringBuilder words = new StringBuilder(messages.get("settings.firmware." + p.firmware()));
        if (!p.loader().isEmpty()) {
            words.append('\n').append(messages.get("settings.firmware.loader", p.loader()));
        }
        if (!p.nvram().isEmpty()) {
            words.append('\n').append(messages.get("settings.firmware.nvram", p.nvram()));
        }
        return words.toString();
    }

    /** A page: what it is about, its fields, what is pending, the outcome of the last Apply, and Apply and Revert. */
    private Node page(String id, String hint, Form form, ObservableStringValue pending, ObservableStringValue outcome, String suffix,
                      BooleanBinding canApply, Runnable apply, Runnable revert) {
        Label about = note(id + "Hint");
        about.setText(hint);
        Label pendingLabel = note(lowerFirst(suffix) + "Pending");
        pendingLabel.getStyleClass().add("field-warning-text");
        pendingLabel.textProperty().bind(pending);
        pendingLabel.visibleProperty().bind(Bindings.isNotEmpty(pending));
        pendingLabel.managedProperty().bind(pendingLabel.visibleProperty());
        Label message = note(lowerFirst(suffix) + "Message");
        message.textProperty().bind(outcome);
        message.visibleProperty().bind(Bindings.isNotEmpty(outcome));
        message.managedProperty().bind(message.visibleProperty());
        Button applyButton = new Button(messages.get("settings.apply"));
        applyButton.setId("apply" + suffix);
        applyButton.setDefaultButton(false);
        applyButton.disableProperty().bind(canApply.not());
        applyButton.setOnAction(e -> apply.run());
        Button revertButton = new Button(messages.get("settings.revert"));
        revertButton.setId("revert" + suffix);
        revertButton.disableProperty().bind(viewModel.busyProperty());
        revertButton.setOnAction(e -> revert.run());
        VBox box = new VBox(10, about, form.grid(), pendingLabel, new HBox(8, applyButton, revertButton), message);
        box.setPadding(new Insets(8));
        box.setId(id + "Page");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static TextField field(String id, StringProperty text, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Label note(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static StringBinding errorOrWarning(StringBinding error, StringBinding warning) {
        return Bindings.createStringBinding(() -> error.get().isEmpty() ? warning.get() : error.get(), error, warning);
    }

    /** A device in the boot order: ticked when it boots, with its place when it does. */
    private final class BootCell extends ListCell<SettingsViewModel.BootRow> {
        private final CheckBox box = new CheckBox();
        private SettingsViewModel.BootRow bound;

        BootCell() {
            box.setFocusTraversable(false);
        }

        @Override
        protected void updateItem(SettingsViewModel.BootRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.enabledProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = row;
            box.selectedProperty().bindBidirectional(row.enabledProperty());
            VmSettings.BootDevice device = row.device();
            int place = 0;
            for (SettingsViewModel.BootRow other : viewModel.bootRows()) {
                place += other.enabledProperty().get() ? 1 : 0;
                if (other == row) {
                    break;
                }
            }
            String first = row.enabledProperty().get() ? place + ". " : "";
            box.setText(first + device.title() + (device.summary().isEmpty() ? "" : " · " + device.summary()));
            box.setAccessibleText(messages.get("settings.boot.item", device.title()));
            setGraphic(box);
            setText(null);
        }
    }
}
