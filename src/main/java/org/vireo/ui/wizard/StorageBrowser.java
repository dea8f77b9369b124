package org.vireo.ui.wizard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;

/**
 * Browse… beside the wizard's volume pickers: every volume of every running pool of the node in one table (pool, name,
 * size, format, the VMs that have it as a disk), those that fit the picker first shown, all on request, filtered as typed.
 */
final class StorageBrowser {

    /** One volume and its pool. */
    record Row(String pool, NodeFacts.Volume volume) {
    }

    private StorageBrowser() {
    }

    /** The path of the volume picked, or empty when cancelled. */
    static Optional<String> pick(Window owner, Messages messages, NodeFacts facts, Predicate<NodeFacts.Volume> fits, String header) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("browser.title"), header);
        dialog.getDialogPane().setId("storageBrowser");
        List<Row> rows = facts.pools().stream().filter(NodeFacts.Pool::active)
                .flatMap(p -> p.volumes().stream().map(v -> new Row(p.name(), v))).toList();
        FilteredList<Row> shown = new FilteredList<>(FXCollections.observableArrayList(rows));
        TextField filter = new TextField();
        filter.setId("browser-filter");
        filter.setPromptText(messages.get("browser.filter"));
        CheckBox all = new CheckBox(messages.get("browser.all"));
        all.setId("browser-all");
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String text = filter.getText().strip().toLowerCase(Locale.ROOT);
            boolean every = all.isSelected();
            return row -> (every || fits.test(row.volume())) && (text.isEmpty()
                    || (row.pool() + " " + row.volume().name()).toLowerCase(Locale.ROOT).contains(text));
        }, filter.textProperty(), all.selectedProperty()));
        TableView<Row> table = new TableView<>(shown);
        table.setId("browser-table");
        table.setPlaceholder(Dialogs.wrapped(messages.get("browser.none")));
        table.getColumns().add(column(messages.get("browser.pool"), Row::pool, 110));
        table.getColumns().add(column(messages.get("browser.volume"), r -> r.volume().name(), 230));
        table.getColumns().add(column(messages.get("browser.size"), r -> new ByteSize(r.volume().capacityBytes()).toHuman(), 80));
        table.getColumns().add(column(messages.get("browser.format"), r -> r.volume().format(), 70));
        table.getColumns().add(column(messages.get("browser.usedBy"), r -> String.join(", ", r.volume().usedAsDiskBy()), 140));
        table.setPrefSize(680, 320);
        table.setRowFactory(view -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    dialog.setResult(ButtonType.OK);
                    dialog.close();
                }
            });
            return row;
        });
        HBox top = new HBox(10, filter, all);
        HBox.setHgrow(filter, Priority.ALWAYS);
        dialog.getDialogPane().setContent(new VBox(8, top, table));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .flatMap(b -> Optional.ofNullable(table.getSelectionModel().getSelectedItem())).map(r -> r.volume().path());
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
