package org.vireo.ui.details;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.vireo.model.VmSnapshot;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** The Snapshots tab: the snapshot tree with take, revert and delete. */
final class SnapshotsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SnapshotsViewModel viewModel;
    private final Messages messages;
    private final TreeTableView<VmSnapshot> tree = new TreeTableView<>();
    private final VBox root;

    SnapshotsView(SnapshotsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        tree.setId("snapshotTree");
        tree.setAccessibleText(messages.get("snapshots.accessible"));
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label(messages.get("snapshots.none")));
        tree.getColumns().addAll(List.of(
                column("snapshots.column.name", 200, s -> s.current() ? s.name() + "  ● " + messages.get("snapshots.current") : s.name()),
                column("snapshots.column.created", 150, s -> WHEN.format(s.created())),
                column("snapshots.column.state", 80, VmSnapshot::state),
                column("snapshots.column.kind", 130, s -> messages.get(s.external() ? "snapshots.external" : "snapshots.internal")
                        + (s.memory() ? ", " + messages.get("snapshots.withMemory") : "")),
                column("snapshots.column.description", 200, s -> s.description().replace('\n', ' '))));
        viewModel.snapshots().addListener((ListChangeListener<VmSnapshot>) change -> rebuild());

        Button take = new Button(messages.get("snapshots.take"));
        take.setId("takeSnapshot");
        take.setOnAction(e -> take());
        Button revert = new Button(messages.get("snapshots.revert"));
        revert.setId("revertSnapshot");
        revert.setOnAction(e -> selected().ifPresent(this::revert));
        Button delete = new Button(messages.get("snapshots.delete"));
        delete.setId("deleteSnapshot");
        delete.setOnAction(e -> selected().ifPresent(this::delete));
        var noneSelected = tree.getSelectionModel().selectedItemProperty().isNull();
        take.disableProperty().bind(viewModel.busyProperty().or(viewModel.vmProperty().isNull()));
        revert.disableProperty().bind(viewModel.busyProperty().or(noneSelected));
        delete.disableProperty().bind(viewModel.busyProperty().or(noneSelected));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("snapshotMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        HBox bar = new HBox(8, take, revert, delete, progress, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        root = new VBox(8, bar, tree);
        root.setPadding(new Insets(8));
        VBox.setVgrow(tree, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    private TreeTableColumn<VmSnapshot, String> column(String key, double width, Function<VmSnapshot, String> text) {
        TreeTableColumn<VmSnapshot, String> column = new TreeTableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : text.apply(cell.getValue().getValue())));
        return column;
    }

    private void rebuild() {
        String keep = selected().map(VmSnapshot::name).orElse("");
        TreeItem<VmSnapshot> top = new TreeItem<>();
        Map<String, TreeItem<VmSnapshot>> items = new HashMap<>();
        TreeItem<VmSnapshot> reselect = null;
        for (VmSnapshot s : viewModel.snapshots()) {   // parents first
            TreeItem<VmSnapshot> item = new TreeItem<>(s);
            item.setExpanded(true);
            items.put(s.name(), item);
            items.getOrDefault(s.parent(), top).getChildren().add(item);
            if (s.name().equals(keep)) {
                reselect = item;
            }
        }
        tree.setRoot(top);
        if (reselect != null) {
            tree.getSelectionModel().select(reselect);
        }
    }

    private Optional<VmSnapshot> selected() {
        TreeItem<VmSnapshot> item = tree.getSelectionModel().getSelectedItem();
        return Optional.ofNullable(item == null ? null : item.getValue());
    }

    private void take() {
        Dialog<ButtonType> dialog = Dialogs.form(root.getScene().getWindow(), messages.get("snapshots.take.title"),
                messages.get("snapshots.take.header", viewModel.vmProperty().get().name()));
        TextField name = new TextField(viewModel.suggestedName());
        name.setId("snapshotName");
        StringBinding nameProblem = Bindings.createStringBinding(() -> viewModel.nameProblem(name.getText()), name.textProperty());
        TextArea description = new TextArea();
        description.setId("snapshotDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        CheckBox memory = new CheckBox(messages.get("snapshots.take.memory"));
        memory.setId("snapshotMemory");
        memory.setSelected(viewModel.running());
        memory.setDisable(!viewModel.running());
        GridPane grid = new Form().field(messages.get("snapshots.take.name"), name, nameProblem, "snapshotNameError")
                .field(messages.get("snapshots.take.description"), description).span(memory).grid();
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("snapshotOk");
        ok.disableProperty().bind(nameProblem.isNotEmpty());
        name.requestFocus();
        dialog.showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(b -> viewModel.take(name.getText(), description.getText(), memory.isSelected()));
    }

    private void revert(VmSnapshot snapshot) {
        String vm = viewModel.vmProperty().get().name();
        String lost = messages.get(viewModel.running() ? "snapshots.revert.lostRunning" : "snapshots.revert.lost", vm, snapshot.name());
        if (Dialogs.confirm(root.getScene().getWindow(), "revertConfirm", messages.get("snapshots.revert.title"),
                messages.get("snapshots.revert.header", vm, snapshot.name()), lost, messages.get("snapshots.revert.action", snapshot.name()))) {
            viewModel.revert(snapshot);
        }
    }

    private void delete(VmSnapshot snapshot) {
        List<VmSnapshot> children = viewModel.descendantsOf(snapshot);
        CheckBox withChildren = new CheckBox(messages.get("snapshots.delete.children", children.size()));
        withChildren.setId("deleteChildren");
        VBox content = new VBox(8, Dialogs.wrapped(messages.get("snapshots.delete.text")));
        if (!children.isEmpty()) {
            content.getChildren().add(withChildren);
        }
        if (Dialogs.confirm(root.getScene().getWindow(), "deleteSnapshotConfirm", messages.get("snapshots.delete.title"),
                messages.get("snapshots.delete.header", snapshot.name()), content, messages.get("snapshots.delete.action", snapshot.name()))) {
            viewModel.delete(snapshot, withChildren.isSelected());
        }
    }
}
