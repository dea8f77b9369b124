package org.vireo.ui.main;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.vireo.model.NodeState;
import org.vireo.model.VmState;

/**
 * The VM- and node-state icons drawn in {@code icons/states/} (a shape per state, not only a colour, so
 * they read without colour vision too). One decoded {@link Image} per state serves every row; JavaFX
 * picks the {@code @2x} file on HiDPI screens.
 */
final class StateIcons {

    private static final Map<VmState, Image> VM = new EnumMap<>(VmState.class);
    private static final Map<NodeState, Image> NODE = new EnumMap<>(NodeState.class);

    private StateIcons() {
    }

    static ImageView forVm(VmState state) {
        return view(vmImage(state), "state-icon");
    }

    /** For cells that keep one ImageView and swap its image as they are reused. */
    static Image vmImage(VmState state) {
        return VM.computeIfAbsent(state, s -> load("vm-" + s.id()));
    }

    static ImageView forNode(NodeState state) {
        return view(NODE.computeIfAbsent(state, s -> load("node-" + s.id())), "node-state-icon");
    }

    private static Image load(String name) {
        var url = StateIcons.class.getResource("/org/vireo/icons/states/" + name + ".png");
        if (url == null) {
            throw new IllegalStateException("icon missing from the build: " + name);
        }
        return new Image(url.toExternalForm());
    }

    private static ImageView view(Image image, String styleClass) {
        ImageView view = new ImageView(image);
        view.getStyleClass().add(styleClass);
        return view;
    }
}
