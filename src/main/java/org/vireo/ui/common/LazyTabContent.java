package org.vireo.ui.common;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Puts a tab's content into the scene (and, given a supplier, builds it) only when the tab is first selected. JavaFX styles and lays
 * out every node in the scene, shown or not, so a pane's unselected tabs (a host's storage and
 * networks tables, a VM's charts and hardware forms) would otherwise cost the first frame a CSS
 * pass over hundreds of nodes nobody sees yet.
 */
public final class LazyTabContent {

    private LazyTabContent() {
    }

    /** {@code content} becomes {@code tab}'s now if it is selected, else when it first is. */
    public static void attach(Tab tab, Node content) {
        build(tab, () -> content);
    }

    /** {@code content} is built and becomes {@code tab}'s now if it is selected, else when it first is. */
    public static void build(Tab tab, Supplier<Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        ChangeListener<Boolean> first = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        };
        tab.selectedProperty().addListener(first);
    }
}
