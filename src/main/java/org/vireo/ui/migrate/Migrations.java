package org.vireo.ui.migrate;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vireo.model.NodeRef;
import org.vireo.model.VmSummary;
import org.vireo.service.MigrationService;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.NodeMigrationSettings;
import org.vireo.ui.jobs.JobsViewModel;

/** Where the window gets the Migrate and Evacuate dialogs' view models, and a node's maintenance flag. FX thread only. */
public final class Migrations {

    private final MigrationService service;
    private final NodeMigrationSettings nodeSettings;
    private final Supplier<List<NodeRef>> connectedNodes;
    private final Function<String, List<VmSummary>> vmsOfNode;
    private final Messages messages;
    private final JobsViewModel jobs;

    /**
     * @param connectedNodes the nodes connected now
     * @param vmsOfNode      the VMs listed for a node id
     */
    public Migrations(MigrationService service, NodeMigrationSettings nodeSettings, Supplier<List<NodeRef>> connectedNodes,
                      Function<String, List<VmSummary>> vmsOfNode, Messages messages, JobsViewModel jobs) {
        this.service = service;
        this.nodeSettings = nodeSettings;
        this.connectedNodes = connectedNodes;
        this.vmsOfNode = vmsOfNode;
        this.messages = messages;
        this.jobs = jobs;
    }

    public MigrateViewModel migrate(VmSummary vm) {
        List<NodeRef> connected = connectedNodes.get();
        String sourceName = connected.stream().filter(n -> n.id().equals(vm.nodeId())).map(NodeRef::name).findFirst().orElse(vm.nodeId());
        return new MigrateViewModel(service, nodeSettings, vm, sourceName, others(vm.nodeId()), messages, jobs);
    }

    public EvacuateViewModel evacuate(NodeRef node) {
        return new EvacuateViewModel(service, nodeSettings, node, vmsOfNode.apply(node.id()), others(node.id()), messages, jobs);
    }

    private List<NodeRef> others(String nodeId) {
        return connectedNodes.get().stream().filter(n -> !n.id().equals(nodeId)).toList();
    }

    public boolean inMaintenance(NodeRef node) {
        return nodeSettings.inMaintenance(node);
    }

    /** Turns the node's maintenance on or off; returns whether it is in maintenance now. */
    public boolean toggleMaintenance(NodeRef node) {
        boolean now = !nodeSettings.inMaintenance(node);
        nodeSettings.setMaintenance(node, now);
        return now;
    }
}
