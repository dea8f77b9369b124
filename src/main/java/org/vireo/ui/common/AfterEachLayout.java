package org.vireo.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs an action after each layout pass of a node's scene, following the node to another scene:
 * what is on screen (a table's visible rows) is only known once the pulse has laid it out.
 */
public final class AfterEachLayout {

    private AfterEachLayout() {
    }

    public static void attach(Node node, Runnable action) {
        node.sceneProperty().addListener((obs, old, scene) -> move(action, old, scene));
        move(action, null, node.getScene());
    }

    /** Runs {@code action} once, after the layout of the next pulse (the one that draws what was just shown). */
    public static void afterNext(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void move(Runnable action, Scene from, Scene to) {
        if (from != null) {
            from.removePostLayoutPulseListener(action);
        }
        if (to != null) {
            to.addPostLayoutPulseListener(action);
        }
    }
}
