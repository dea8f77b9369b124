package org.vireo.ui.common;

import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A two-column grid of bold names and their values, with bold section headings: the details and host panes. */
public final class FactSheet {

    private final Messages messages;
    private final GridPane grid;
    private final String idPrefix;

    /** Each value label gets the id {@code idPrefix} + the key after its first dot. */
    public FactSheet(Messages messages, GridPane grid, String idPrefix) {
        this.messages = messages;
        this.grid = grid;
        this.idPrefix = idPrefix;
        // Names keep their whole text; values take the rest and wrap, so a 250-character VM name squeezes nothing.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().setAll(names, values);
    }

    public Label heading(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Adds a row; returns the next row index. */
    public int fact(int row, String key, String value) {
        Label text = new Label(value);
        text.setWrapText(true);
        text.setId(idPrefix + key.substring(key.indexOf('.') + 1));
        Label name = heading(key);
        GridPane.setValignment(name, VPos.TOP);
        grid.addRow(row, name, text);
        return row + 1;
    }
}
