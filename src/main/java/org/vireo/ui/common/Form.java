package org.vireo.ui.common;

import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A form of labelled fields, two columns: each field's label is tied to it (screen readers, click
 * to focus), and a field that can be wrong gets its message right under it, styled by CSS
 * ({@code field-error-text}), with the field marked {@code field-error} while it is wrong and
 * decorated by ControlsFX's validation (the icon at its corner, with the message as its tooltip).
 */
public final class Form {

    private static final String FIT_PENDING = "vireo.form.fitPending";

    private static final double FIELD_MIN_WIDTH = 260;

    private final GridPane grid = new GridPane();
    private final ValidationSupport validation = new ValidationSupport();
    private int row;

    public Form() {
        grid.setHgap(10);
        grid.setVgap(3);
        grid.getStyleClass().add("form");
        // Labels never shrink to "…"; the fields take the rest, and messages wrap at the fields' width.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(FIELD_MIN_WIDTH);
        grid.getColumnConstraints().setAll(labels, fields);
    }

    /** A labelled field that stretches with the dialog. */
    public Form field(String label, Control control) {
        control.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(control, Priority.ALWAYS);
        grid.add(FieldLabel.of(label, control), 0, row);
        grid.add(control, 1, row++);
        return this;
    }

    /** A labelled field with its message under it ({@code error-<field id>}); its line is kept while there is none. */
    public Form field(String label, Control control, ObservableStringValue error) {
        field(label, control);
        grid.add(errorLabel(control, error), 1, row++);
        decorate(validation, control, error::get, () -> "", error);
        return this;
    }

    /** As {@link #field(String, Control, ObservableStringValue)}, the message with its own id. */
    public Form field(String label, Control control, ObservableStringValue error, String errorId) {
        field(label, control, error);
        grid.getChildren().get(grid.getChildren().size() - 1).setId(errorId);
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

    /** The control's row (its label and message too) only while {@code shown} holds. */
    public Form showWhen(Control control, ObservableValue<Boolean> shown) {
        for (Node node : grid.getChildren()) {
            boolean mine = node == control || (control.getId() + "Error").equals(node.getId())
                    || ("error-" + control.getId()).equals(node.getId())
                    || node instanceof Label label && label.getLabelFor() == control;
            if (mine) {
                node.visibleProperty().bind(shown);
                node.managedProperty().bind(shown);
            }
        }
        // Rows that come or go resize the window to its content, so no gap and no hidden buttons remain.
        shown.addListener((obs, was, now) -> fitWindow(grid));
        return this;
    }

    /** The message under {@code control}: its text follows {@code error}, and the field is marked while it is not empty. */
    public static Label errorLabel(Control control, ObservableStringValue error) {
        Label message = new Label();
        message.setId("error-" + control.getId());
        message.getStyleClass().addAll("field-error-text", "field-message");
        message.setWrapText(true);
        // Wraps at the field's width rather than widening the form, and is as tall as its lines.
        message.prefWidthProperty().bind(control.widthProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(error);
        // Always in the layout, one line tall while empty: a message that appears does not push the
        // fields below it down under the pointer (only a second line of it does).
        error.addListener((obs, old, now) -> {
            markError(control, now != null && !now.isEmpty());
            growToFit(message);
        });
        markError(control, error.get() != null && !error.get().isEmpty());
        return message;
    }

    /**
     * ControlsFX's decoration on {@code control}: an error while {@code error} says something, else a
     * warning while {@code warning} does; checked again whenever one of {@code triggers} changes (the
     * field's own value, or another field its check depends on).
     */
    public static void decorate(ValidationSupport support, Control control, Supplier<String> error, Supplier<String> warning,
                                Observable... triggers) {
        support.registerValidator(control, false, (Control c, Object value) -> {
            String e = error.get();
            String w = warning.get();
            return e != null && !e.isEmpty() ? ValidationResult.fromError(c, e)
                    : w != null && !w.isEmpty() ? ValidationResult.fromWarning(c, w) : new ValidationResult();
        });
        for (Observable trigger : triggers) {
            trigger.addListener(o -> support.revalidate(control));
        }
    }

    /** The window of {@code node} fits its content again after each change of {@code trigger} (a message that grows or shrinks). */
    public static void refitWhen(Node node, Observable trigger) {
        trigger.addListener(o -> fitWindow(node));
    }

    /** After the next layout pass (when every row shown or hidden by one choice has settled), the window fits its content. */
    public static void fitWindow(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()
                || scene.getProperties().containsKey(FIT_PENDING)) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            scene.getProperties().remove(FIT_PENDING);
            Window window = scene.getWindow();
            double decorations = window.getHeight() - scene.getHeight();
            window.sizeToScene();
            // sizeToScene takes the height each child asks for at its own preferred width; text that wraps at the
            // form's width is taller than that
            double width = scene.getRoot().prefWidth(-1);
            double height = scene.getRoot().prefHeight(width);
            if (height > scene.getRoot().prefHeight(-1) + 0.5) {
                window.setHeight(height + decorations);
            }
        };
        scene.getProperties().put(FIT_PENDING, Boolean.TRUE);
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** A message that appears makes the form taller: the window grows to fit (only then) so its buttons stay in view. */
    private static void growToFit(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing() || scene.getWidth() <= 0) {
            return;   // not laid out yet: the window takes its size from the scene when it shows
        }
        if (scene.getRoot().prefHeight(scene.getWidth()) > scene.getHeight()) {
            scene.getWindow().sizeToScene();
        }
    }

    private static void markError(Control control, boolean wrong) {
        if (wrong && !control.getStyleClass().contains("field-error")) {
            control.getStyleClass().add("field-error");
        } else if (!wrong) {
            control.getStyleClass().remove("field-error");
        }
    }
}
