package org.vireo.ui.main;

import javafx.scene.shape.Circle;
import org.vireo.model.NodeState;
import org.vireo.model.VmState;

/** Small coloured dots for VM and node states; the colours live in app.css. */
final class StateIcons {

    private StateIcons() {
    }

    static Circle forVm(VmState state) {
        return dot("state-" + state.id());
    }

    static Circle forNode(NodeState state) {
        return dot("node-" + state.id());
    }

    private static Circle dot(String styleClass) {
        Circle circle = new Circle(5);
        circle.getStyleClass().addAll("state-dot", styleClass);
        return circle;
    }
}
