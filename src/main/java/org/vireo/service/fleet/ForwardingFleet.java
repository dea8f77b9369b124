package org.vireo.service.fleet;

import org.vireo.model.NodeRef;
import org.vireo.model.VmSummary;
import org.vireo.service.Fleet;
import org.vireo.service.InventoryListener;

/** A fleet that passes everything on; decorators override what they add to. */
abstract class ForwardingFleet implements Fleet {

    protected final Fleet fleet;

    ForwardingFleet(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public void connect(NodeRef node, InventoryListener listener) {
        fleet.connect(node, listener);
    }

    @Override
    public void refresh(VmSummary vm) {
        fleet.refresh(vm);
    }

    @Override
    public void remove(NodeRef node) {
        fleet.remove(node);
    }

    @Override
    public void disconnect(NodeRef node) {
        fleet.disconnect(node);
    }

    @Override
    public void close() {
        fleet.close();
    }
}
