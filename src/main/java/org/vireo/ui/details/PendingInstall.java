package org.vireo.ui.details;

import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.vireo.model.NodeFacts;
import org.vireo.service.VmCreation;
import org.vireo.service.create.VmSpec;
import org.vireo.ui.common.ServiceCalls;

/**
 * A VM the wizard defined but did not start, so the user can change its hardware first ("customize before
 * install"): Begin installation starts it, Cancel installation removes it and what the wizard made for it.
 * FX thread only.
 */
public final class PendingInstall {

    private final VmCreation creation;
    private final String nodeId;
    private final String uuid;
    private final VmSpec spec;
    private final NodeFacts facts;
    private final ServiceCalls calls;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private Runnable afterBegin = () -> { };
    private Runnable ended = () -> { };

    public PendingInstall(VmCreation creation, String nodeId, String uuid, VmSpec spec, NodeFacts facts) {
        this(creation, nodeId, uuid, spec, facts, null);
    }

    PendingInstall(VmCreation creation, String nodeId, String uuid, VmSpec spec, NodeFacts facts, Executor fxThread) {
        this.creation = creation;
        this.nodeId = nodeId;
        this.uuid = uuid;
        this.spec = spec;
        this.facts = facts;
        this.calls = ServiceCalls.on(fxThread);
    }

    public String nodeId() {
        return nodeId;
    }

    public String uuid() {
        return uuid;
    }

    public String name() {
        return spec.name();
    }

    public VmSpec spec() {
        return spec;
    }

    /** What runs once the VM started (the console the wizard was asked to open). */
    public void setAfterBegin(Runnable afterBegin) {
        this.afterBegin = afterBegin;
    }

    /** Told when the VM no longer waits (started or removed): the details drop the bar. */
    void setEnded(Runnable ended) {
        this.ended = ended;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** libvirt's reason when Begin or Cancel failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public void begin() {
        failure.set("");
        calls.run(() -> creation.begin(nodeId, uuid)).busy(busy)
                .onSuccess(done -> {
                    ended.run();
                    afterBegin.run();
                })
                .onFailure(failure::set)
                .start();
    }

    public void cancel() {
        failure.set("");
        calls.run(() -> creation.discard(nodeId, uuid, spec, facts)).busy(busy)
                .onSuccess(done -> ended.run())
                .onFailure(failure::set)
                .start();
    }
}
