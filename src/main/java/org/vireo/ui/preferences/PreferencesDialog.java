package org.vireo.ui.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Font;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.common.Theme;

/** The preferences dialog: statistics interval and which actions ask first. */
public final class PreferencesDialog {

    private PreferencesDialog() {
    }

    /**
     * @param nodes       the nodes the window can open on, id → name, in display order
     * @param desktopDark whether the desktop prefers dark (for "follow the desktop")
     */
    public static void show(Window owner, PreferencesViewModel viewModel, Messages messages,
                            Map<String, String> nodes, boolean desktopDark, ServiceCalls calls) {
        viewModel.reload();
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("prefs.title"), null);
        Spinner<Integer> interval = new Spinner<>(1, 60, viewModel.statsIntervalProperty().get());
        interval.setId("statsInterval");
        interval.setEditable(true);
        CheckBox forceOff = new CheckBox(messages.get("prefs.confirm.forceOff"));
        forceOff.setId("confirmForceOff");
        forceOff.selectedProperty().bindBidirectional(viewModel.confirmForceOffProperty());
        CheckBox delete = new CheckBox(messages.get("prefs.confirm.delete"));
        delete.setId("confirmDelete");
        delete.selectedProperty().bindBidirectional(viewModel.confirmDeleteProperty());
        CheckBox xmlEditing = new CheckBox(messages.get("prefs.allowXmlEditing"));
        xmlEditing.setId("allowXmlEditing");
        xmlEditing.setWrapText(true);
        xmlEditing.selectedProperty().bindBidirectional(viewModel.allowXmlEditingProperty());
        CheckBox reset = new CheckBox(messages.get("prefs.confirm.reset"));
        reset.setId("confirmReset");
        reset.selectedProperty().bindBidirectional(viewModel.confirmResetProperty());
        CheckBox nmi = new CheckBox(messages.get("prefs.confirm.nmi"));
        nmi.setId("confirmNmi");
        nmi.selectedProperty().bindBidirectional(viewModel.confirmNmiProperty());
        CheckBox deviceRemove = new CheckBox(messages.get("prefs.confirm.deviceRemove"));
        deviceRemove.setId("confirmDeviceRemove");
        deviceRemove.selectedProperty().bindBidirectional(viewModel.confirmDeviceRemoveProperty());
        CheckBox volumeDelete = new CheckBox(messages.get("prefs.confirm.volumeDelete"));
        volumeDelete.setId("confirmVolumeDelete");
        volumeDelete.selectedProperty().bindBidirectional(viewModel.confirmVolumeDeleteProperty());
        ChoiceBox<String> theme = new ChoiceBox<>(
                FXCollections.observableArrayList("light", "dark", "desktop"));
        theme.setId("prefsTheme");
        theme.setConverter(labels(id -> messages.get("prefs.theme." + id)));
        theme.setValue(viewModel.themeProperty().get());
        Spinner<Integer> fontSize = new Spinner<>(8, 36, viewModel.terminalFontSizeProperty().get());
        fontSize.setId("prefsTerminalFontSize");
        fontSize.setEditable(true);
        ComboBox<String> fontFamily = new ComboBox<>(
                FXCollections.observableArrayList(viewModel.terminalFontFamilyProperty().get()));
        fontFamily.setId("prefsTerminalFont");
        fontFamily.setValue(viewModel.terminalFontFamilyProperty().get());
        // Measuring every installed family loads its font files: off the FX thread; the list fills in when done.
        calls.local(MonospacedFonts::families).onSuccess(found -> {
            String chosen = fontFamily.getValue();
            fontFamily.getItems().setAll(found);
            fontFamily.setValue(chosen);
        }).start();
        // Each family shown in itself, so the user sees what the terminal will look like.
        fontFamily.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String family, boolean empty) {
                super.updateItem(family, empty);
                setText(empty ? null : family);
                setFont(empty ? Font.getDefault() : Font.font(family, 13));
            }
        });
        List<String> nodeIds = new ArrayList<>();
        nodeIds.add("");
        nodeIds.addAll(nodes.keySet());
        ChoiceBox<String> defaultNode = new ChoiceBox<>(
                FXCollections.observableArrayList(nodeIds));
        defaultNode.setId("prefsDefaultNode");
        defaultNode.setConverter(labels(id -> id.isEmpty() ? messages.get("prefs.defaultNode.all") : nodes.getOrDefault(id, id)));
        defaultNode.setValue(nodeIds.contains(viewModel.defaultNodeProperty().get()) ? viewModel.defaultNodeProperty().get() : "");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, FieldLabel.of(messages.get("prefs.theme"), theme), theme);
        grid.addRow(1, FieldLabel.of(messages.get("prefs.defaultNode"), defaultNode), defaultNode);
        grid.addRow(2, FieldLabel.of(messages.get("prefs.statsInterval"), interval), interval);
        grid.addRow(3, FieldLabel.of(messages.get("prefs.terminalFont"), fontFamily), fontFamily);
        grid.addRow(4, FieldLabel.of(messages.get("prefs.terminalFontSize"), fontSize), fontSize);
        grid.add(forceOff, 0, 5, 2, 1);
        grid.add(delete, 0, 6, 2, 1);
        grid.add(reset, 0, 7, 2, 1);
        grid.add(nmi, 0, 8, 2, 1);
        grid.add(deviceRemove, 0, 9, 2, 1);
        grid.add(volumeDelete, 0, 10, 2, 1);
        grid.add(xmlEditing, 0, 11, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            viewModel.statsIntervalProperty().set(interval.getValue());
            viewModel.terminalFontSizeProperty().set(fontSize.getValue());
            viewModel.terminalFontFamilyProperty().set(fontFamily.getValue());
            viewModel.themeProperty().set(theme.getValue());
            viewModel.defaultNodeProperty().set(defaultNode.getValue());
            viewModel.save();
            Theme.apply(Theme.Choice.parse(theme.getValue()), desktopDark);
        });
    }

    private static StringConverter<String> labels(Function<String, String> label) {
        return new DisplayConverter<>(id -> id == null ? "" : label.apply(id));
    }
}
