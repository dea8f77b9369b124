package org.vireo.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A form of labelled fields, two columns: each field's label is tied to it (screen readers, click
 * to focus), and a field that can be wrong gets its message right under it, styled by CSS
 * ({@code field-error-text}), with the field marked {@code field-error} while it is wrong.
 */
public final class Form {

    private final GridPane grid = new GridPane();
    private int row;

    public Form() {
        grid.setHgap(10);
        grid.setVgap(3);
        grid.getStyleClass().add("form");
    }

    /** A labelled field that stretches with the dialog. */
    public Form field(String label, Control control) {
        control.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(control, Priority.ALWAYS);
        grid.add(FieldLabel.of(label, control), 0, row);
        grid.add(control, 1, row++);
        return this;
    }

    /** A labelled field with its message under it ({@code error-<field id>}), shown while the message is not empty. */
    public Form field(String label, Control control, ObservableStringValue error) {
        field(label, control);
        grid.add(errorLabel(control, error), 1, row++);
        return this;
    }

    /** A node in the field column without a label (a check box, a note). */
    public Form span(Node node) {
        grid.add(node, 1, row++);
        return this;
    }

    /** A label and a read-only value. */
    public Form value(String label, Node value) {
        grid.add(new Label(label), 0, row);
        grid.add(value, 1, row++);
        return this;
    }

    public GridPane grid() {
        return grid;
    }

    /** The message under {@code control}: its text follows {@code error}, and the field is marked while it is not empty. */
    public static Label errorLabel(Control control, ObservableStringValue error) {
        Label message = new Label();
        message.setId("error-" + control.getId());
        message.getStyleClass().addAll("field-error-text", "field-message");
        message.setWrapText(true);
        message.textProperty().bind(error);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        error.addListener((obs, old, now) -> markError(control, now != null && !now.isEmpty()));
        markError(control, error.get() != null && !error.get().isEmpty());
        return message;
    }

    private static void markError(Control control, boolean wrong) {
        if (wrong && !control.getStyleClass().contains("field-error")) {
            control.getStyleClass().add("field-error");
        } else if (!wrong) {
            control.getStyleClass().remove("field-error");
        }
    }
}
