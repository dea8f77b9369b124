package org.vireo.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A form label tied to its field, so a screen reader announces the field by it and a click on it focuses the field. */
public final class FieldLabel {

    private FieldLabel() {
    }

    public static Label of(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        // A form's label keeps its whole text; the field beside it gives way.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
