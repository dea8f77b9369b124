package org.vireo.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;

/**
 * What a screen reader would announce for each control a user can reach: its own text (buttons,
 * check boxes), a label pointing at it ({@code labelFor}), or an accessible text. Lists the controls
 * that would be announced by role alone. Call on the FX thread.
 */
public final class AccessibleNames {

    private AccessibleNames() {
    }

    public static List<String> unnamed(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        Set<Node> labelled = new HashSet<>();
        for (Node n : all) {
            if (n instanceof Label label && label.getLabelFor() != null) {
                labelled.add(label.getLabelFor());
            }
        }
        List<String> unnamed = new ArrayList<>();
        for (Node n : all) {
            if (reachable(n) && !named(n, labelled)) {
                unnamed.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()));
            }
        }
        return unnamed;
    }

    /** Walks user content, not the insides of a control's skin (a ComboBox's editor belongs to the ComboBox). */
    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof Control && !container(node)) {
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static boolean container(Node node) {
        return node instanceof ScrollPane || node instanceof TabPane || node instanceof SplitPane || node instanceof TitledPane
                || node instanceof Accordion || node instanceof ToolBar || node instanceof ButtonBar;
    }

    private static boolean reachable(Node n) {
        return n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ComboBoxBase
                || n instanceof ChoiceBox || n instanceof Spinner || n instanceof Slider || n instanceof TableView
                || n instanceof TreeView || n instanceof TreeTableView || n instanceof ListView;
    }

    private static boolean named(Node n, Set<Node> labelled) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return true;
        }
        if (labelled.contains(n)) {
            return true;
        }
        return n instanceof Labeled l && l.getText() != null && !l.getText().isBlank();
    }
}
