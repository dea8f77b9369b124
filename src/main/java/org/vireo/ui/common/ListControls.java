package org.vireo.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;

/** The buttons and text columns of the host pane's lists (pools, volumes, networks, leases), named and identified alike. */
public final class ListControls {

    private ListControls() {
    }

    /** A button with the text of {@code key}, its {@code id}, doing {@code action}. */
    public static Button button(Messages messages, String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A column headed by {@code key}'s text, its id the key's last part + "Column", showing {@code text} of each row. */
    public static <T> TableColumn<T, String> textColumn(Messages messages, String key, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(messages.get(key));
        column.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
