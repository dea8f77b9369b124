package org.vireo.ui.main;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * How a VM of a node that is not connected looks, in the table and the tree alike: faded. The opacity is
 * set directly and the {@code :offline} pseudo-class (for tests and themes) is one no style sheet selects,
 * so greying a screenful of rows costs no CSS pass over their cells.
 */
final class OfflineLook {

    static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final double OPACITY = 0.55;

    private OfflineLook() {
    }

    static void apply(Node node, boolean offline) {
        if (offline != node.getPseudoClassStates().contains(OFFLINE)) {
            node.pseudoClassStateChanged(OFFLINE, offline);
            node.setOpacity(offline ? OPACITY : 1);
        }
    }
}
