package org.vireo.ui.host;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vireo.model.HostDetails;
import org.vireo.model.HostService;
import org.vireo.model.OperationException;
import org.vireo.ui.common.FxBatchQueue;

/** The host details of the node in view, read on its worker. FX thread only. */
public final class HostViewModel {

    private final HostService hosts;
    private final FxBatchQueue<Runnable> fx = new FxBatchQueue<>(b -> b.forEach(Runnable::run));
    private final ReadOnlyObjectWrapper<HostDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String nodeId;

    public HostViewModel(HostService hosts) {
        this.hosts = hosts;
    }

    /** Shows {@code id}'s host; a node that is not connected says so. */
    public void show(String id, String nodeName) {
        nodeId = id;
        details.set(null);
        message.set("");
        hosts.hostDetails(id).whenComplete((loaded, error) -> fx.post(() -> {
            if (!id.equals(nodeId)) {
                return;
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message.set(nodeName + ": " + (cause instanceof OperationException op ? op.detail() : cause.getMessage()));
                return;
            }
            details.set(loaded);
        }));
    }

    public ReadOnlyObjectProperty<HostDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
