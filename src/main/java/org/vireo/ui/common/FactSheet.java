package org.vireo.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

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
    }

    public Label heading(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-name");
        return label;
    }

    /** Adds a row; returns the next row index. */
    public int fact(int row, String key, String value) {
        Label text = new Label(value);
        text.setId(idPrefix + key.substring(key.indexOf('.') + 1));
        grid.addRow(row, heading(key), text);
        return row + 1;
    }
}
