package org.vireo.ui.network;

import java.util.function.Consumer;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;

/**
 * "New network…" wherever a network is picked (the Networks tab, the wizard's network page, the NIC dialog):
 * the node's facts are read, the dialog asks, the network is created, and the caller gets its name to select it.
 * A refusal is shown over the window the user acted in, in libvirt's words.
 */
public final class NewNetworkFlow {

    private NewNetworkFlow() {
    }

    public static void run(Window owner, Messages messages, NewNetworkViewModel viewModel, String nodeId, Consumer<String> created) {
        viewModel.load(nodeId, facts -> NewNetworkDialog.show(owner, messages, viewModel, facts).ifPresent(spec ->
                viewModel.create(nodeId, spec, created, reason -> failed(owner, messages, reason))), reason -> failed(owner, messages, reason));
    }

    private static void failed(Window owner, Messages messages, String reason) {
        Dialogs.error(owner, messages.get("network.new.title"), messages.get("network.new.failed"), reason).show();
    }
}
