package org.vireo.app;

import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.Messages;
import org.vireo.ui.main.MainView;
import org.vireo.ui.main.MainViewModel;

/**
 * --show-vm / --show-console: waits, on the FX thread and without blocking it, until the named VM
 * is listed, then shows it (and its console). When every node has answered and none has it, says so.
 */
final class ShowOnStart {

    private ShowOnStart() {
    }

    /** @param awaited the nodes that connect at start; when all have answered, a missing VM is reported */
    static void watch(MainViewModel viewModel, MainView view, String name, boolean console, Messages messages,
                      Set<String> awaited) {
        new ShowOnStart.Watch(viewModel, view, name, console, messages, awaited).start();
    }

    /** Looks again after each batch of reports until the VM shows up or every awaited node answered, then stops listening. */
    private record Watch(MainViewModel viewModel, MainView view, String name, boolean console, Messages messages,
                         Set<String> awaited) implements ChangeListener<Boolean> {

        void start() {
            viewModel.applyingProperty().addListener(this);
            check();
        }

        @Override
        public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
            check();
        }

        private void check() {
            if (viewModel.applyingProperty().get()) {
                return;   // a batch is half applied: a node may read connected before its VMs are listed
            }
            VmSummary found = viewModel.allVms().stream().filter(vm -> vm.name().equals(name)).findFirst().orElse(null);
            if (found != null) {
                viewModel.applyingProperty().removeListener(this);
                view.showVm(found, console);
            } else if (viewModel.nodes().stream().filter(n -> awaited.contains(n.ref().id()))
                    .allMatch(n -> n.status().state().isSettled())) {
                viewModel.applyingProperty().removeListener(this);
                Alert alert = new Alert(Alert.AlertType.WARNING, messages.get("showVm.notFound", name));
                alert.setHeaderText(null);
                alert.show();
            }
        }
    }
}
