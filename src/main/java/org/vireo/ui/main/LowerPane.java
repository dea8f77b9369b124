package org.vireo.ui.main;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.common.Messages;
import org.vireo.ui.details.VmDetailsView;
import org.vireo.ui.details.VmDetailsViewModel;
import org.vireo.ui.host.HostView;
import org.vireo.ui.host.HostViewModel;

/**
 * The pane under the VM table: one selected VM shows its details; otherwise a node in scope shows
 * its host; otherwise nothing. Each pane is built on first use: the details' charts and tabs are
 * hundreds of classes the first window does not need.
 */
final class LowerPane {

    private final SplitPane centre;
    private final MainViewModel viewModel;
    private final VmDetailsViewModel details;
    private final HostViewModel host;
    private final Messages messages;
    private final FilePicker files;
    private double divider = 0.5;
    private Node detailsPane;
    private Node hostPane;

    LowerPane(SplitPane centre, MainViewModel viewModel, VmDetailsViewModel details, HostViewModel host, Messages messages,
              FilePicker files) {
        this.centre = centre;
        this.viewModel = viewModel;
        this.details = details;
        this.host = host;
        this.messages = messages;
        this.files = files;
    }

    void follow(List<VmSummary> selected) {
        VmSummary single = selected.size() == 1 ? selected.get(0) : null;
        details.vmProperty().set(single);
        NodeRow node = viewModel.scopeProperty().get();
        Node wanted = single != null ? detailsPane() : node != null ? hostPane() : null;
        Node current = centre.getItems().size() > 1 ? centre.getItems().get(1) : null;
        if (wanted == current) {
            return;
        }
        if (current != null) {
            divider = centre.getDividerPositions()[0];
            centre.getItems().remove(current);
        }
        if (wanted != null) {
            centre.getItems().add(wanted);
            centre.setDividerPositions(divider);
        }
    }

    /** Shows the host of {@code row} (read on its worker) in the host pane. */
    void showHost(NodeRow row) {
        host.show(row.ref(), row.status(), row.vms());
    }

    private Node detailsPane() {
        if (detailsPane == null) {
            detailsPane = new VmDetailsView(details, messages).root();
        }
        return detailsPane;
    }

    private Node hostPane() {
        if (hostPane == null) {
            hostPane = new HostView(host, messages, files).root();
        }
        return hostPane;
    }
}
